import { afterEach, describe, expect, it, vi } from 'vitest';
import type { paths } from './generated/backlog';
import { ApiError, body, send, serviceClient, setCsrfToken, setSessionExpiredHandler, versioned } from './http';

function answer(status: number, content: unknown, type = 'application/json', headers: Record<string, string> = {}) {
  return new Response(content === undefined ? null : JSON.stringify(content), { status, headers: { 'Content-Type': type, ...headers } });
}

const backlog = serviceClient<paths>('backlog');
const requestOf = (call: unknown[]) => call[0] as Request;
/** The ApiError a call failed with. */
const failure = (call: Promise<unknown>): Promise<ApiError> => call.then(() => { throw new Error('the call succeeded'); }, (e: unknown) => e as ApiError);

describe('service client', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('calls the service through the BFF, echoes the CSRF token on changes only, and marks calls as JavaScript', async () => {
    const fetchMock = vi.fn().mockImplementation(() => Promise.resolve(answer(200, {}, 'application/json', { ETag: '"4"' })));
    vi.stubGlobal('fetch', fetchMock);
    setCsrfToken('tok');
    await body(backlog.GET('/backlog-items', { params: { query: { allianceId: ['ONC-HELIX'], limit: 5 } } }));
    const saved = await versioned(backlog.POST('/backlog-items/{id}/rank', {
      params: { path: { id: 'i1' }, header: { 'If-Match': '"3"' } },
      body: { above: 'i2' },
    }));
    const get = requestOf(fetchMock.mock.calls[0]);
    const post = requestOf(fetchMock.mock.calls[1]);
    expect(new URL(get.url).pathname).toBe('/api/backlog/backlog-items');
    expect(new URL(get.url).search).toBe('?allianceId=ONC-HELIX&limit=5');
    expect(get.headers.get('X-CSRF-Token')).toBeNull();
    expect(get.headers.get('X-Requested-With')).toBe('JavaScript');
    expect(get.headers.get('Accept')).toBe('application/json');
    expect(new URL(post.url).pathname).toBe('/api/backlog/backlog-items/i1/rank');
    expect(post.headers.get('X-CSRF-Token')).toBe('tok');
    expect(post.headers.get('If-Match')).toBe('"3"');
    expect(post.credentials).toBe('same-origin');
    expect(await post.text()).toBe('{"above":"i2"}');
    expect(saved.etag).toBe('"4"');
  });

  it('turns problem+json into an ApiError that keeps the field errors', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(answer(400, {
      title: 'Invalid input', status: 400, errors: [{ field: 'create.request.title', message: 'must not be blank' }],
    }, 'application/problem+json')));
    const error = await failure(body(backlog.POST('/backlog-items', {
      body: { allianceId: 'ONC-HELIX', title: '', discipline: 'GOVERNANCE', type: 'TASK' },
    })));
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    expect(error.fieldError('title')).toBe('must not be blank');
  });

  it('reports a service that is down with the BFF message', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(answer(503, {
      title: 'Service unavailable', status: 503, detail: 'The backlog service is not reachable right now.',
    }, 'application/problem+json')));
    const error = await failure(body(backlog.GET('/playbooks')));
    expect(error.problem.title).toBe('Service unavailable');
    expect(error.message).toContain('backlog service');
  });

  it('starts a new login when the session is gone (499 from quarkus-oidc)', async () => {
    const expired = vi.fn();
    setSessionExpiredHandler(expired);
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(new Response(null, { status: 499 })));
    await expect(body(backlog.GET('/playbooks'))).rejects.toBeInstanceOf(ApiError);
    expect(expired).toHaveBeenCalled();
  });

  it('says the server cannot be reached when the network fails', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    const error = await failure(body(backlog.GET('/playbooks')));
    expect(error).toBeInstanceOf(ApiError);
    expect(error.problem.title).toBe('Network error');
  });
});

describe('send', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('applies the same session handling to calls outside the services', async () => {
    const expired = vi.fn();
    setSessionExpiredHandler(expired);
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(new Response(null, { status: 401 })));
    await expect(send('/bff/session')).rejects.toBeInstanceOf(ApiError);
    expect(expired).toHaveBeenCalled();
  });
});
