/** app.cancel's bookkeeping: running, overtaken by its cancel, finished. */
import { describe, expect, it } from 'vitest';
import { Operations } from '../../electron/services/operations';

describe('operations for app.cancel', () => {
  it('aborts a running request and refuses a second one with its id', () => {
    const ops = new Operations();
    const controller = new AbortController();
    expect(ops.start('a', controller)).toBe(true);
    expect(ops.start('a', new AbortController())).toBe(false);
    expect(ops.cancel('a')).toBe(true);
    expect(controller.signal.aborted).toBe(true);
  });

  it('a cancel that arrives first stops its request as it starts, once', () => {
    const ops = new Operations();
    expect(ops.cancel('b')).toBe(true);
    const first = new AbortController();
    ops.start('b', first);
    expect(first.signal.aborted).toBe(true);
    ops.finish('b');
    // Finished: a late cancel stops nothing and is not kept for a request reusing the id.
    expect(ops.cancel('b')).toBe(false);
    const again = new AbortController();
    ops.start('b', again);
    expect(again.signal.aborted).toBe(false);
  });

  it('forgets an early cancel after a few minutes, and keeps a bounded number', () => {
    let now = 0;
    const ops = new Operations(() => now);
    ops.cancel('late');
    now = 10 * 60_000;
    const late = new AbortController();
    ops.start('late', late);
    expect(late.signal.aborted).toBe(false);

    for (let i = 0; i < 300; i++) ops.cancel(`x${i}`);
    const oldest = new AbortController();
    ops.start('x0', oldest);
    expect(oldest.signal.aborted).toBe(false);
    const newest = new AbortController();
    ops.start('x299', newest);
    expect(newest.signal.aborted).toBe(true);
  });
});
