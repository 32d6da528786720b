/** The alert scheduler is a pure function of state and a (fake) clock; the alerts table makes it idempotent. */
import { describe, expect, it } from 'vitest';
import {
  defaultLeadTimes,
  scheduleAlerts,
  type AlertInput,
  type AlertPolicy,
} from '../../../electron/services/alerts/schedule';
import { alertKey } from '../../../electron/services/repositories/alerts-repository';

const T0 = Date.parse('2026-01-05T10:00:00+08:00');
const policy: AlertPolicy = {
  leadTimes: defaultLeadTimes,
  quietOutsideServiceHours: false,
  isServiceTime: () => true,
  locale: 'zh-CN',
};
const input: AlertInput = {
  tickets: [
    { id: 'C-1', kind: 'complaint', deadlineMs: T0 + 15 * 60_000, pending: true },
    { id: 'C-2', kind: 'complaint', deadlineMs: T0 + 5 * 60_000, pending: false },
    { id: 'Q-1', kind: 'consultation', deadlineMs: T0 + 20_000, pending: true },
  ],
  deposit: { shortfall: 5000, dueDate: '2026-01-07', dueEndMs: Date.parse('2026-01-08T00:00:00+08:00') },
  violations: [
    { id: 'V-1', code: 'brand-misuse', points: 12, firstSeenAt: T0 - 1000, decidedAt: T0 - 3_600_000 },
  ],
};

/** Runs the scheduler over a fake timeline, remembering raised alerts as the table would. */
function simulate(times: number[], raised = new Set<string>()) {
  const emitted: string[] = [];
  for (const now of times) {
    for (const draft of scheduleAlerts(input, policy, now, raised).due) {
      raised.add(alertKey(draft));
      emitted.push(`${draft.kind}:${draft.recordId}`);
    }
  }
  return { emitted, raised };
}

describe('scheduleAlerts', () => {
  it('raises each alert once inside its lead time, and reports when the next one falls due', () => {
    const first = scheduleAlerts(input, policy, T0, new Set());
    expect(first.due.map((d) => `${d.kind}:${d.recordId}`)).toEqual([
      'ticket-deadline:Q-1',
      'new-violation:V-1',
    ]);
    expect(first.nextAt).toBe(T0 + 5 * 60_000); // C-1 enters its 10-minute lead
    expect(first.due[0]).toMatchObject({ route: '/service?ticket=Q-1', title: '工单即将超时：Q-1' });
    const { emitted } = simulate([T0, T0 + 1000, T0 + 5 * 60_000, T0 + 5 * 60_000 + 15_000]);
    expect(emitted).toEqual(['ticket-deadline:Q-1', 'new-violation:V-1', 'ticket-deadline:C-1']);
  });

  it('never repeats an alert after a restart (the raised keys come from the table)', () => {
    const before = simulate([T0, T0 + 5 * 60_000]);
    // "Restart": a new process with the same stored keys and a later clock.
    const after = simulate([T0 + 6 * 60_000, T0 + 7 * 60_000], new Set(before.raised));
    expect(after.emitted).toEqual([]);
  });

  it('does not announce deadlines that have already passed (e.g. the app was closed)', () => {
    expect(
      scheduleAlerts(input, policy, T0 + 16 * 60_000, new Set()).due.map((d) => d.recordId),
    ).not.toContain('C-1');
  });

  it('warns before the deposit due date ends, by the configured lead', () => {
    const dueEnd = input.deposit!.dueEndMs;
    const at = (ms: number) =>
      scheduleAlerts(
        input,
        { ...policy, leadTimes: { ...defaultLeadTimes, deposit: 3600 } },
        ms,
        new Set(),
      ).due.map((d) => d.kind);
    expect(at(dueEnd - 3_700_000)).not.toContain('deposit-due');
    expect(at(dueEnd - 3_500_000)).toContain('deposit-due');
    expect(at(dueEnd)).not.toContain('deposit-due');
  });

  it('stays quiet outside service hours when asked, and catches up when they begin', () => {
    const quiet = {
      ...policy,
      quietOutsideServiceHours: true,
      isServiceTime: (ms: number) => ms >= T0 + 10_000,
    };
    expect(scheduleAlerts(input, quiet, T0, new Set()).due).toEqual([]);
    expect(scheduleAlerts(input, quiet, T0 + 10_000, new Set()).due.map((d) => d.recordId)).toEqual([
      'Q-1',
      'V-1',
    ]);
  });

  it('announces a violation decided recently when it arrives, but not old history that is imported now', () => {
    const history: AlertInput = {
      tickets: [],
      deposit: null,
      violations: [
        {
          id: 'OLD',
          code: 'fake-transactions',
          points: 3,
          firstSeenAt: T0 - 1000,
          decidedAt: Date.parse('2025-06-01T10:00:00+08:00'),
        },
        {
          id: 'NEW',
          code: 'brand-misuse',
          points: 12,
          firstSeenAt: T0 - 1000,
          decidedAt: T0 - 2 * 3_600_000,
        },
        { id: 'PENDING', code: 'fraud', points: null, firstSeenAt: T0 - 1000, decidedAt: null },
      ],
    };
    expect(scheduleAlerts(history, policy, T0, new Set()).due.map((d) => d.recordId)).toEqual([
      'NEW',
      'PENDING',
    ]);
  });

  it('speaks English when the user does', () => {
    const [draft] = scheduleAlerts(input, { ...policy, locale: 'en' }, T0, new Set()).due;
    expect(draft!.title).toBe('Ticket about to breach: Q-1');
  });
});
