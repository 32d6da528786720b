/** The sync scheduler with a fake timer: interval, on demand, pause while offline, resume. */
import { describe, expect, it } from 'vitest';
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
});
