/**
 * The sync scheduler with a fake timer: interval, on demand, pause while the OS says offline,
 * back off while the marketplace is unreachable, resume on reconnect and on waking; and the
 * polling Connectivity Electron's net.isOnline/powerMonitor feed it through.
 */
import { describe, expect, it } from 'vitest';
import type { ConnectivityChange } from '../../electron/services/platform';
import { pollingConnectivity } from '../../electron/services/sync/connectivity';
import { SyncScheduler, type Timer } from '../../electron/services/sync/scheduler';

function fakeTimer() {
  const pending = new Map<number, { fn: () => void; ms: number }>();
  let next = 1;
  const timer: Timer = {
    setTimeout: (fn, ms) => {
      const id = next++;
      pending.set(id, { fn, ms });
      return id;
    },
    clearTimeout: (id) => void pending.delete(id as number),
  };
  const fire = async () => {
    const [[id, t]] = [...pending.entries()] as [[number, { fn: () => void; ms: number }]];
    pending.delete(id);
    t.fn();
    await new Promise((r) => setTimeout(r, 0));
    return t.ms;
  };
  return { timer, pending, fire };
}

describe('SyncScheduler', () => {
  it('runs at once, then every interval (read each time), and survives a failing pass', async () => {
    const t = fakeTimer();
    let runs = 0;
    let interval = 60_000;
    const errors: unknown[] = [];
    const s = new SyncScheduler({
      run: async () => {
        runs++;
        if (runs === 2) throw new Error('offline');
      },
      intervalMs: () => interval,
      timer: t.timer,
      onError: (e) => errors.push(e),
    });
    s.start();
    expect(await t.fire()).toBe(0);
    expect(runs).toBe(1);
    expect([...t.pending.values()][0]!.ms).toBe(60_000);
    interval = 120_000;
    await t.fire();
    expect(runs).toBe(2);
    expect(errors).toHaveLength(1);
    expect([...t.pending.values()][0]!.ms).toBe(120_000);
    s.stop();
    expect(t.pending.size).toBe(0);
  });

  it('stopped while a pass runs (the app closing), it reads no settings and schedules nothing', async () => {
    const t = fakeTimer();
    let finish!: () => void;
    let closed = false;
    const s = new SyncScheduler({
      run: () => new Promise<void>((r) => (finish = r)),
      // As in the app: the interval comes from the store, which close() has shut by then.
      intervalMs: () => {
        if (closed) throw new TypeError('The database connection is not open');
        return 60_000;
      },
      timer: t.timer,
    });
    s.start();
    const passStarted = t.fire();
    await passStarted;
    s.stop();
    closed = true;
    finish();
    await new Promise((r) => setTimeout(r, 0));
    expect(t.pending.size).toBe(0);
  });

  it('pauses while offline and runs at once on reconnect', async () => {
    const t = fakeTimer();
    let runs = 0;
    const s = new SyncScheduler({ run: async () => void runs++, intervalMs: () => 60_000, timer: t.timer });
    s.start();
    await t.fire();
    s.setOnline(false);
    expect(t.pending.size).toBe(0);
    expect(s.state).toEqual({ running: true, paused: true });
    s.setOnline(true);
    expect([...t.pending.values()][0]!.ms).toBe(0);
    await t.fire();
    expect(runs).toBe(2);
  });

  it('runNow syncs on demand and restarts the interval; passes never overlap', async () => {
    const t = fakeTimer();
    let runs = 0;
    let release!: () => void;
    const s = new SyncScheduler({
      run: () => {
        runs++;
        return new Promise<void>((r) => (release = r));
      },
      intervalMs: () => 60_000,
      timer: t.timer,
    });
    s.start();
    const a = s.runNow();
    const b = s.runNow();
    release();
    await Promise.all([a, b]);
    expect(runs).toBe(1);
    expect([...t.pending.values()].map((p) => p.ms)).toEqual([60_000]);
  });

  it('backs off while the marketplace is unreachable, and returns to the interval once a pass gets through', async () => {
    const t = fakeTimer();
    let reachable = false;
    let runs = 0;
    const unreachable = new Error('unreachable');
    const s = new SyncScheduler({
      run: async () => {
        runs++;
        if (!reachable) throw unreachable;
      },
      intervalMs: () => 60_000,
      isUnreachable: (e) => e === unreachable,
      offlineMaxMs: 300_000,
      timer: t.timer,
    });
    s.start();
    const waits: number[] = [];
    for (let i = 0; i < 7; i++) waits.push(await t.fire());
    // the first wait is the start; one failure keeps the interval, repeated ones double it, capped
    expect(waits).toEqual([0, 60_000, 120_000, 240_000, 300_000, 300_000, 300_000]);
    expect(runs).toBe(7);
    expect(s.unreachableInARow).toBe(7);
    reachable = true;
    expect(await t.fire()).toBe(300_000);
    expect(s.unreachableInARow).toBe(0);
    expect([...t.pending.values()].map((p) => p.ms)).toEqual([60_000]);
  });

  it('a refusal (reached, not unreachable) keeps the interval; a longer interval is never shortened by the backoff', async () => {
    const t = fakeTimer();
    let interval = 60_000;
    let error: Error = new Error('refused');
    const s = new SyncScheduler({
      run: async () => {
        throw error;
      },
      intervalMs: () => interval,
      isUnreachable: (e) => (e as Error).message === 'unreachable',
      timer: t.timer,
    });
    s.start();
    await t.fire();
    await t.fire();
    expect([...t.pending.values()].map((p) => p.ms)).toEqual([60_000]);
    error = new Error('unreachable');
    interval = 3_600_000;
    await t.fire();
    await t.fire();
    await t.fire();
    expect([...t.pending.values()].map((p) => p.ms)).toEqual([3_600_000]);
  });

  it('waking from sleep or coming online tries at once, whatever the backoff; offline runs nothing', async () => {
    const t = fakeTimer();
    let runs = 0;
    let reachable = false;
    const s = new SyncScheduler({
      run: async () => {
        runs++;
        if (!reachable) throw new Error('unreachable');
      },
      intervalMs: () => 60_000,
      isUnreachable: () => true,
      timer: t.timer,
    });
    s.start();
    for (let i = 0; i < 3; i++) await t.fire();
    expect([...t.pending.values()].map((p) => p.ms)).toEqual([240_000]);
    s.wake();
    expect([...t.pending.values()].map((p) => p.ms)).toEqual([0]);
    s.setOnline(false);
    s.wake(); // asleep and offline: nothing to try
    expect(t.pending.size).toBe(0);
    expect(runs).toBe(3);
    reachable = true;
    s.setOnline(true);
    expect(await t.fire()).toBe(0);
    expect(runs).toBe(4);
    expect([...t.pending.values()].map((p) => p.ms)).toEqual([60_000]);
  });
});

describe('pollingConnectivity', () => {
  it('reports the first reading and each change of net.isOnline, and waking (after a fresh reading)', () => {
    const t = fakeTimer();
    let online = true;
    let wake: (() => void) | null = null;
    const seen: ConnectivityChange['type'][] = [];
    const stop = pollingConnectivity({
      isOnline: () => online,
      onResume: (fn) => {
        wake = fn;
        return () => (wake = null);
      },
      pollMs: 10_000,
      timer: t.timer,
    }).subscribe((c) => seen.push(c.type));
    expect(seen).toEqual(['online']);
    const poll = () => {
      const [[id, p]] = [...t.pending.entries()] as [[number, { fn: () => void; ms: number }]];
      expect(p.ms).toBe(10_000);
      t.pending.delete(id);
      p.fn();
    };
    poll();
    expect(seen).toEqual(['online']); // no change, nothing said
    online = false;
    poll();
    poll();
    expect(seen).toEqual(['online', 'offline']);
    online = true;
    wake!();
    expect(seen).toEqual(['online', 'offline', 'online', 'resumed']);
    stop();
    expect(t.pending.size).toBe(0);
    expect(wake).toBeNull();
  });
});
