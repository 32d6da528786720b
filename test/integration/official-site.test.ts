/** The official-site verifier against a local HTTP server (loopback only, port 0). */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type dns from 'node:dns';
import { nonPublicRange, verifyOfficialSite } from '../../electron/services/official-site/verify';

const LISTING = 'https://market.jdcloud.com/service/details/123';
const good = `<html><head><meta charset="utf-8"><title>云客通 CRM</title></head><body>
<h1>云客通 CRM</h1><p>云客通已入驻京东云云市场，是京东云合作伙伴。</p>
<a href="${LISTING}">在京东云云市场购买</a></body></html>`;
const noPartnership = `<html><body><h1>云客通 CRM</h1><a href="${LISTING}">购买</a></body></html>`;

let server: Server;
let base: string;
let port: number;
let hits = 0;
const pending = new Set<NodeJS.Timeout>();

beforeAll(async () => {
  server = createServer((req, res) => {
    hits++;
    const path = req.url ?? '/';
    if (path === '/to-loopback') return res.writeHead(302, { location: `http://127.0.0.2:${port}/ok` }).end();
    if (path === '/to-intranet')
      return res.writeHead(302, { location: `http://intranet.test:${port}/ok` }).end();
    if (path === '/ok') return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(good);
    if (path === '/no-partnership')
      return res.writeHead(200, { 'content-type': 'text/html' }).end(noPartnership);
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
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  for (const t of pending) clearTimeout(t);
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

// The page server is on 127.0.0.1, which the verifier refuses unless told this is a test.
const opts = {
  productNames: ['云客通 CRM', '云客通'],
  marketplaceListingUrl: LISTING,
  now: () => new Date('2025-03-01T08:00:00Z'),
  allowPrivateAddresses: true,
};

describe('verifyOfficialSite', () => {
  it('a good page is verified, and the result carries its time', async () => {
    const r = await verifyOfficialSite(`${base}/ok`, opts);
    expect(r).toMatchObject({
      status: 'verified',
      httpStatus: 200,
      checkedAt: '2025-03-01T08:00:00.000Z',
      missing: [],
    });
    expect(r.found).toEqual({
      pageExists: true,
      namesProduct: true,
      linksToListing: true,
      statesPartnership: true,
    });
  });
  it('follows a redirect to the page', async () => {
    expect((await verifyOfficialSite(`${base}/moved`, opts)).status).toBe('verified');
  });
  it('without a known listing URL the link check is skipped (null)', async () => {
    const r = await verifyOfficialSite(`${base}/ok`, {
      productNames: ['云客通'],
      allowPrivateAddresses: true,
    });
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
    expect((await verifyOfficialSite(`${base}/chain/0`, { ...opts, maxRedirects: 3 })).error).toMatch(
      /more than 3 redirects/,
    );
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
    expect(await verifyOfficialSite(`${base}/error`, opts)).toMatchObject({
      status: 'unreachable',
      httpStatus: 503,
    });
    expect((await verifyOfficialSite('file:///etc/passwd', opts)).status).toBe('unreachable');
    expect((await verifyOfficialSite('not a url', opts)).status).toBe('unreachable');
  });
});

/** A resolver for made-up names (no network here): name → addresses. */
function fakeDns(table: Record<string, string[]>): typeof dns.lookup {
  return ((
    hostname: string,
    _options: unknown,
    callback: (e: Error | null, a: dns.LookupAddress[]) => void,
  ) => {
    const addresses = table[hostname];
    if (!addresses)
      return callback(
        Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }),
        [],
      );
    callback(
      null,
      addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })),
    );
  }) as unknown as typeof dns.lookup;
}

/** Treats the test server's own address as if it were on the internet; everything else as usual. */
const serverIsPublic = (address: string) => (address === '127.0.0.1' ? null : nonPublicRange(address));

