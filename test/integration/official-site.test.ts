/** The official-site verifier against a local HTTP server (loopback only, port 0). */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyOfficialSite } from '../../electron/services/official-site/verify';

const LISTING = 'https://market.jdcloud.com/service/details/123';
const good = `<html><head><meta charset="utf-8"><title>云客通 CRM</title></head><body>
<h1>云客通 CRM</h1><p>云客通已入驻京东云云市场，是京东云合作伙伴。</p>
<a href="${LISTING}">在京东云云市场购买</a></body></html>`;
const noPartnership = `<html><body><h1>云客通 CRM</h1><a href="${LISTING}">购买</a></body></html>`;

let server: Server;
let base: string;
const pending = new Set<NodeJS.Timeout>();

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    if (path === '/ok') return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(good);
    if (path === '/no-partnership') return res.writeHead(200, { 'content-type': 'text/html' }).end(noPartnership);
    if (path === '/moved') return res.writeHead(301, { location: '/ok' }).end();
    if (path === '/loop-a') return res.writeHead(302, { location: '/loop-b' }).end();
    if (path === '/loop-b') return res.writeHead(302, { location: '/loop-a' }).end();
    if (path.startsWith('/chain/')) {
      const n = Number(path.slice('/chain/'.length));
      return res.writeHead(302, { location: `/chain/${n + 1}` }).end();
    }
    if (path === '/to-ftp') return res.writeHead(302, { location: 'ftp://127.0.0.1/x' }).end();
    if (path === '/huge') {
      // No content-length: the cap must hold while streaming.
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = 'x'.repeat(64 * 1024);
      for (let i = 0; i < 64; i++) res.write(chunk);
      return res.end();
    }
    if (path === '/slow') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<html>');
      const t = setTimeout(() => res.end(good), 10_000);
      pending.add(t);
      return;
    }
    if (path === '/error') return res.writeHead(503).end();
    res.writeHead(404).end('not found');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const t of pending) clearTimeout(t);
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

const opts = { productNames: ['云客通 CRM', '云客通'], marketplaceListingUrl: LISTING, now: () => new Date('2025-03-01T08:00:00Z') };

describe('verifyOfficialSite', () => {
  it('a good page is verified, and the result carries its time', async () => {
    const r = await verifyOfficialSite(`${base}/ok`, opts);
    expect(r).toMatchObject({ status: 'verified', httpStatus: 200, checkedAt: '2025-03-01T08:00:00.000Z', missing: [] });
    expect(r.found).toEqual({ pageExists: true, namesProduct: true, linksToListing: true, statesPartnership: true });
  });
  it('follows a redirect to the page', async () => {
    expect((await verifyOfficialSite(`${base}/moved`, opts)).status).toBe('verified');
  });
  it('without a known listing URL the link check is skipped (null)', async () => {
    const r = await verifyOfficialSite(`${base}/ok`, { productNames: ['云客通'] });
    expect(r.status).toBe('verified');
    expect(r.found.linksToListing).toBeNull();
  });
  it('a page missing the partnership statement has problems', async () => {
    const r = await verifyOfficialSite(`${base}/no-partnership`, opts);
    expect(r).toMatchObject({ status: 'problems', missing: ['statesPartnership'] });
  });
  it('404: the page does not exist', async () => {
    const r = await verifyOfficialSite(`${base}/gone`, opts);
    expect(r).toMatchObject({ status: 'problems', httpStatus: 404 });
    expect(r.missing).toContain('pageExists');
  });
  it('a redirect loop is unreachable, not a hang', async () => {
    const r = await verifyOfficialSite(`${base}/loop-a`, opts);
    expect(r.status).toBe('unreachable');
    expect(r.error).toMatch(/redirect loop/);
  });
  it('too many redirects and non-http redirects are refused', async () => {
    expect((await verifyOfficialSite(`${base}/chain/0`, { ...opts, maxRedirects: 3 })).error).toMatch(/more than 3 redirects/);
    expect((await verifyOfficialSite(`${base}/to-ftp`, opts)).error).toMatch(/non-http/);
  });
  it('an oversize body is cut off at the cap', async () => {
    const r = await verifyOfficialSite(`${base}/huge`, { ...opts, maxBytes: 256 * 1024 });
    expect(r.status).toBe('unreachable');
    expect(r.error).toMatch(/larger than 262144 bytes/);
  });
  it('a slow server times out', async () => {
    const r = await verifyOfficialSite(`${base}/slow`, { ...opts, timeoutMs: 300 });
    expect(r.status).toBe('unreachable');
    expect(r.error).toMatch(/within 300 ms/);
  });
  it('server errors and bad URLs are unreachable', async () => {
    expect(await verifyOfficialSite(`${base}/error`, opts)).toMatchObject({ status: 'unreachable', httpStatus: 503 });
    expect((await verifyOfficialSite('file:///etc/passwd', opts)).status).toBe('unreachable');
    expect((await verifyOfficialSite('not a url', opts)).status).toBe('unreachable');
  });
});
