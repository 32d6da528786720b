/**
 * The OS's network state reaches the sync scheduler inside the core's worker (as Electron main
 * passes net.isOnline / powerMonitor through Platform.connectivity): offline pauses it and tells
 * the indicator, online resumes it, and a restarted worker is told the last state again.
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CoreClient } from '../../../electron/services/core-worker/client';
import type { ConnectivityChange } from '../../../electron/services/platform';
import { createNodePlatform } from '../../../electron/web/platform-node';
import { tempDir } from '../../helpers/temp-dir';

const workerPath = path.resolve(import.meta.dirname, '../../../electron/services/core-worker/worker.ts');

let tmp: ReturnType<typeof tempDir>;
let client: CoreClient;
let tell: (change: ConnectivityChange) => void;
let events: { name: string; payload: unknown }[];

beforeEach(async () => {
  tmp = tempDir();
  events = [];
  client = new CoreClient({
    workerPath,
    init: {
      userDataDir: tmp.dir,
      appVersion: '1.2.3',
      mode: 'electron',
      clockOffsetMs: 0,
      alertIntervalMs: 0,
      backupIntervalMs: 0,
    },
    platform: {
      ...createNodePlatform({ userDataDir: tmp.dir, appVersion: '1.2.3' }),
      connectivity: {
        subscribe: (listener) => {
          tell = listener;
          return () => (tell = () => undefined);
        },
      },
    },
    log: () => undefined,
  });
  client.onEvent((name, payload) => events.push({ name, payload }));
  await client.whenReady();
});
afterEach(async () => {
  await client.close();
  tmp.cleanup();
});

const paused = async () => {
  const r = await client.dispatch('sync.status', {});
  if (!r.ok) throw new Error(r.error.message);
  return (r.value as { scheduler: { paused: boolean } }).scheduler.paused;
};

const waitFor = async (predicate: () => boolean | Promise<boolean>, ms = 10_000) => {
  const until = Date.now() + ms;
  while (!(await predicate())) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

describe('connectivity → sync scheduler', () => {
  it('offline pauses (and says so), online resumes, a restarted worker hears the last state', async () => {
    expect(await paused()).toBe(false);
    tell({ type: 'offline' });
    await waitFor(async () => await paused());
    expect(events).toContainEqual({
      name: 'sync.state',
      payload: expect.objectContaining({ state: 'offline' }),
    });

    await client.killWorker();
    await waitFor(() =>
      events.some((e) => e.name === 'core.status' && (e.payload as { state: string }).state === 'ready'),
    );
    expect(await paused()).toBe(true); // told again, not forgotten with the old worker

    tell({ type: 'online' });
    await waitFor(async () => !(await paused()));
    tell({ type: 'resumed' }); // a wake-up is not a state: still online
    expect(await paused()).toBe(false);
  });
});
