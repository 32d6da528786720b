/**
 * The 交付回调测试 channels against a real core on a temp folder and the reference endpoint: the
 * key goes to the secret store and never comes back, a run is followed by polling, stored in
 * the history, gives the CLI's verdicts, and exports as HTML with key and tokens masked.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppCore, type AppCore } from '../../../electron/services/app-core';
import { createNodePlatform } from '../../../electron/web/platform-node';
import { runCallbackTest } from '../../../electron/services/callbacks/tester';
import type { ChannelName, ResponseOf } from '../../../shared/ipc/contract';
import {
  startDeliveryEndpoint,
  type DeliveryEndpoint,
  type DeliveryFault,
} from '../../../sandbox/delivery-endpoint';
import { tempDir } from '../../helpers/temp-dir';

const KEY = 'app-channel-key-91b2';
let tmp: ReturnType<typeof tempDir>;
let core: AppCore;
const endpoints: DeliveryEndpoint[] = [];

/** The `done` counts of the callback runs' progress events, as the renderer receives them. */
const progressDone: number[] = [];
const open = () =>
  createAppCore({
    platform: createNodePlatform({ userDataDir: tmp.dir, appVersion: '9.9.9' }),
    mode: 'browser',
    log: () => undefined,
    alertIntervalMs: 0,
    emit: (event, payload) => {
      if (event === 'progress' && (payload as { channel?: string }).channel === 'callbacks.start')
        progressDone.push((payload as { done: number }).done);
    },
  });

beforeEach(() => {
  progressDone.length = 0;
  tmp = tempDir();
  core = open();
});
afterEach(async () => {
  core.close();
  for (const e of endpoints.splice(0)) await e.close();
  tmp.cleanup();
});

async function call<C extends ChannelName>(channel: C, payload: unknown): Promise<ResponseOf<C>> {
  const result = await core.dispatch(channel, payload);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value as ResponseOf<C>;
}

async function endpoint(fault: DeliveryFault | null): Promise<string> {
  const started = await startDeliveryEndpoint({ key: KEY, fault, queueMs: 50 });
  endpoints.push(started);
  return started.url;
}

async function finished(id: number) {
  const seen: number[] = [];
  for (;;) {
    const run = await call('callbacks.run', { id });
    seen.push(run.checks.length);
    if (run.state !== 'running') return { run, seen };
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('callbacks channels', () => {
  it('keeps the key in the secret store, never in answers or the database', async () => {
    const url = await endpoint(null);
    expect(await call('callbacks.endpoint', {})).toMatchObject({ url: null, hasKey: false });
    const saved = await call('callbacks.saveEndpoint', { url, key: KEY, retryIntervalMs: 20 });
    expect(saved).toEqual({ url, hasKey: true, timeoutMs: 5000, retryIntervalMs: 20 });
    expect(JSON.stringify(saved)).not.toContain(KEY);
    // Saving the URL alone keeps the key.
    expect(await call('callbacks.saveEndpoint', { url })).toMatchObject({
      hasKey: true,
      retryIntervalMs: 20,
    });
    const { id } = await call('callbacks.start', {});
    await finished(id);
    core.close();
    const files = fs.readdirSync(tmp.dir).filter((f) => f.startsWith('vendordesk.db'));
    for (const file of files) expect(fs.readFileSync(path.join(tmp.dir, file)).includes(KEY)).toBe(false);
    core = open();
    expect(await call('callbacks.endpoint', {})).toMatchObject({ url, hasKey: true });
    expect(await call('callbacks.forgetKey', {})).toMatchObject({ url, hasKey: false });
    const refused = await core.dispatch('callbacks.start', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('refuses a bad URL or key naming the problem, and stores nothing', async () => {
    expect(await core.dispatch('callbacks.saveEndpoint', { url: 'ftp://x/', key: KEY })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringMatching(/http/) },
    });
    expect(await core.dispatch('callbacks.saveEndpoint', { url: 'http://x/', key: 'a\nb' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(await call('callbacks.endpoint', {})).toMatchObject({ url: null, hasKey: false });
  });

  it.each([null, 'instance-per-order'] as const)(
    'a run (fault %s): progress while running, the CLI tester’s verdicts, history and HTML export',
    async (fault) => {
      const url = await endpoint(fault);
      await call('callbacks.saveEndpoint', { url, key: KEY, retryIntervalMs: 20 });
      const { id } = await call('callbacks.start', {});
      expect(await core.dispatch('callbacks.start', {})).toMatchObject({
        ok: false,
        error: { code: 'conflict' },
      });
      const { run, seen } = await finished(id);
      expect(run.state).toBe('done');
      // Judged checks appear one by one: told by events (polling every 10 ms could miss them all
      // on a loaded machine), and a poll never sees more checks than the run ends with.
      expect(progressDone.some((n) => n > 0 && n < run.checks.length)).toBe(true);
      expect(seen.every((n) => n <= run.checks.length)).toBe(true);
      const direct = await runCallbackTest({ url, key: KEY, retryIntervalMs: 20 });
      expect(run.checks.map((c) => [c.id, c.status])).toEqual(direct.checks.map((c) => [c.id, c.status]));
      expect(run.summary).toEqual(direct.summary);

      const history = await call('callbacks.history', {});
      expect(history[0]).toMatchObject({ id, url, state: 'done', summary: run.summary });
      const stored = await call('callbacks.run', { id });
      expect(stored.checks).toEqual(run.checks);

      const report = await call('callbacks.report', { id, locale: 'zh-CN' });
      expect(report.mimeType).toBe('text/html');
      expect(report.content).toContain('交付回调测试报告');
      expect(report.content).not.toContain(KEY);
      expect(report.content).not.toMatch(/token=[0-9a-f]{32}/);
      if (fault) expect(report.content).toContain('以 orderBizId（而不是 orderId）作为实例的唯一键');
      const en = await call('callbacks.report', { id, locale: 'en' });
      expect(en.content).toContain('Delivery-callback test report');
    },
  );

  it('an unreachable endpoint is stored as such', async () => {
    await call('callbacks.saveEndpoint', { url: 'http://127.0.0.1:9/notify', key: KEY });
    const { id } = await call('callbacks.start', {});
    const { run } = await finished(id);
    expect(run.state).toBe('unreachable');
    expect(run.error).toMatch(/ECONNREFUSED/);
    expect(run.summary).toEqual({ pass: 0, fail: 0, skip: 12 });
  });
});
