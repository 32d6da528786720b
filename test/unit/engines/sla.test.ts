import { describe, expect, it } from 'vitest';
import { validateInput } from '../../../shared/policy/input-file';
import { getPolicyPack } from '../../../shared/policy/packs';
import { computeSla, type SlaTicketInput } from '../../../shared/sla/compute';
import { ticketsFileSchema } from '../../../shared/sla/schema';
import { ms } from './helpers';

type Kind = SlaTicketInput['kind'];
const ticket = (
  kind: Kind,
  openedAt: string,
  firstResponseAt: string | null,
  staff?: string,
): SlaTicketInput => ({
  id: `${kind}@${openedAt}`,
  kind,
  openedAt: ms(openedAt),
  firstResponseAt: firstResponseAt === null ? null : ms(firstResponseAt),
  staff,
});
const one = (t: SlaTicketInput, at: string) => computeSla([t], ms(at)).tickets[0]!;

describe('SLA deadlines and status (formats.md §3, 第十二条, 第十八条(十六))', () => {
  it.each<[string, Kind, string, string | null, string, string, string]>([
    // kind, openedAt, firstResponseAt, at → deadline, status
    [
      'chat at 08:59:50 answered at the deadline',
      'consultation',
      '2026-01-05T08:59:50+08:00',
      '2026-01-05T09:00:30+08:00',
      '2026-01-05T12:00:00+08:00',
      '2026-01-05T09:00:30+08:00',
      'met',
    ],
    [
      'chat at 08:59:50 answered 1 s late',
      'consultation',
      '2026-01-05T08:59:50+08:00',
      '2026-01-05T09:00:31+08:00',
      '2026-01-05T12:00:00+08:00',
      '2026-01-05T09:00:30+08:00',
      'breached',
    ],
    [
      'chat at 17:59:45 answered next morning in time',
      'consultation',
      '2026-01-05T17:59:45+08:00',
      '2026-01-06T09:00:10+08:00',
      '2026-01-06T12:00:00+08:00',
      '2026-01-06T09:00:15+08:00',
      'met',
    ],
    [
      'chat at 17:59:45 unanswered, at = deadline',
      'consultation',
      '2026-01-05T17:59:45+08:00',
      null,
      '2026-01-06T09:00:15+08:00',
      '2026-01-06T09:00:15+08:00',
      'pending',
    ],
    [
      'chat at 17:59:45 unanswered, 1 s after',
      'consultation',
      '2026-01-05T17:59:45+08:00',
      null,
      '2026-01-06T09:00:16+08:00',
      '2026-01-06T09:00:15+08:00',
      'breached',
    ],
    [
      'chat on Saturday waits for Monday',
      'consultation',
      '2026-01-10T11:00:00+08:00',
      null,
      '2026-01-11T23:00:00+08:00',
      '2026-01-12T09:00:30+08:00',
      'pending',
    ],
    [
      'chat on make-up Saturday counts',
      'consultation',
      '2025-10-11T11:00:00+08:00',
      '2025-10-11T11:00:31+08:00',
      '2025-10-12T00:00:00+08:00',
      '2025-10-11T11:00:30+08:00',
      'breached',
    ],
    [
      'chat on National Day waits for 10-09',
      'consultation',
      '2025-10-03T10:00:00+08:00',
      null,
      '2025-10-08T18:00:00+08:00',
      '2025-10-09T09:00:30+08:00',
      'pending',
    ],
    [
      'chat 31 s late in service hours',
      'consultation',
      '2026-01-06T14:00:00+08:00',
      '2026-01-06T14:00:31+08:00',
      '2026-01-06T15:00:00+08:00',
      '2026-01-06T14:00:30+08:00',
      'breached',
    ],
    [
      'complaint at night, 30 min wall clock',
      'complaint',
      '2026-01-10T02:00:00+08:00',
      '2026-01-10T02:30:00+08:00',
      '2026-01-10T03:00:00+08:00',
      '2026-01-10T02:30:00+08:00',
      'met',
    ],
    [
      'complaint at night, 1 s late',
      'complaint',
      '2026-01-10T02:00:00+08:00',
      '2026-01-10T02:30:01+08:00',
      '2026-01-10T03:00:00+08:00',
      '2026-01-10T02:30:00+08:00',
      'breached',
    ],
    [
      'complaint on a holiday, unanswered at the deadline',
      'complaint',
      '2025-10-01T23:45:00+08:00',
      null,
      '2025-10-02T00:15:00+08:00',
      '2025-10-02T00:15:00+08:00',
      'pending',
    ],
    [
      'complaint given in UTC',
      'complaint',
      '2026-01-09T18:00:00Z',
      null,
      '2026-01-09T18:31:00Z',
      '2026-01-10T02:30:00+08:00',
      'breached',
    ],
    [
      'email at 09:00 due 18:00 same day',
      'after-sales-email',
      '2026-01-05T09:00:00+08:00',
      '2026-01-05T18:00:00+08:00',
      '2026-01-06T00:00:00+08:00',
      '2026-01-05T18:00:00+08:00',
      'met',
    ],
    [
      'phone before National Day',
      'after-sales-phone',
      '2025-09-30T17:00:00+08:00',
      null,
      '2025-10-09T16:59:59+08:00',
      '2025-10-09T17:00:00+08:00',
      'pending',
    ],
    [
      'email on New Year’s Eve evening: whole make-up Sunday 01-04',
      'after-sales-email',
      '2025-12-31T20:00:00+08:00',
      null,
      '2026-01-04T18:00:00+08:00',
      '2026-01-04T18:00:00+08:00',
      'pending',
    ],
  ])('%s', (_name, kind, opened, answered, at, deadline, status) => {
    const result = one(ticket(kind, opened, answered), at);
    expect(result.deadline).toBe(deadline);
    expect(result.status).toBe(status);
  });

  it('reports wall-clock response seconds, and time left for pending tickets', () => {
    const answered = one(
      ticket('consultation', '2026-01-05T08:59:50+08:00', '2026-01-05T09:00:30+08:00'),
      '2026-01-05T12:00:00+08:00',
    );
    expect(answered.responseSeconds).toBe(40);
    expect(answered.timeLeftSeconds).toBeNull();
    const pending = one(
      ticket('consultation', '2026-01-05T17:59:45+08:00', null),
      '2026-01-05T17:59:50+08:00',
    );
    expect(pending.responseSeconds).toBeNull();
    expect(pending.serviceSecondsLeft).toBe(25);
    expect(pending.timeLeftSeconds).toBe(15 * 3600 + 25);
  });

  it('keeps input order and ids, counts statuses, and rates compliance by day, kind and staff', () => {
    const tickets = [
      ticket('consultation', '2026-01-05T10:00:00+08:00', '2026-01-05T10:00:10+08:00', 'wang'),
      ticket('consultation', '2026-01-05T11:00:00+08:00', '2026-01-05T11:01:00+08:00', 'wang'),
      ticket('complaint', '2026-01-06T11:00:00+08:00', null, 'li'),
      ticket('consultation', '2026-01-06T11:00:00+08:00', '2026-01-06T11:00:05+08:00'),
    ];
    const report = computeSla(tickets, ms('2026-01-06T11:10:00+08:00'));
    expect(report.tickets.map((t) => t.id)).toEqual(tickets.map((t) => t.id));
    expect(report.summary).toEqual({ met: 2, breached: 1, pending: 1 });
    expect(report.compliance.byDay).toEqual([
      {
        date: '2026-01-05',
        met: 1,
        breached: 1,
        pending: 0,
        rate: 0.5,
        byKind: [{ kind: 'consultation', met: 1, breached: 1, pending: 0, rate: 0.5 }],
      },
      {
        date: '2026-01-06',
        met: 1,
        breached: 0,
        pending: 1,
        rate: 1,
        byKind: [
          { kind: 'consultation', met: 1, breached: 0, pending: 0, rate: 1 },
          { kind: 'complaint', met: 0, breached: 0, pending: 1, rate: null },
        ],
      },
    ]);
    expect(report.compliance.byStaff).toEqual([
      { staff: 'li', met: 0, breached: 0, pending: 1, rate: null },
      { staff: 'wang', met: 1, breached: 1, pending: 0, rate: 0.5 },
    ]);
    expect(report.compliance.byKind.find((k) => k.kind === 'consultation')).toMatchObject({
      met: 2,
      breached: 1,
      rate: 2 / 3,
    });
    expect(report.warnings).toEqual([]);
  });

  it('warns when a deadline reaches a year chinese-days has no data for', () => {
    const report = computeSla(
      [ticket('consultation', '2027-03-01T10:00:00+08:00', null)],
      ms('2027-03-01T10:00:00+08:00'),
    );
    expect(report.warnings).toEqual([expect.stringContaining('2027')]);
  });

  it('takes calendar overrides (e.g. a holiday of an unpublished year)', () => {
    const t = ticket('consultation', '2027-01-01T10:00:00+08:00', null);
    const plain = computeSla([t], ms('2027-01-01T10:00:00+08:00'));
    expect(plain.tickets[0]!.deadline).toBe('2027-01-01T10:00:30+08:00');
    const overridden = computeSla([t], ms('2027-01-01T10:00:00+08:00'), getPolicyPack(), {
      calendarOverrides: { '2027-01-01': 'holiday' },
    });
    expect(overridden.tickets[0]!.deadline).toBe('2027-01-04T09:00:30+08:00');
    // The override moves the deadline, but 2027 stays unconfirmed until its official list is loaded.
    expect(overridden.tickets[0]!.calendarConfirmed).toBe(false);
    expect(overridden.warnings).toEqual([expect.stringContaining('2027')]);
  });
});

