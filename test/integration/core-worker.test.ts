/**
 * The core in its worker thread (issue 11), driven through CoreClient as both transports do:
 * calls, events, the host's platform services, and a worker that dies and comes back with every
 * committed record.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CoreClient } from '../../electron/services/core-worker/client';
import type { DesktopNotification } from '../../electron/services/platform';
import { createNodePlatform } from '../../electron/web/platform-node';
import { tempDir } from '../helpers/temp-dir';

const workerPath = path.resolve(import.meta.dirname, '../../electron/services/core-worker/worker.ts');
const fixtures = path.resolve(import.meta.dirname, '../fixtures');
const listing = JSON.parse(
  fs.readFileSync(path.join(fixtures, 'listings/clean-saas-crm.json'), 'utf8'),
) as Record<string, unknown>;
const complianceFile = (name: string) => ({
  name,
  text: fs.readFileSync(path.join(fixtures, 'compliance', name), 'utf8'),
});

let tmp: ReturnType<typeof tempDir>;
let client: CoreClient;
let notified: DesktopNotification[];
let events: { name: string; payload: unknown }[];

function start(clockOffsetMs = 0): CoreClient {
  const c = new CoreClient({
    workerPath,
    init: {
      userDataDir: tmp.dir,
      appVersion: '1.2.3',
      mode: 'browser',
      clockOffsetMs,
      alertIntervalMs: 0,
      backupIntervalMs: 0,
    },
    platform: createNodePlatform({
      userDataDir: tmp.dir,
      appVersion: '1.2.3',
      onNotify: (n) => notified.push(n),
    }),
    log: () => undefined,
  });
  c.onEvent((name, payload) => events.push({ name, payload }));
  return c;
}

const waitFor = async (predicate: () => boolean, ms = 10_000) => {
  const until = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

beforeEach(async () => {
  tmp = tempDir();
  notified = [];
  events = [];
  client = start();
  await client.whenReady();
});
afterEach(async () => {
  await client.close();
  tmp.cleanup();
});

describe('the core worker', () => {
  it('answers contract calls through the same dispatcher (validation included)', async () => {
    expect(await client.dispatch('app.status', {})).toMatchObject({
      ok: true,
      value: { version: '1.2.3', mode: 'browser', dataDir: tmp.dir },
    });
    expect(await client.dispatch('nope.nope', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown-channel' },
    });
    expect(await client.dispatch('listings.get', { localId: 5 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
  });

  it('sends validated events, and the notifier call reaches the host', async () => {
    // The fixtures' clock: T-1003 is 10 minutes from its deadline.
    await client.close();
    events = [];
    client = start(Date.parse('2026-01-05T10:00:00+08:00') - Date.now());
    await client.whenReady();
    const result = await client.dispatch('compliance.import', { files: [complianceFile('tickets.json')] });
    expect(result.ok).toBe(true);
    await waitFor(() => events.some((e) => e.name === 'alerts.raised'));
    const raised = events.find((e) => e.name === 'alerts.raised')!.payload as {
      alerts: { recordId: string }[];
    };
    expect(raised.alerts.map((a) => a.recordId)).toEqual(['T-1003']);
    expect(events.map((e) => e.name)).toContain('data.changed');
    await waitFor(() => notified.length > 0);
    expect(notified[0]!.route).toBe('/service?ticket=T-1003');
  });

  it('restarts a dead worker, reports it, and keeps every committed record', async () => {
    const created = await client.dispatch('listings.create', { listing });
    if (!created.ok) throw new Error(created.error.message);
    const localId = (created.value as { localId: string }).localId;
    const inFlight = client.dispatch('listings.list', {});
    await client.killWorker();
    // The call in flight either finished before the kill or fails with a typed error — never hangs.
    const answer = await inFlight;
    if (!answer.ok) expect(answer.error.code).toBe('internal');
    // A call made while it restarts waits for the new worker.
    const afterwards = await client.dispatch('listings.get', { localId });
    expect(afterwards).toMatchObject({ ok: true, value: { localId } });
    expect(
      events.filter((e) => e.name === 'core.status').map((e) => (e.payload as { state: string }).state),
    ).toEqual(['restarting', 'ready']);
    expect(client.restarts).toBe(1);
  });

  it('gives up after too many deaths in a row and says so', async () => {
    await client.close();
    events = [];
    client = new CoreClient({
      workerPath,
      init: {
        userDataDir: tmp.dir,
        appVersion: '1',
        mode: 'browser',
        clockOffsetMs: 0,
        alertIntervalMs: 0,
        backupIntervalMs: 0,
      },
      platform: createNodePlatform({ userDataDir: tmp.dir, appVersion: '1' }),
      maxRestarts: 1,
    });
    client.onEvent((name, payload) => events.push({ name, payload }));
    await client.whenReady();
    await client.killWorker();
    await waitFor(() => events.some((e) => (e.payload as { state?: string }).state === 'ready'));
    await client.killWorker();
    await waitFor(() => events.some((e) => (e.payload as { state?: string }).state === 'failed'));
    expect(await client.dispatch('app.status', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('runs the same way from the esbuild bundle Electron loads (dist-electron/core-worker.cjs)', async () => {
    const { build } = await import('esbuild');
    // Inside the repo, so that require('better-sqlite3') resolves as it does from dist-electron/.
    const outfile = path.resolve(
      import.meta.dirname,
      '../../test-artifacts/core-worker-bundle/core-worker.cjs',
    );
    await build({
      entryPoints: [workerPath],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node22',
      external: ['electron', 'better-sqlite3'],
      mainFields: ['module', 'main'], // as scripts/build-electron.mjs
      logLevel: 'silent',
    });
    const bundled = new CoreClient({
      workerPath: outfile,
      init: {
        userDataDir: path.join(tmp.dir, 'b'),
        appVersion: '7',
        mode: 'electron',
        clockOffsetMs: 0,
        alertIntervalMs: 0,
        backupIntervalMs: 0,
      },
      platform: createNodePlatform({ userDataDir: path.join(tmp.dir, 'b'), appVersion: '7' }),
    });
    try {
      await bundled.whenReady();
      expect(await bundled.dispatch('app.status', {})).toMatchObject({
        ok: true,
        value: { mode: 'electron', version: '7' },
      });
    } finally {
      await bundled.close();
    }
  });
});
