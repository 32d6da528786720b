/**
 * The tester against the reference endpoint (sandbox/delivery-endpoint.ts) in each mode: the
 * correct endpoint passes every check, and each fault mode fails exactly the check it names.
 */
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../../cli/main';
import { callbacksTestArgv } from '../../helpers/cli';
import { fakeIO } from '../../helpers/fake-io';
import { callbackCheckIds } from '../../../shared/callbacks/checks';
import { runCallbackTest } from '../../../electron/services/callbacks/tester';
import {
  deliveryFaults,
  startDeliveryEndpoint,
  type DeliveryEndpoint,
  type DeliveryFault,
} from '../../../sandbox/delivery-endpoint';

const root = path.resolve(import.meta.dirname, '..', '..', '..');
const KEY = 'reference-key-7f3a9c';
const TIMEOUT_MS = 400;

const endpoints: DeliveryEndpoint[] = [];
afterEach(async () => {
  for (const endpoint of endpoints.splice(0)) await endpoint.close();
});

async function endpoint(fault: DeliveryFault | null, queueMs = 60): Promise<DeliveryEndpoint> {
  const started = await startDeliveryEndpoint({ key: KEY, fault, queueMs, delayMs: TIMEOUT_MS + 400 });
  endpoints.push(started);
  return started;
}

const test = (url: string) => runCallbackTest({ url, key: KEY, timeoutMs: TIMEOUT_MS, retryIntervalMs: 20 });

describe('the reference delivery endpoint', () => {
  it('correct: every check passes, the queued delivery included', async () => {
    const run = await test((await endpoint(null)).url);
    expect(run.checks.map((c) => [c.id, c.status])).toEqual(callbackCheckIds.map((id) => [id, 'pass']));
    expect(run.summary).toEqual({ pass: 12, fail: 0, skip: 0 });
  });

  it('correct and delivering at once: create-queued-completes is skipped, the rest pass', async () => {
    const run = await test((await endpoint(null, 0)).url);
    const statuses = Object.fromEntries(run.checks.map((c) => [c.id, c.status]));
    expect(statuses['create-queued-completes']).toBe('skip');
    expect(run.summary).toEqual({ pass: 11, fail: 0, skip: 1 });
  });

  it.each(Object.entries(deliveryFaults) as Array<[DeliveryFault, string]>)(
    'fault %s fails exactly %s',
    async (fault, checkId) => {
      const run = await test((await endpoint(fault)).url);
      const failed = run.checks.filter((c) => c.status === 'fail').map((c) => c.id);
      expect(failed).toEqual([checkId]);
    },
  );

  it('shows each call with the token masked and never the key', async () => {
    const run = await test((await endpoint(null)).url);
    const text = JSON.stringify(run);
    expect(text).not.toContain(KEY);
    const exchanges = run.checks.flatMap((c) => c.exchanges);
    expect(exchanges.length).toBeGreaterThan(10);
    for (const exchange of exchanges) {
      expect(exchange.url).toMatch(/[?&]token=\*{6}$/);
      expect(exchange.url).not.toMatch(/[0-9a-f]{32}/);
    }
    // "The same call" is the same URL: the repeat and the wrongly signed call differ only in the token.
    const urlOf = (id: string) => run.checks.find((c) => c.id === id)!.exchanges[0]!.url;
    expect(urlOf('create-idempotent')).toBe(urlOf('token-accepted'));
    expect(urlOf('token-rejected')).toBe(urlOf('token-accepted'));
    expect(urlOf('per-unit-instances')).not.toBe(urlOf('token-accepted'));
    const renew = run.checks.find((c) => c.id === 'renew')!.exchanges[0]!;
    expect(renew).toMatchObject({ action: 'renewInstance', status: 200, outcome: 'answer' });
    expect(renew.body).toContain('"success":true');
  });

  it('the CLI: exit 0 on the correct endpoint, 1 on a broken one, JSON as formats.md §6', async () => {
    const io = () => fakeIO({ cwd: root });
    const good = io();
    const goodUrl = (await endpoint(null)).url;
    expect(
      await main(
        [
          'callbacks',
          'test',
          '--url',
          goodUrl,
          '--key',
          KEY,
          '--format',
          'json',
          '--retry-interval-ms',
          '20',
        ],
        good,
      ),
    ).toBe(0);
    const report = JSON.parse(good.out) as {
      url: string;
      checks: Array<Record<string, unknown>>;
      summary: unknown;
    };
    expect(report.url).toBe(goodUrl);
    expect(Object.keys(report)).toEqual(['url', 'checks', 'summary']);
    for (const check of report.checks) expect(Object.keys(check)).toEqual(['id', 'status', 'message', 'ms']);
    expect(report.summary).toEqual({ pass: 12, fail: 0, skip: 0 });

    const bad = io();
    expect(
      await main(
        [
          'callbacks',
          'test',
          '--url',
          (await endpoint('not-idempotent')).url,
          '--key',
          KEY,
          '--retry-interval-ms',
          '20',
        ],
        bad,
      ),
    ).toBe(1);
    expect(bad.out).toMatch(/✗ fail create-idempotent/);
    expect(bad.out).toMatch(/修复 \/ fix: 按 orderBizId 去重/);
    expect(good.out + good.err + bad.out + bad.err).not.toContain(KEY);
  });

  it('npm run sandbox -- --delivery-endpoint: starts, prints the URL and key, and `vendordesk callbacks test` passes against it', async () => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(root, 'sandbox/main.ts'),
        '--delivery-endpoint',
        '--port',
        '0',
        '--delivery-key',
        KEY,
      ],
      {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    try {
      let out = '';
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL printed: ${out}`)), 30_000);
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const match = /VENDORDESK_CALLBACK_URL=(\S+)/.exec(out);
          if (match?.[1] && /VENDORDESK_CALLBACK_KEY=/.test(out)) {
            clearTimeout(timer);
            resolve(match[1]);
          }
        });
      });
      expect(out).toContain(`VENDORDESK_CALLBACK_KEY=${KEY}`);
      const result = spawnSync(process.execPath, callbacksTestArgv(url, KEY, 50), {
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(result.status).toBe(0);
      expect((JSON.parse(result.stdout) as { summary: unknown }).summary).toEqual({
        pass: 12,
        fail: 0,
        skip: 0,
      });
    } finally {
      child.kill('SIGTERM');
    }
  }, 90_000);

  it('an unknown --delivery-fault is refused with the list of modes (exit 2)', () => {
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', path.join(root, 'sandbox/main.ts'), '--delivery-fault', 'sloppy'],
      { cwd: root, encoding: 'utf8', timeout: 30_000 },
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/"sloppy".*unknown mode.*no-token-check/);
  });
});
