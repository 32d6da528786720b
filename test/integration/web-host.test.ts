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

const post = (channel: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${host.url}api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-vendordesk-client': '1', ...headers },
    body,
  });

describe('browser-mode host', () => {
  it('serves the app shell with a strict CSP, also on client-side routes', async () => {
    for (const url of [host.url, `${host.url}listings/deep/link`]) {
      const response = await fetch(url);
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
    const noHeader = await fetch(`${host.url}api/listings.list`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' });
    expect(noHeader.status).toBe(403);
    expect(await noHeader.json()).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    // DNS rebinding: a page from evil.example resolving to 127.0.0.1 sends its own Host.
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${host.url}api/listings.list`, { method: 'POST', headers: { host: 'evil.example', 'x-vendordesk-client': '1', 'content-type': 'application/json' } }, (res) => resolve(res.statusCode ?? 0));
      req.on('error', reject);
      req.end('{}');
    });
    expect(status).toBe(421);
  });

  it('streams the core\'s events as Server-Sent Events on GET /api/events', async () => {
    const controller = new AbortController();
    const response = await fetch(`${host.url}api/events`, { signal: controller.signal });
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
    const foreign = await fetch(`${host.url}api/events`, { headers: { origin: 'https://evil.example' } });
    expect(foreign.status).toBe(403);
    const crossSite = await fetch(`${host.url}api/events`, { headers: { 'sec-fetch-site': 'cross-site' } });
    expect(crossSite.status).toBe(403);
  });
});