describe('ticket file validation', () => {
  it('names the field of each problem', () => {
    const result = validateInput(ticketsFileSchema, {
      tickets: [
        { id: 'ok', kind: 'complaint', openedAt: '2026-01-05T10:00:00+08:00', firstResponseAt: null },
        { id: 'a', kind: 'chat', openedAt: '2026-01-05T10:00:00+08:00', firstResponseAt: null },
        { id: 'b', kind: 'complaint', openedAt: '2026-01-05 10:00', firstResponseAt: null },
        {
          id: 'c',
          kind: 'complaint',
          openedAt: '2026-01-05T10:00:00+08:00',
          firstResponseAt: '2026-01-05T09:00:00+08:00',
        },
        { kind: 'complaint', openedAt: '2026-01-05T10:00:00+08:00', firstResponseAt: null },
      ],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.path)).toEqual([
      'tickets[1].kind',
      'tickets[2].openedAt',
      'tickets[3].firstResponseAt',
      'tickets[4].id',
    ]);
  });

  it('keeps extra fields and parses times to epoch ms', () => {
    const result = validateInput(ticketsFileSchema, {
      tickets: [
        {
          id: 7,
          kind: 'consultation',
          openedAt: '2026-01-05T01:00:00Z',
          firstResponseAt: null,
          staff: 'wang',
          channel: 'dd',
        },
      ],
    });
    expect(result).toEqual({
      ok: true,
      value: {
        tickets: [
          {
            id: 7,
            kind: 'consultation',
            openedAt: ms('2026-01-05T09:00:00+08:00'),
            firstResponseAt: null,
            staff: 'wang',
            channel: 'dd',
          },
        ],
      },
    });
  });
});
