/**
 * formats.md §3: per-ticket deadline, status and response time; summary counts; compliance
 * rates by day (Beijing date the ticket was opened), by kind and by staff member.
 *
 * Status follows the spec's wording literally: a ticket with a recorded first response is `met` or
 * `breached` by that response whatever `at` is; `at` only decides between `pending` and
 * `breached` for unanswered tickets (pending while at ≤ deadline).
 *
 * Runs over a million tickets in well under two seconds on one core: the per-ticket work is
 * integer arithmetic on epoch milliseconds against the precomputed business calendar, and one
 * memoised date string per distinct day when formatting the deadline.
 */
import { MS_PER_SECOND, beijingDayIndex, dateStringOfDay, formatBeijingIso } from '../calendar/beijing';
import { policyCalendar, type CalendarInputs } from '../policy/calendar';
import { getPolicyPack } from '../policy/packs';
import { ticketKinds, type PolicyPack, type TicketKind } from '../policy/schema';

/** What the engine needs of a ticket; times are epoch milliseconds (see sla/schema.ts). */
export interface SlaTicketInput {
  id: string | number;
  kind: TicketKind;
  openedAt: number;
  firstResponseAt: number | null;
  staff?: string | undefined;
}

export type SlaStatus = 'met' | 'breached' | 'pending';

export interface SlaTicketResult {
  id: string | number;
  /** ISO 8601, +08:00 */
  deadline: string;
  status: SlaStatus;
  /** Wall-clock seconds to the first response, or null. */
  responseSeconds: number | null;
  /** Pending only (else null): wall-clock seconds from `at` to the deadline. */
  timeLeftSeconds: number | null;
  /** Pending tickets on a service-time clock (else null): service seconds left before the deadline. */
  serviceSecondsLeft: number | null;
  /**
   * formats.md §3/§8: false when the deadline was computed over a day of a year with no official
   * calendar loaded (Monday–Friday assumed). Wall-clock deadlines (complaints) use no calendar.
   */
  calendarConfirmed: boolean;
}

export interface StatusCounts {
  met: number;
  breached: number;
  pending: number;
}

export interface ComplianceRow extends StatusCounts {
  /** met / (met + breached); null while nothing is decided. Pending tickets are not counted. */
  rate: number | null;
}

export interface SlaReport extends SlaSummaryReport {
  tickets: SlaTicketResult[];
}

/** The report without its per-ticket rows (what the app's overview carries; rows are paged). */
export interface SlaSummaryReport {
  policy: string;
  at: string;
  summary: StatusCounts;
  compliance: {
    /** Per Beijing day the tickets were opened, with the same split by kind (e.g. chats only). */
    byDay: (ComplianceRow & { date: string; byKind: (ComplianceRow & { kind: TicketKind })[] })[];
    byKind: (ComplianceRow & { kind: TicketKind })[];
    byStaff: (ComplianceRow & { staff: string })[];
  };
  warnings: string[];
}

export type SlaOptions = CalendarInputs;

interface KindRule {
  /** position in ticketKinds, for the per-day, per-kind counters */
  index: number;
  limitMs: number;
  serviceClock: boolean;
}

const KIND_COUNT = ticketKinds.length;

function counts(): StatusCounts {
  return { met: 0, breached: 0, pending: 0 };
}

function toRow(c: StatusCounts): ComplianceRow {
  const decided = c.met + c.breached;
  return {
    met: c.met,
    breached: c.breached,
    pending: c.pending,
    rate: decided === 0 ? null : c.met / decided,
  };
}

/**
 * The per-ticket part of the engine, shared by computeSla and by the app's stored columns
 * (issue 11: each ticket's deadline is computed once when it is saved, and only the
 * pending → breached step depends on `at`), so the two cannot differ.
 */
export interface SlaEvaluator {
  calendar: ReturnType<typeof policyCalendar>;
  /** The ticket's deadline (epoch ms) and whether its calendar was confirmed for it. */
  deadlineOf(
    kind: TicketKind,
    openedAt: number,
  ): { deadline: number; calendarConfirmed: boolean; serviceClock: boolean };
  /** Position of the kind in ticketKinds. */
  kindIndex(kind: TicketKind): number;
  serviceClock(kind: TicketKind): boolean;
}

