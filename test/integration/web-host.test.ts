import path from 'node:path';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from '../../electron/web/host';
import { createNodePlatform } from '../../electron/web/platform-node';
import { tempDir } from '../helpers/temp-dir';

let tmp: ReturnType<typeof tempDir>;
let host: WebHost;

beforeAll(async () => {
  tmp = tempDir();
  // A minimal renderer folder: this test is about the transport, not the UI bundle.
  const rendererDir = path.join(tmp.dir, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  host = await startWebHost({
    platform: createNodePlatform({ userDataDir: path.join(tmp.dir, 'data'), appVersion: '0.0.1' }),
    rendererDir,
    port: 0,
    log: () => undefined,
  });
});
afterAll(async () => {
  await host.close();
  tmp.cleanup();
});

const cookie = () => `vendordesk-token-${host.port}=${host.token}`;
const post = (channel: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${host.origin}api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-vendordesk-client': '1', cookie: cookie(), ...headers },
    body,
  });

/** A raw request (fetch normalises paths and refuses to send some headers). */
async function raw(
  pathAndQuery: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
) {
  const { request } = await import('node:http');
  return new Promise<{
    status: number;
    headers: Record<string, string | string[] | undefined>;
    body: string;
  }>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: host.port,
        path: pathAndQuery,
        method: options.method ?? 'GET',
        headers: options.headers,
      },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('browser-mode host', () => {
  it('serves the app shell with a strict CSP, also on client-side routes', async () => {
    for (const url of [host.origin, `${host.origin}listings/deep/link`]) {
      const response = await fetch(url, { headers: { cookie: cookie() } });
      expect(response.status).toBe(200);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain("script-src 'self' 'unsafe-inline'");
      expect(await response.text()).toContain('<title>t</title>');
    }
  });

  it('answers contract calls with the typed envelope', async () => {
    const response = await post('app.status', '{}');
    expect(await response.json()).toMatchObject({ ok: true, value: { mode: 'browser', version: '0.0.1' } });
  });

  it('rejects a malformed JSON body with a typed error', async () => {
    const body = await (await post('listings.list', '{not json')).json();
    expect(body).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('rejects a contract violation with a typed error', async () => {
    const body = await (await post('listings.get', JSON.stringify({ localId: ['x'] }))).json();
    expect(body).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('refuses calls without the client header (cross-site requests) and foreign Host headers', async () => {
    const noHeader = await fetch(`${host.origin}api/listings.list`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', cookie: cookie() },
      body: '{}',
    });
    expect(noHeader.status).toBe(403);
    expect(await noHeader.json()).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    // DNS rebinding: a page from evil.example resolving to 127.0.0.1 sends its own Host.
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        `${host.origin}api/listings.list`,
        {
          method: 'POST',
          headers: {
            host: 'evil.example',
            cookie: cookie(),
            'x-vendordesk-client': '1',
            'content-type': 'application/json',
          },
        },
        (res) => resolve(res.statusCode ?? 0),
      );
      req.on('error', reject);
      req.end('{}');
    });
    expect(status).toBe(421);
  });

  it("streams the core's events as Server-Sent Events on GET /api/events", async () => {
    const controller = new AbortController();
    const response = await fetch(`${host.origin}api/events`, {
      signal: controller.signal,
      headers: { cookie: cookie() },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    const readUntil = async (needle: string) => {
      while (!text.includes(needle)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended before ${needle}: ${text}`);
        text += decoder.decode(value);
      }
    };
    await readUntil(': connected');
    const created = await (await post('settings.update', JSON.stringify({ locale: 'en' }))).json();
    expect(created.ok).toBe(true);
    await readUntil('event: data.changed');
    await readUntil('\n\n');
    const message = text.slice(text.indexOf('event: data.changed'));
    const data = /data: (.*)\n/.exec(message)?.[1];
    expect(JSON.parse(data!)).toEqual({ topics: ['settings'], reason: 'write' });
    controller.abort();
  });

  it('refuses the event stream to another site', async () => {
    const foreign = await fetch(`${host.origin}api/events`, {
      headers: { origin: 'https://evil.example', cookie: cookie() },
    });
    expect(foreign.status).toBe(403);
    const crossSite = await fetch(`${host.origin}api/events`, {
      headers: { 'sec-fetch-site': 'cross-site', cookie: cookie() },
    });
    expect(crossSite.status).toBe(403);
  });

  it('refuses the event stream without the access cookie', async () => {
    const anonymous = await fetch(`${host.origin}api/events`);
    expect(anonymous.status).toBe(401);
  });

  it('prints a URL that carries a fresh random token', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{43}$/);
    expect(host.url.endsWith(host.token)).toBe(true);
  });

  it('exchanges the token for an HttpOnly SameSite=Strict cookie and redirects to the address without it', async () => {
    const first = await raw(`/listings?token=${host.token}&x=1`, {
      headers: { host: `127.0.0.1:${host.port}` },
    });
    expect(first.status).toBe(302);
    expect(first.headers.location).toBe('/listings?x=1');
    const setCookie = String(first.headers['set-cookie']);
    expect(setCookie).toContain(`vendordesk-token-${host.port}=${host.token}`);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    const cookieHeader = setCookie.split(';')[0] ?? '';
    const page = await raw('/listings?x=1', {
      headers: { host: `127.0.0.1:${host.port}`, cookie: cookieHeader },
    });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>t</title>');
  });

  it('opened from a link on another site, answers the exchange with a same-origin refresh (the cookie would not follow a redirect)', async () => {
    const first = await raw(`/?token=${host.token}`, {
      headers: {
        host: `127.0.0.1:${host.port}`,
        'sec-fetch-site': 'cross-site',
        'sec-fetch-mode': 'navigate',
      },
    });
    expect(first.status).toBe(200);
    expect(String(first.headers['set-cookie'])).toContain('SameSite=Strict');
    expect(first.body).toContain('http-equiv="refresh" content="0; url=/"');
    expect(first.body).not.toContain(host.token);
  });

  it('refuses a wrong token in the URL with 401 and sets no cookie', async () => {
    const wrong = await raw(`/?token=${'A'.repeat(43)}`, { headers: { host: `127.0.0.1:${host.port}` } });
    expect(wrong.status).toBe(401);
    expect(wrong.headers['set-cookie']).toBeUndefined();
  });

  it('answers 401 to API calls and pages without the cookie (or with a wrong one)', async () => {
    const noCookie = await fetch(`${host.origin}api/app.status`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-vendordesk-client': '1' },
      body: '{}',
    });
    expect(noCookie.status).toBe(401);
    expect(await noCookie.json()).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    const wrongCookie = await post('app.status', '{}', { cookie: `vendordesk-token-${host.port}=nope` });
    expect(wrongCookie.status).toBe(401);
    const page = await fetch(host.origin);
    expect(page.status).toBe(401);
    expect(await page.text()).not.toContain('<title>t</title>');
    const asset = await fetch(`${host.origin}index.html`);
    expect(asset.status).toBe(401);
    // Scripts may send the token as a bearer header instead.
    const bearer = await fetch(`${host.origin}api/app.status`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-vendordesk-client': '1',
        authorization: `Bearer ${host.token}`,
      },
      body: '{}',
    });
    expect(bearer.status).toBe(200);
  });

  it('refuses a foreign Origin and cross-site fetches even with the cookie', async () => {
    const foreign = await post('app.status', '{}', { origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
    const otherPort = await post('app.status', '{}', { origin: `http://127.0.0.1:${host.port + 1}` });
    expect(otherPort.status).toBe(403);
    const own = await post('app.status', '{}', { origin: `http://127.0.0.1:${host.port}` });
    expect(own.status).toBe(200);
    const crossSite = await raw('/api/app.status', {
      method: 'POST',
      headers: {
        host: `127.0.0.1:${host.port}`,
        cookie: cookie(),
        'sec-fetch-site': 'cross-site',
        'sec-fetch-mode': 'cors',
        'x-vendordesk-client': '1',
        'content-type': 'application/json',
      },
      body: '{}',
    });
    expect(crossSite.status).toBe(403);
  });

  it('answers static refusals and malformed URLs with real 4xx statuses', async () => {
    const headers = { host: `127.0.0.1:${host.port}`, cookie: cookie() };
    const traversal = await raw('/..%2f..%2f..%2fetc%2fpasswd', { headers });
    expect(traversal.status).toBeGreaterThanOrEqual(400);
    expect(traversal.status).toBeLessThan(500);
    expect(traversal.body).not.toContain('root:');
    const missingAsset = await raw('/assets/missing.js', { headers });
    expect(missingAsset.status).toBe(404);
    const malformed = await raw('/%E0%A4%A', { headers });
    expect(malformed.status).toBe(400);
    const dotfile = await raw('/.env', { headers });
    expect(dotfile.status).toBe(404);
    const badJson = await post('listings.list', '{not json');
    expect(badJson.status).toBe(400);
    const unknownApi = await raw('/api/nothing', { headers });
    expect(unknownApi.status).toBe(404);
  });
});
