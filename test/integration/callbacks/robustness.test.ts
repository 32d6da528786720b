/**
 * `vendordesk callbacks test` against endpoints that misbehave at the HTTP level: none listening,
 * never answering, answering text or an HTML error page, trickling, or streaming without end.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../../cli/main';
import { fakeIO } from '../../helpers/fake-io';
import { callbackCheckIds } from '../../../shared/callbacks/checks';
import { callbacksTestArgv } from '../../helpers/cli';

const KEY = 'robustness-key-0001';

interface Report {
  url: string;
  checks: Array<{ id: string; status: string; message: string; ms: number }>;
  summary: { pass: number; fail: number; skip: number };
}

async function cli(
  url: string,
  ...extra: string[]
): Promise<{ code: number; report: Report | null; out: string; err: string }> {
  const io = fakeIO();
  const code = await main(
    ['callbacks', 'test', '--url', url, '--key', KEY, '--format', 'json', ...extra],
    io,
  );
  let report: Report | null;
  try {
    report = JSON.parse(io.out) as Report;
  } catch {
    report = null;
  }
  return { code, report, out: io.out, err: io.err };
}

const status = (report: Report | null, id: string) => report?.checks.find((c) => c.id === id)?.status;
const message = (report: Report | null, id: string) => report?.checks.find((c) => c.id === id)?.message ?? '';

const servers: http.Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function serve(handler: http.RequestListener): Promise<string> {
  const server = http.createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/notify`;
}

async function closedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('vendordesk callbacks test: options', () => {
  it.each([
    [['callbacks', 'test', '--key', KEY], /--url is required/],
    [['callbacks', 'test', '--url', 'http://127.0.0.1:1/'], /--key is required/],
    [['callbacks', 'test', '--url', 'ftp://x/', '--key', KEY], /http:\/\/ or https:\/\//],
    [['callbacks', 'test', '--url', 'not a url', '--key', KEY], /not a URL/],
    [
      ['callbacks', 'test', '--url', 'http://127.0.0.1:1/', '--key', KEY, '--timeout-ms', 'soon'],
      /--timeout-ms "soon"/,
    ],
    [
      ['callbacks', 'test', '--url', 'http://127.0.0.1:1/', '--key', KEY, '--format', 'xml'],
      /--format "xml"/,
    ],
    [['callbacks', 'test', '--url', 'http://127.0.0.1:1/', '--key', KEY, '--bogus'], /bogus/],
    [
      [
        'callbacks',
        'test',
        '--url',
        'http://127.0.0.1:1/',
        '--key',
        KEY,
        '--timeout-ms',
        '100',
        '--answer-limit-ms',
        '50',
      ],
      /--answer-limit-ms "50"/,
    ],
    [['callbacks', 'tset'], /unknown subcommand "tset"/],
  ])('%j: exit 2 naming the problem', async (argv, pattern) => {
    const io = fakeIO();
    expect(await main(argv, io)).toBe(2);
    expect(io.err).toMatch(pattern);
    expect(io.out).toBe('');
  });

  it('--help is bilingual', async () => {
    const io = fakeIO();
    expect(await main(['callbacks', '--help'], io)).toBe(0);
    expect(io.out).toMatch(
      /交付回调测试[\s\S]*Delivery-callback test[\s\S]*--timeout-ms[\s\S]*--retry-interval-ms/,
    );
  });
});

describe('vendordesk callbacks test: misbehaving endpoints', () => {
  it('an unreachable URL: exit 2, every check skipped, the key not printed', async () => {
    const url = `http://127.0.0.1:${await closedPort()}/notify`;
    const { code, report, err, out } = await cli(url);
    expect(code).toBe(2);
    expect(report?.checks.map((c) => c.id)).toEqual([...callbackCheckIds]);
    expect(report?.summary).toEqual({ pass: 0, fail: 0, skip: 12 });
    expect(err).toMatch(/unreachable: ECONNREFUSED/);
    expect(out + err).not.toContain(KEY);
  });

  it('an unknown host through the real command: exit 2', () => {
    const result = spawnSync(process.execPath, callbacksTestArgv('http://no-such-host.invalid/notify', KEY), {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/ENOTFOUND|EAI_AGAIN/);
  });

  it('an endpoint that never answers: times out at --answer-limit-ms, fails token-accepted and create-fast, exit 1', async () => {
    const url = await serve(() => undefined);
    const started = Date.now();
    const { code, report } = await cli(url, '--timeout-ms', '100', '--answer-limit-ms', '400');
    expect(code).toBe(1);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(status(report, 'token-accepted')).toBe('fail');
    expect(message(report, 'token-accepted')).toMatch(/no answer within 4\d\d ms/);
    expect(status(report, 'create-fast')).toBe('fail');
    expect(status(report, 'token-rejected')).toBe('fail');
    expect(status(report, 'renew')).toBe('skip');
  });

  it('a non-JSON answer: token-accepted fails saying so', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('OK');
    });
    const { code, report } = await cli(url);
    expect(code).toBe(1);
    expect(status(report, 'token-accepted')).toBe('fail');
    expect(message(report, 'token-accepted')).toMatch(/not JSON \(OK\)/);
    expect(status(report, 'token-rejected')).toBe('pass'); // no usable instance either
    expect(status(report, 'create-fast')).toBe('pass');
  });

  it('an HTML error page: token-accepted fails naming the page', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end(
        '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1>nginx</body></html>',
      );
    });
    const { code, report } = await cli(url);
    expect(code).toBe(1);
    expect(message(report, 'token-accepted')).toMatch(/HTTP 502 text\/html: an HTML\/XML page, not JSON/);
  });

  it('a slow trickling answer that never completes in time: cut off, counted as no answer', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const timer = setInterval(() => res.write(' '), 20);
      res.on('close', () => clearInterval(timer));
    });
    const { code, report } = await cli(url, '--timeout-ms', '100', '--answer-limit-ms', '400');
    expect(code).toBe(1);
    expect(message(report, 'token-accepted')).toMatch(
      /HTTP 200 but the body was not complete within 4\d\d ms/,
    );
    expect(status(report, 'create-fast')).toBe('fail');
  });

  it('a trickling answer complete after --timeout-ms but within the wait: judged, and create-fast fails', async () => {
    const body = JSON.stringify({ instanceId: 'u1', appInfo: { frontEndUrl: 'https://x' } });
    const url = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      let at = 0;
      const timer = setInterval(() => {
        res.write(body.slice(at, at + 8));
        at += 8;
        if (at >= body.length) {
          clearInterval(timer);
          res.end();
        }
      }, 40);
    });
    const { report } = await cli(url, '--timeout-ms', '150');
    expect(status(report, 'token-accepted')).toBe('pass');
    expect(status(report, 'create-fast')).toBe('fail');
    expect(message(report, 'create-fast')).toMatch(/longer than 150 ms/);
    expect(status(report, 'create-shape')).toBe('pass');
  }, 30_000);

  it('a blocking endpoint answering after --timeout-ms: by default still awaited and judged; only create-fast fails', async () => {
    let first = true;
    const url = await serve((req, res) => {
      const answer = () => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ instanceId: 'blocked-1', appInfo: { adminUrl: 'https://x/admin' } }));
      };
      if (first && /action=createInstance/.test(req.url ?? '')) {
        first = false;
        setTimeout(answer, 1500);
      } else answer();
    });
    const { report } = await cli(url, '--timeout-ms', '500');
    expect(status(report, 'token-accepted')).toBe('pass');
    expect(status(report, 'create-shape')).toBe('pass');
    expect(status(report, 'create-fast')).toBe('fail');
    expect(message(report, 'create-fast')).toMatch(
      /1 of \d+ createInstance calls took longer than 500 ms, e.g. createInstance: 1[5-9]\d\d ms/,
    );
  });

  it('a huge answer: read up to 1 MiB, then cut off and judged not usable', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const pump = () => {
        while (res.write(chunk));
        res.once('drain', pump);
      };
      res.write('{"instanceId":1,"pad":"');
      pump();
    });
    const { code, report } = await cli(url);
    expect(code).toBe(1);
    expect(message(report, 'token-accepted')).toMatch(/larger than 1048576 bytes/);
  });

  it('an endpoint that answers instanceId 0 for ever is retried 200 times, then judged', async () => {
    let calls = 0;
    const url = await serve((req, res) => {
      const isCreate = /action=createInstance/.test(req.url ?? '');
      if (isCreate) calls += 1;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ instanceId: 0 }));
    });
    const { code, report } = await cli(url, '--retry-interval-ms', '0');
    expect(code).toBe(1);
    expect(status(report, 'create-queued-completes')).toBe('fail');
    expect(message(report, 'create-queued-completes')).toMatch(/after 201 tries/);
    // The correctly signed unit and the wrongly signed one: 201 tries each.
    expect(calls).toBe(402);
    expect(status(report, 'token-rejected')).toBe('pass');
  }, 60_000);
});

describe('vendordesk callbacks test: secrets', () => {
  it('an endpoint echoing the key and the expected token: neither is printed', async () => {
    const { createHash } = await import('node:crypto');
    const { parseQuery, tokenBase } = await import('../../../shared/callbacks/token');
    const url = await serve((req, res) => {
      const params = parseQuery((req.url ?? '').split('?')[1] ?? '');
      const expected = createHash('md5').update(tokenBase(params, KEY)).digest('hex');
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ success: false, message: `bad token, expected ${expected} for key ${KEY}` }));
    });
    const io = fakeIO();
    expect(await main(['callbacks', 'test', '--url', url, '--key', KEY], io)).toBe(1);
    expect(io.out).toContain('bad token, expected ****** for key ******');
    expect(io.out + io.err).not.toContain(KEY);
    expect(io.out).not.toMatch(/[0-9a-f]{32}/);
  });
});