export function slaEvaluator(pack: PolicyPack = getPolicyPack(), options: SlaOptions = {}): SlaEvaluator {
  const sla = pack.sla;
  if (!sla) throw new Error(`策略 ${pack.id} 没有 SLA 规则 / policy ${pack.id} has no SLA rules`);
  const calendar = policyCalendar(pack, options);
  const rules = Object.fromEntries(
    ticketKinds.map((kind, index) => {
      const limit = sla.limits[kind];
      return [
        kind,
        { index, limitMs: limit.seconds * MS_PER_SECOND, serviceClock: limit.clock === 'service' },
      ];
    }),
  ) as Record<TicketKind, KindRule>;
  return {
    calendar,
    deadlineOf(kind, opened) {
      const kindRule = rules[kind];
      const deadline = kindRule.serviceClock
        ? calendar.addServiceMs(opened, kindRule.limitMs)
        : opened + kindRule.limitMs;
      return {
        deadline,
        calendarConfirmed: !kindRule.serviceClock || calendar.confirmedBetween(opened, deadline),
        serviceClock: kindRule.serviceClock,
      };
    },
    kindIndex: (kind) => rules[kind].index,
    serviceClock: (kind) => rules[kind].serviceClock,
  };
}

/** A ticket's status at `at` from its stored deadline (formats.md §3, as computeSla decides it). */
export function slaStatusOf(deadline: number, firstResponseAt: number | null, at: number): SlaStatus {
  if (firstResponseAt !== null) return firstResponseAt <= deadline ? 'met' : 'breached';
  return at > deadline ? 'breached' : 'pending';
}

export function computeSla(
  tickets: readonly SlaTicketInput[],
  at: number,
  pack: PolicyPack = getPolicyPack(),
  options: SlaOptions = {},
): SlaReport {
  const evaluator = slaEvaluator(pack, options);
  const calendar = evaluator.calendar;
  const results: SlaTicketResult[] = new Array(tickets.length);
  const summary = counts();
  const byDay = new Map<number, StatusCounts>();
  /** key: day × KIND_COUNT + kind index */
  const byDayKind = new Map<number, StatusCounts>();
  const byKind = new Map<TicketKind, StatusCounts>();
  const byStaff = new Map<string, StatusCounts>();
  let earliest = Infinity;
  let latest = -Infinity;

  for (let i = 0; i < tickets.length; i++) {
    const ticket = tickets[i]!;
    const opened = ticket.openedAt;
    const { deadline, calendarConfirmed, serviceClock } = evaluator.deadlineOf(ticket.kind, opened);
    const answered = ticket.firstResponseAt;
    const status = slaStatusOf(deadline, answered, at);

    const pending = status === 'pending';
    // Every result has the same fields in the same order (one hidden class for the JIT).
    results[i] = {
      id: ticket.id,
      deadline: formatBeijingIso(deadline),
      status,
      responseSeconds: answered === null ? null : (answered - opened) / MS_PER_SECOND,
      timeLeftSeconds: pending ? (deadline - at) / MS_PER_SECOND : null,
      serviceSecondsLeft:
        pending && serviceClock ? calendar.serviceSecondsBetween(Math.max(at, opened), deadline) : null,
      calendarConfirmed,
    };

    summary[status]++;
    const day = beijingDayIndex(opened);
    let dayCounts = byDay.get(day);
    if (!dayCounts) byDay.set(day, (dayCounts = counts()));
    dayCounts[status]++;
    const dayKey = day * KIND_COUNT + evaluator.kindIndex(ticket.kind);
    let dayKindCounts = byDayKind.get(dayKey);
    if (!dayKindCounts) byDayKind.set(dayKey, (dayKindCounts = counts()));
    dayKindCounts[status]++;
    let kindCounts = byKind.get(ticket.kind);
    if (!kindCounts) byKind.set(ticket.kind, (kindCounts = counts()));
    kindCounts[status]++;
    if (ticket.staff !== undefined) {
      let staffCounts = byStaff.get(ticket.staff);
      if (!staffCounts) byStaff.set(ticket.staff, (staffCounts = counts()));
      staffCounts[status]++;
    }
    if (opened < earliest) earliest = opened;
    if (deadline > latest) latest = deadline;
  }

  return {
    policy: pack.id,
    at: formatBeijingIso(at),
    tickets: results,
    summary,
    compliance: {
      byDay: [...byDay.entries()]
        .sort(([a], [b]) => a - b)
        .map(([day, c]) => ({
          date: dateStringOfDay(day),
          ...toRow(c),
          byKind: ticketKinds.flatMap((kind, index) => {
            const kc = byDayKind.get(day * KIND_COUNT + index);
            return kc ? [{ kind, ...toRow(kc) }] : [];
          }),
        })),
      byKind: ticketKinds.flatMap((kind) => {
        const c = byKind.get(kind);
        return c ? [{ kind, ...toRow(c) }] : [];
      }),
      byStaff: [...byStaff.entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([staff, c]) => ({ staff, ...toRow(c) })),
    },
    warnings: tickets.length === 0 ? [] : calendar.dataWarnings(earliest, latest),
  };
}
