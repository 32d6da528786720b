/** The transport with an injected fetch: what is retried, with which headers, and what each failure becomes. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Transport, parseRetryAfter, type FetchLike } from '../../../electron/services/api/transport';
import { ApiError } from '../../../shared/api/errors';

const SECRET = 'transport-secret-abcdef0123456789';
type Sent = { method: string; headers: Record<string, string>; body?: string };

function transport(responses: Array<() => Response>, sleeps: number[] = [], sent: Sent[] = []) {
  let i = 0;
  const fetch: FetchLike = async (_url, init) => {
    sent.push({ method: init.method, headers: init.headers, body: init.body });
    const next = responses[Math.min(i++, responses.length - 1)]!;
    return next();
  };
  return new Transport({
    endpoint: 'https://market.example',
    region: 'cn-north-1',
    service: 'market',
    credentials: async () => ({ accessKey: 'AKTEST', secretKey: SECRET }),
    fetch,
    sleep: async (ms) => void sleeps.push(ms),
    random: () => 0.5,
    now: () => new Date('2026-01-12T02:00:00Z'),
  });
}

const json =
  (status: number, body: unknown, headers: Record<string, string> = {}) =>
  () =>
    new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json', ...headers },
    });
const ok = json(200, { requestId: 'r1', result: { n: 1 } });
const result = z.looseObject({ n: z.number() });

async function failure(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error('expected ApiError');
}

describe('transport', () => {
  it('reuses one idempotency key across the retries of a mutation, with a fresh nonce each time', async () => {
    const sent: Sent[] = [];
    await transport(
      [json(503, { requestId: 'r0', error: { code: 503, status: 'UNAVAILABLE', message: 'busy' } }), ok],
      [],
      sent,
    ).call({ method: 'POST', path: '/v1/x', body: {}, result });
    expect(sent).toHaveLength(2);
    expect(sent[0]!.headers['x-jdcloud-idempotency-key']).toBe(sent[1]!.headers['x-jdcloud-idempotency-key']);
    expect(sent[0]!.headers['x-jdcloud-nonce']).not.toBe(sent[1]!.headers['x-jdcloud-nonce']);
    expect(sent[0]!.headers.authorization).toContain('x-jdcloud-idempotency-key');
  });

  it('sends no idempotency key on GET and backs off with full jitter', async () => {
    const sleeps: number[] = [];
    const sent: Sent[] = [];
    const boom = json(500, { requestId: 'r', error: { code: 500, status: 'INTERNAL', message: 'x' } });
    await transport([boom, boom, ok], sleeps, sent).call({ method: 'GET', path: '/v1/x', result });
    expect(sent[0]!.headers['x-jdcloud-idempotency-key']).toBeUndefined();
    expect(sleeps).toEqual([100, 200]); // random 0.5 × 200 ms × 2^attempt
  });

  it('does not retry a 4xx, and reads currentVersion from a 412', async () => {
    const sent: Sent[] = [];
    const e = await failure(
      transport(
        [
          json(412, {
            requestId: 'r',
            error: {
              code: 412,
              status: 'FAILED_PRECONDITION',
              message: 'stale',
              details: { currentVersion: 7 },
            },
          }),
        ],
        [],
        sent,
      ).call({
        method: 'PUT',
        path: '/v1/x',
        body: {},
        ifMatch: 3,
        result,
      }),
    );
    expect(e).toMatchObject({ code: 'precondition-failed', currentVersion: 7, httpStatus: 412 });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.headers['if-match']).toBe('"3"');
  });

  it('a non-envelope error page is malformed-response', async () => {
    const html = () => new Response('<html>502 Bad Gateway</html>', { status: 502 });
    const e = await failure(transport([html]).call({ method: 'GET', path: '/v1/x', result }));
    expect(e).toMatchObject({ code: 'malformed-response', httpStatus: 502, attempts: 4 });
  });

  it('a 2xx body of the wrong shape is malformed-response at once, naming the field', async () => {
    const sent: Sent[] = [];
    const e = await failure(
      transport([json(200, { requestId: 'r', result: { n: 'one' } })], [], sent).call({
        method: 'GET',
        path: '/v1/x',
        result,
      }),
    );
    expect(e.code).toBe('malformed-response');
    expect(e.message).toContain('result.n');
    expect(sent).toHaveLength(1);
  });

  it('a body that is not an envelope at all is malformed-response', async () => {
    const e = await failure(transport([json(200, { n: 1 })]).call({ method: 'GET', path: '/v1/x', result }));
    expect(e.code).toBe('malformed-response');
  });

  it('never puts the secret in errors', async () => {
    const e = await failure(
      transport([() => Promise.reject(new TypeError('fetch failed')) as never]).call({
        method: 'GET',
        path: '/v1/x',
        result,
      }),
    );
    expect(e.code).toBe('network');
    for (const text of [String(e), JSON.stringify(e), e.stack ?? '']) expect(text).not.toContain(SECRET);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    const now = new Date('2026-01-12T02:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter('Mon, 12 Jan 2026 02:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});
