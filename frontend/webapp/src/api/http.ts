/**
 * The app's only way to the server. Calls go to the BFF (same origin): the session cookie rides along, the BFF adds
 * the user's access token. The app never sees or stores a token; it only echoes the CSRF token on changes.
 */

export interface FieldError {
  field: string;
  message: string;
}

export interface Problem {
  type?: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
}

export class ApiError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail || problem.title);
    this.name = 'ApiError';
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }

  /** The message for one form field, matched on the last segment of the reported path (create.request.title → title). */
  fieldError(field: string): string | undefined {
    return fieldErrorOf(this.problem, field);
  }
}

export function fieldErrorOf(problem: Problem | undefined, field: string): string | undefined {
  const hit = problem?.errors?.find((e) => {
    const name = e.field ?? '';
    return name === field || name.endsWith('.' + field);
  });
  return hit?.message;
}

let csrfToken: string | undefined;

/** Set once from /bff/session; kept in memory only (never in web storage). */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

export interface Versioned<T> {
  data: T;
  etag?: string;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  ifMatch?: string;
  accept?: string;
  signal?: AbortSignal;
}

/** What the browser should do when the session is gone: start the login flow again. */
let onSessionExpired = (): void => {
  window.location.reload();
};

export function setSessionExpiredHandler(handler: () => void): void {
  onSessionExpired = handler;
}

async function problemOf(response: Response): Promise<Problem> {
  const type = response.headers.get('Content-Type') ?? '';
  if (type.includes('json')) {
    try {
      const body = (await response.json()) as Partial<Problem>;
      return { title: body.title ?? response.statusText, status: body.status ?? response.status, ...body } as Problem;
    } catch {
      // fall through to the generic problem
    }
  }
  return {
    title: response.status >= 500 ? 'Server error' : response.statusText || 'Request failed',
    status: response.status,
    detail: `The server answered ${response.status}.`,
  };
}

export async function send(url: string, options: RequestOptions = {}): Promise<Response> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = {
    Accept: options.accept ?? 'application/json',
    // Tells quarkus-oidc to answer 499 rather than redirect a fetch to the login page.
    'X-Requested-With': 'JavaScript',
  };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.ifMatch) headers['If-Match'] = options.ifMatch;
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
      redirect: 'manual',
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError({
      title: 'Network error',
      status: 0,
      detail: 'Entente could not reach the server. Check your connection and try again.',
    });
  }
  if (response.status === 499 || response.status === 401 || response.type === 'opaqueredirect') {
    onSessionExpired();
    throw new ApiError({ title: 'Session expired', status: 401, detail: 'Your session ended; signing you in again.' });
  }
  if (!response.ok) {
    throw new ApiError(await problemOf(response));
  }
  return response;
}

export async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const response = await send(url, { signal });
  return (await response.json()) as T;
}

export async function getVersioned<T>(url: string, signal?: AbortSignal): Promise<Versioned<T>> {
  const response = await send(url, { signal });
  return { data: (await response.json()) as T, etag: response.headers.get('ETag') ?? undefined };
}

export async function sendJson<T>(url: string, options: RequestOptions): Promise<Versioned<T>> {
  const response = await send(url, options);
  const text = await response.text();
  return {
    data: (text ? JSON.parse(text) : undefined) as T,
    etag: response.headers.get('ETag') ?? undefined,
  };
}

/** Lists come as a bare array or as a keyset page; either way the app gets the items and the next cursor. */
export interface Page<T> {
  items: T[];
  next?: string;
}

export function pageOf<T>(body: unknown): Page<T> {
  if (Array.isArray(body)) return { items: body as T[] };
  if (body && typeof body === 'object') {
    const record = body as Record<string, unknown>;
    const items = (record.items ?? record.content ?? record.data ?? record.results ?? []) as T[];
    const next = (record.next ?? record.nextCursor ?? record.after ?? record.cursor) as string | undefined;
    return { items: Array.isArray(items) ? items : [], next: next ?? undefined };
  }
  return { items: [] };
}

export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
