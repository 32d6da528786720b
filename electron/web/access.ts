/**
 * Browser-mode access control, as one Fastify `onRequest` hook that runs before every route
 * (static files, `/api/*`, and any route added later such as an event stream).
 *
 * - Host must be the server's own (`127.0.0.1:PORT` or `localhost:PORT`): DNS rebinding → 421.
 * - Origin, when the browser sends one, must be the server's own origin → 403. `Sec-Fetch-Site`,
 *   when sent, must be `same-origin` or `none` (a typed address) → 403.
 * - A random token per launch (printed in the URL, like Jupyter): `?token=…` on a GET is
 *   exchanged for an HttpOnly, SameSite=Strict cookie and answered with a redirect to the same
 *   address without the token. Every other request needs that cookie (or `Authorization: Bearer
 *   <token>` for scripts) → otherwise 401.
 *
 * - Malformed URLs (bad percent-encoding, encoded `..` segments, NUL, backslashes) → 400.
 *
 * The decision is a pure function of the request's method, URL and headers (`decideAccess`), so
 * it is unit-tested without a server.
 */
import crypto from 'node:crypto';
import type { FastifyInstance } from 'fastify';

export interface AccessConfig {
  token: string;
  port: number;
}

export type AccessDecision =
  | { kind: 'allow' }
  | { kind: 'exchange'; location: string; cookie: string }
  | { kind: 'refuse'; status: 400 | 401 | 403 | 421; message: string };

export interface RequestFacts {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
}

/** 32 random bytes, URL-safe. */
export function newAccessToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

/** Cookies are shared between ports of one host, so the name carries the port. */
export function cookieName(port: number): string {
  return `vendordesk-token-${port}`;
}

export function allowedOrigins(port: number): string[] {
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
}

function header(headers: RequestFacts['headers'], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

function cookieValue(cookieHeader: string | undefined, name: string): string | undefined {
  if (!cookieHeader) return undefined;
  for (const part of cookieHeader.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

export function decideAccess(request: RequestFacts, config: AccessConfig): AccessDecision {
  const host = header(request.headers, 'host') ?? '';
  if (!allowedOrigins(config.port).some((origin) => origin === `http://${host}`)) {
    return { kind: 'refuse', status: 421, message: 'unexpected Host header' };
  }
  const origin = header(request.headers, 'origin');
  if (origin !== undefined && !allowedOrigins(config.port).includes(origin)) {
    return { kind: 'refuse', status: 403, message: `foreign Origin ${origin.slice(0, 100)}` };
  }
  const fetchSite = header(request.headers, 'sec-fetch-site');
  if (fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none') {
    // A top-level navigation from another site (a link elsewhere) may still load the app shell
    // with the launch token, which is how a user opens the printed URL from a chat or a mail.
    const topLevelGet = request.method === 'GET' && header(request.headers, 'sec-fetch-mode') === 'navigate';
    if (!topLevelGet) return { kind: 'refuse', status: 403, message: `cross-site request (${fetchSite})` };
  }

  let url: URL;
  try {
    url = new URL(request.url, 'http://127.0.0.1');
  } catch {
    return { kind: 'refuse', status: 400, message: 'malformed URL' };
  }
  let decodedPath: string;
  try {
    decodedPath = decodeURIComponent(url.pathname);
  } catch {
    return { kind: 'refuse', status: 400, message: 'malformed URL (bad percent-encoding)' };
  }
  // Encoded traversal (`..%2f`), backslashes and NUL never name a file of the app.
  if (
    /(^|[/\\])\.\.([/\\]|$)/.test(decodedPath) ||
    decodedPath.includes('\0') ||
    decodedPath.includes('\\')
  ) {
    return { kind: 'refuse', status: 400, message: 'malformed URL (path traversal)' };
  }
  const authorization = header(request.headers, 'authorization');
  const bearer = authorization?.startsWith('Bearer ') ? authorization.slice('Bearer '.length) : undefined;
  const fromCookie = cookieValue(header(request.headers, 'cookie'), cookieName(config.port));
  const queryToken = url.searchParams.get('token') ?? undefined;

  if (queryToken !== undefined && (request.method === 'GET' || request.method === 'HEAD')) {
    if (!sameToken(queryToken, config.token))
      return { kind: 'refuse', status: 401, message: 'wrong access token' };
    url.searchParams.delete('token');
    const search = url.searchParams.toString();
    return {
      kind: 'exchange',
      location: `${url.pathname}${search ? `?${search}` : ''}`,
      cookie: `${cookieName(config.port)}=${config.token}; Path=/; HttpOnly; SameSite=Strict`,
    };
  }
  if (sameToken(fromCookie, config.token) || sameToken(bearer, config.token)) return { kind: 'allow' };
  return {
    kind: 'refuse',
    status: 401,
    message: 'open the address printed by "npm run web" (it carries the access token)',
  };
}

const refusalPage = (message: string) =>
  `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>VendorDesk</title>` +
  `<p>请打开 “npm run web” 打印的地址（含访问令牌）。</p>` +
  `<p>Open the address printed by “npm run web” (it carries the access token).</p>` +
  `<p><small>${message.replace(/[<>&"]/g, '')}</small></p></html>`;

/** Registers the access hook on `app`; `config()` is read per request (the port is known after listen). */
export function registerAccessControl(app: FastifyInstance, config: () => AccessConfig): void {
  app.addHook('onRequest', async (request, reply) => {
    const decision = decideAccess(
      { method: request.method, url: request.url, headers: request.headers },
      config(),
    );
    if (decision.kind === 'allow') return;
    if (decision.kind === 'exchange') {
      const crossSite =
        (request.headers['sec-fetch-site'] ?? 'none') !== 'none' &&
        request.headers['sec-fetch-site'] !== 'same-origin';
      if (crossSite) {
        // A SameSite=Strict cookie is not sent on a redirect that a foreign page started; a
        // same-origin refresh from this page makes the next request first-party.
        const target = decision.location.replace(/[^A-Za-z0-9/._~%?=&-]/g, '');
        return reply
          .code(200)
          .header('set-cookie', decision.cookie)
          .header('cache-control', 'no-store')
          .type('text/html; charset=utf-8')
          .send(
            `<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="0; url=${target}"><title>VendorDesk</title>`,
          );
      }
      return reply
        .code(302)
        .header('set-cookie', decision.cookie)
        .header('cache-control', 'no-store')
        .header('location', decision.location)
        .send();
    }
    const api = request.url.startsWith('/api/');
    if (api || request.method !== 'GET') {
      return reply
        .code(decision.status)
        .send({ ok: false, error: { code: 'forbidden-sender', message: decision.message } });
    }
    return reply.code(decision.status).type('text/html; charset=utf-8').send(refusalPage(decision.message));
  });
}
