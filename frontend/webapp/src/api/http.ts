/**
 * The app's only way to the server. Calls go to the BFF (same origin): the session cookie rides along, the BFF adds
 * the user's access token. The app never sees or stores a token; it only echoes the CSRF token on changes.
 *
 * Each service has one typed client, generated from the OpenAPI document committed for it (openapi/<service>.json):
 * a path, parameter, request or view the service changed is a compile error in the screens that use it.
 */
import createClient, { type Client, type Middleware } from 'openapi-fetch';

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

/** What the browser should do when the session is gone: start the login flow again. */
let onSessionExpired = (): void => {
  window.location.reload();
};

export function setSessionExpiredHandler(handler: () => void): void {
  onSessionExpired = handler;
}

export interface Versioned<T> {
  data: T;
  etag?: string;
}

async function problemOf(response: Response): Promise<Problem> {
  const type = response.headers.get('Content-Type') ?? '';
  if (type.includes('json')) {
    try {
      const body = (await response.clone().json()) as Partial<Problem>;
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

/** Marks a request as the app's: JSON wanted, the CSRF token on changes, and no login redirect for a fetch. */
function prepare(headers: Headers, method: string): void {
  if (!headers.has('Accept')) headers.set('Accept', 'application/json');
  // Tells quarkus-oidc to answer 499 rather than redirect a fetch to the login page.
  headers.set('X-Requested-With', 'JavaScript');
  if (method !== 'GET' && csrfToken) headers.set('X-CSRF-Token', csrfToken);
}

/** A gone session starts a new login; any other failure becomes an ApiError carrying the problem+json. */
async function check(response: Response): Promise<void> {
  if (response.status === 499 || response.status === 401 || response.type === 'opaqueredirect') {
    onSessionExpired();
    throw new ApiError({ title: 'Session expired', status: 401, detail: 'Your session ended; signing you in again.' });
  }
  if (!response.ok) {
    throw new ApiError(await problemOf(response));
  }
}

function unreachable(error: unknown): Error {
  if (error instanceof DOMException && error.name === 'AbortError') return error;
  return new ApiError({
    title: 'Network error',
    status: 0,
    detail: 'Entente could not reach the server. Check your connection and try again.',
  });
}

const browserBehaviour: Middleware = {
  onRequest({ request }) {
    prepare(request.headers, request.method);
    return request;
  },
  async onResponse({ response }) {
    await check(response);
    return undefined;
  },
  onError({ error }) {
    return unreachable(error);
  },
};

/** A service's paths as the app calls them through the BFF: /api/<service>/<path> reaches the service's /api/<path>. */
type ThroughBff<Paths> = { [P in keyof Paths as P extends `/api${infer Rest}` ? Rest : never]: Paths[P] };

/** The typed client of one service; every failure is thrown as an ApiError (so `data` is there when a call returns). */
export function serviceClient<Paths extends object>(service: string): Client<ThroughBff<Paths>> {
  const client = createClient<ThroughBff<Paths>>({
    baseUrl: new URL(`/api/${service}`, window.location.origin).href,
    credentials: 'same-origin',
    redirect: 'manual',
    // Looked up per call (not captured once) so tests can stand in for the network.
    fetch: (request: Request) => globalThis.fetch(request),
  });
  client.use(browserBehaviour);
  return client;
}

interface Answer<T> {
  data?: T;
  response: Response;
}

/** The body of a successful call (failures were thrown by the middleware). */
export async function body<T>(call: Promise<Answer<T>>): Promise<T> {
  const { data } = await call;
  return data as T;
}

/** The body of a successful call with its ETag, for a later If-Match. */
export async function versioned<T>(call: Promise<Answer<T>>): Promise<Versioned<T>> {
  const { data, response } = await call;
  return { data: data as T, etag: response.headers.get('ETag') ?? undefined };
}

/** The ETag form of a view's version, for an If-Match when the view (not an ETag header) is at hand. */
export const etagOf = (version: number | undefined): string => (version != null ? `"${version}"` : '*');

/** A call outside the services' documents (the BFF's own endpoints, a packet as HTML), with the same behaviour. */
export async function send(url: string, options: { accept?: string; signal?: AbortSignal } = {}): Promise<Response> {
  const headers = new Headers();
  if (options.accept) headers.set('Accept', options.accept);
  prepare(headers, 'GET');
  let response: Response;
  try {
    response = await fetch(url, { method: 'GET', headers, credentials: 'same-origin', signal: options.signal, redirect: 'manual' });
  } catch (e) {
    throw unreachable(e);
  }
  await check(response);
  return response;
}
