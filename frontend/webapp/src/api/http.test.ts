import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, pageOf, send, setCsrfToken, setSessionExpiredHandler } from './http';

function answer(status: number, body: unknown, type = 'application/json') {
  return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'Content-Type': type } });
}

describe('send', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('echoes the CSRF token on changes only, and marks calls as JavaScript', async () => {
    const fetchMock = vi.fn().mockResolvedValue(answer(200, {}));
    vi.stubGlobal('fetch', fetchMock);
    setCsrfToken('tok');
    await send('/api/backlog/x');
    await send('/api/backlog/x', { method: 'POST', body: { a: 1 }, ifMatch: '"3"' });
    const [, get] = fetchMock.mock.calls[0];
    const [, post] = fetchMock.mock.calls[1];
    expect(get.headers['X-CSRF-Token']).toBeUndefined();
    expect(get.headers['X-Requested-With']).toBe('JavaScript');
    expect(post.headers['X-CSRF-Token']).toBe('tok');
    expect(post.headers['If-Match']).toBe('"3"');
    expect(post.credentials).toBe('same-origin');
  });

  it('turns problem+json into an ApiError that keeps the field errors', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(answer(400, {
      title: 'Invalid input', status: 400, errors: [{ field: 'create.request.title', message: 'must not be blank' }],
    }, 'application/problem+json')));
    const error = await send('/api/backlog/backlog-items', { method: 'POST', body: {} }).catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    expect(error.fieldError('title')).toBe('must not be blank');
  });

  it('reports a service that is down with the BFF message', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(answer(503, {
      title: 'Service unavailable', status: 503, detail: 'The decision service is not reachable right now.',
    }, 'application/problem+json')));
    const error = await send('/api/decision/decisions').catch((e) => e);
    expect(error.problem.title).toBe('Service unavailable');
    expect(error.message).toContain('decision service');
  });

  it('starts a new login when the session is gone (499 from quarkus-oidc)', async () => {
    const expired = vi.fn();
    setSessionExpiredHandler(expired);
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(new Response(null, { status: 499 })));
    await expect(send('/api/backlog/x')).rejects.toBeInstanceOf(ApiError);
    expect(expired).toHaveBeenCalled();
  });
});

describe('pageOf', () => {
  it('reads bare arrays and keyset pages', () => {
    expect(pageOf([1, 2])).toEqual({ items: [1, 2] });
    expect(pageOf({ items: [1], next: 'c2' })).toEqual({ items: [1], next: 'c2' });
    expect(pageOf({ content: [3] })).toEqual({ items: [3], next: undefined });
  });
});