describe('verifyOfficialSite refuses addresses that are not on the public internet', () => {
  const strict = { productNames: ['云客通'], timeoutMs: 3_000 };

  it('loopback, private, link-local and other special addresses in the URL: refused before connecting', async () => {
    const before = hits;
    const cases: [string, RegExp][] = [
      [`${base}/ok`, /127\.0\.0\.1 \(loopback\)/],
      [`http://localhost:${port}/ok`, /loopback/],
      [`http://app.localhost:${port}/ok`, /loopback/],
      [`http://[::1]:${port}/ok`, /loopback/],
      [`http://[::ffff:127.0.0.1]:${port}/ok`, /loopback/],
      [`http://2130706433:${port}/ok`, /loopback/], // 127.0.0.1 as one number; URL normalises it
      ['http://169.254.169.254/latest/meta-data/', /linkLocal/],
      ['http://10.0.0.1/', /private/],
      ['http://192.168.1.1/', /private/],
      ['http://172.16.5.4/', /private/],
      ['http://100.64.0.1/', /carrierGradeNat/],
      ['http://[fd00::1]/', /uniqueLocal/],
      ['http://[fe80::1]/', /linkLocal/],
      [`http://0.0.0.0:${port}/ok`, /unspecified/],
    ];
    for (const [url, range] of cases) {
      const r = await verifyOfficialSite(url, strict);
      expect(r.status, url).toBe('unreachable');
      expect(r.error, url).toMatch(/^refused: /);
      expect(r.error, url).toMatch(range);
    }
    expect(hits).toBe(before);
  });

  it('a host name that resolves to a private address is refused at connect time', async () => {
    const before = hits;
    const dnsLookup = fakeDns({ 'shop.test': ['127.0.0.1'], 'mixed.test': ['93.184.216.34', '10.1.2.3'] });
    const r = await verifyOfficialSite(`http://shop.test:${port}/ok`, { ...strict, dnsLookup });
    expect(r).toMatchObject({
      status: 'unreachable',
      error: expect.stringMatching(/^refused: shop\.test is 127\.0\.0\.1 \(loopback\)/),
    });
    const mixed = await verifyOfficialSite(`http://mixed.test:${port}/ok`, { ...strict, dnsLookup });
    expect(mixed.error).toMatch(/^refused: mixed\.test is 10\.1\.2\.3 \(private\)/);
    expect(hits).toBe(before);
  });

  it('a public address passes the guard (the guarded connection really fetches)', async () => {
    const r = await verifyOfficialSite(`http://www.shop.test:${port}/ok`, {
      ...opts,
      allowPrivateAddresses: false,
      dnsLookup: fakeDns({ 'www.shop.test': ['127.0.0.1'] }),
      classifyAddress: serverIsPublic,
    });
    expect(r.status).toBe('verified');
  });

  it('also after a redirect: to a private address, or to a name resolving to one', async () => {
    const seams = {
      ...strict,
      classifyAddress: serverIsPublic,
      dnsLookup: fakeDns({ 'intranet.test': ['10.0.0.7'] }),
    };
    const toLoopback = await verifyOfficialSite(`${base}/to-loopback`, seams);
    expect(toLoopback).toMatchObject({
      status: 'unreachable',
      error: expect.stringMatching(/^redirect refused: 127\.0\.0\.2 is 127\.0\.0\.2 \(loopback\)/),
    });
    const toIntranet = await verifyOfficialSite(`${base}/to-intranet`, seams);
    expect(toIntranet).toMatchObject({
      status: 'unreachable',
      error: expect.stringMatching(/^refused: intranet\.test is 10\.0\.0\.7 \(private\)/),
    });
  });

  it('classifies addresses', () => {
    expect(nonPublicRange('8.8.8.8')).toBeNull();
    expect(nonPublicRange('2001:4860:4860::8888')).toBeNull();
    expect(nonPublicRange('::ffff:10.0.0.1')).toBe('private');
    expect(nonPublicRange('224.0.0.1')).toBe('multicast');
    expect(nonPublicRange('not-an-ip')).toBe('not an IP address');
  });
});
