/** View models of the compliance pages: countdowns on the app's clock, "as of" labels, ordering. */
import { describe, expect, it } from 'vitest';
import type { ComplianceSnapshot } from '../../../shared/ipc/contract';
import {
  appNow,
  asOfTime,
  beijingIsoOf,
  closestToBreach,
  countdown,
  daysUntil,
  formatDuration,
  percent,
} from '../../../renderer/src/stores/compliance-view';

const T0 = Date.parse('2026-01-05T10:00:00+08:00');

describe('countdowns', () => {
  it('runs on the main process clock plus local elapsed time, never the renderer wall clock', () => {
    expect(appNow(T0, 1000, 1000)).toBe(T0);
    expect(appNow(T0, 1000, 4500)).toBe(T0 + 3500);
    expect(appNow(T0, 1000, 900)).toBe(T0); // a clock that went backwards does not rewind
  });

  it('formats and flips to passed exactly at the deadline', () => {
    const deadline = T0 + 10 * 60_000;
    expect(countdown(deadline, T0).text).toBe('10:00');
    expect(countdown(deadline, T0 + 1).text).toBe('09:59');
    expect(countdown(deadline, deadline - 1)).toMatchObject({ passed: false, text: '00:00' });
    expect(countdown(deadline, deadline)).toMatchObject({ passed: true, leftMs: 0 });
    expect(formatDuration(3 * 86_400_000 + 3_723_000, (d) => `${d} 天`)).toBe('3 天 01:02:03');
    expect(formatDuration(-5, String)).toBe('00:00');
  });

  it('counts whole Beijing days to a due date', () => {
    expect(daysUntil('2026-01-07', T0)).toBe(2);
    expect(daysUntil('2026-01-05', Date.parse('2026-01-05T23:59:59+08:00'))).toBe(0);
    expect(daysUntil('2026-01-05', Date.parse('2026-01-05T00:00:00+08:00'))).toBe(0);
    expect(daysUntil('2026-01-04', Date.parse('2026-01-05T00:30:00+08:00'))).toBe(-1);
  });
});

describe('as-of and formatting', () => {
  it('shows the engines’ Beijing time as is', () => {
    expect(asOfTime('2026-01-05T10:00:00+08:00')).toBe('2026-01-05 10:00:00');
    expect(beijingIsoOf(Date.parse('2026-01-05T02:00:00.700Z'))).toBe('2026-01-05T10:00:00+08:00');
    expect(percent(null)).toBe('—');
    expect(percent(2 / 3)).toBe('66.7%');
  });

  it('lists the pending tickets the core picked, soonest first, up to the limit', () => {
    const snapshot = {
      closestTickets: [
        {
          id: 'B',
          kind: 'consultation',
          staff: '王芳',
          deadline: '2026-01-05T10:00:30+08:00',
          deadlineMs: 1,
          calendarConfirmed: true,
        },
        {
          id: 'A',
          kind: 'complaint',
          staff: null,
          deadline: '2026-01-05T10:30:00+08:00',
          deadlineMs: 2,
          calendarConfirmed: true,
        },
      ],
    } as unknown as ComplianceSnapshot;
    expect(closestToBreach(snapshot, 5).map((t) => [t.id, t.kind, t.staff])).toEqual([
      ['B', 'consultation', '王芳'],
      ['A', 'complaint', null],
    ]);
    expect(closestToBreach(snapshot, 1).map((t) => t.id)).toEqual(['B']);
  });
});
