import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { settled } from '../../../renderer/src/pages/listings/use-check-result';

describe('settled (the findings column follows check results once typing pauses)', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('passes a result after a pause on at once', () => {
    const taken: number[] = [];
    const follow = settled((n: number) => taken.push(n), 300);
    follow.offer(1);
    expect(taken).toEqual([1]);
    vi.advanceTimersByTime(500);
    follow.offer(2);
    expect(taken).toEqual([1, 2]);
  });

  it('holds a stream of results (one per keystroke) and passes the newest once it pauses', () => {
    const taken: number[] = [];
    const follow = settled((n: number) => taken.push(n), 300);
    follow.offer(0);
    for (let i = 1; i <= 20; i++) {
      vi.advanceTimersByTime(80);
      follow.offer(i);
    }
    expect(taken).toEqual([0]);
    vi.advanceTimersByTime(299);
    expect(taken).toEqual([0]);
    vi.advanceTimersByTime(1);
    expect(taken).toEqual([0, 20]);
    vi.advanceTimersByTime(1000);
    expect(taken).toEqual([0, 20]);
  });

  it('holds an offer made with wait (a result of typing) even after a pause, until offers pause', () => {
    const taken: number[] = [];
    const follow = settled((n: number) => taken.push(n), 300);
    follow.offer(1, true);
    expect(taken).toEqual([]);
    vi.advanceTimersByTime(100);
    follow.offer(2, true);
    vi.advanceTimersByTime(299);
    expect(taken).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(taken).toEqual([2]);
    vi.advanceTimersByTime(1000);
    follow.offer(3);
    expect(taken).toEqual([2, 3]);
  });

  it('passes nothing more once cancelled (the editor closed)', () => {
    const taken: number[] = [];
    const follow = settled((n: number) => taken.push(n), 300);
    follow.offer(1);
    vi.advanceTimersByTime(10);
    follow.offer(2);
    follow.cancel();
    vi.advanceTimersByTime(1000);
    expect(taken).toEqual([1]);
  });
});
