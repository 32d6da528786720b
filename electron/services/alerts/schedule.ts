/**
 * Which alerts are due now: a pure function of the engines' results, the settings, the clock and
 * the alerts already raised. The timer (alert-service.ts) only calls it and delivers; tests call it
 * with a fake clock.
 *
 * - A pending ticket: once `now` is within its kind's lead time before the deadline (and the
 *   deadline has not passed — after it, the overview shows the breach; an alert would be news
 *   from the past).
 * - A deposit shortfall: within the lead time before the end of the top-up due date.
 * - A violation when it is first seen, if it was decided (or, undecided, first seen) within the
 *   last day: an import of old history raises nothing.
 * Each alert is identified by (kind, record id, deadline): raised once, ever, even across restarts.
 * With "quiet outside service hours", nothing is raised outside them; a ticket or deposit alert
 * still due when service hours begin is raised then.
 */
import { formatBeijingIso } from '../../../shared/calendar/beijing';
import { alertText } from '../../../shared/i18n/alert-text';
import type { AlertKind, AlertMessage, Locale } from '../../../shared/ipc/contract';
import type { TicketKind } from '../../../shared/policy/schema';
import { alertKey, type AlertDraft } from '../repositories/alerts-repository';
import { textIn } from '../text';

export interface AlertLeadTimes {
  /** seconds */
  consultation: number;
  complaint: number;
  afterSales: number;
  deposit: number;
}

/**
 * Defaults: a chat has only 30 s of service time, so it is announced as soon as it waits; a
 * complaint 10 minutes before its 30; after-sales an hour before; the deposit one day before.
 */
export const defaultLeadTimes: AlertLeadTimes = {
  consultation: 30,
  complaint: 600,
  afterSales: 3600,
  deposit: 86_400,
};

/** New-violation alerts only for violations decided (or first stored) within this window. */
const NEW_VIOLATION_WINDOW_MS = 86_400_000;

/**
 * Until when a violation is news (epoch ms): a day after its decision, or after it was first seen
 * if that came first — a violation decided last year and imported today is history.
 */
export const newViolationUntil = (v: { firstSeenAt: number; decidedAt: number | null }): number =>
  Math.min(v.firstSeenAt, v.decidedAt ?? v.firstSeenAt) + NEW_VIOLATION_WINDOW_MS;

export interface AlertInput {
  tickets: readonly { id: string | number; kind: TicketKind; deadlineMs: number; pending: boolean }[];
  deposit: { shortfall: number; dueDate: string; dueEndMs: number } | null;
  violations: readonly {
    id: string | number;
    code: string;
    points: number | null;
    firstSeenAt: number;
    decidedAt: number | null;
    /** The code's name in the policy pack's table (issue 17: alerts name the matter, not the code). */
    name?: Record<Locale, string>;
    /** Where this violation leaves the year: points after it, and its freeze and deduction. */
    consequence?: ViolationConsequence;
  }[];
}

export interface ViolationConsequence {
  /** The year's points once this violation is counted (decision order). */
  totalAfter: number;
  expelAt: number;
  /** 清退: the points line reached, or the code's penalty is expulsion. */
  expelled: boolean;
  freeze: number | 'expel';
  deduction: number | 'all';
}

export interface AlertPolicy {
  leadTimes: AlertLeadTimes;
  quietOutsideServiceHours: boolean;
  isServiceTime(ms: number): boolean;
  locale: Locale;
}

export interface ScheduleResult {
  due: AlertDraft[];
  /** The next instant at which a not-yet-due alert becomes due (for the timer), or null. */
  nextAt: number | null;
}

const leadOf = (kind: TicketKind, lead: AlertLeadTimes): number =>
  (kind === 'consultation' ? lead.consultation : kind === 'complaint' ? lead.complaint : lead.afterSales) *
  1000;

/** An alert before it is put into words. */
type Unworded = Pick<AlertDraft, 'kind' | 'recordId' | 'deadline' | 'message' | 'route'>;

export function scheduleAlerts(
  input: AlertInput,
  policy: AlertPolicy,
  now: number,
  raised: ReadonlySet<string>,
): ScheduleResult {
  const t = textIn(policy.locale, 'alerts');
  // A candidate is worded only once it is due: most never are (past, raised, or not yet), and
  // the words cost more than everything else here (100,000 violations: ~8 s a tick).
  const draft = (
    kind: AlertKind,
    recordId: string,
    deadline: number,
    message: AlertMessage,
    route: string,
  ): Unworded => ({ kind, recordId, deadline, message, route });
  /** The message is what is stored; the words in today's language are its fallback text. */
  const worded = (d: Unworded): AlertDraft => ({
    kind: d.kind,
    recordId: d.recordId,
    deadline: d.deadline,
    ...alertText(t, policy.locale, { recordId: d.recordId, title: '', body: '', message: d.message }),
    message: d.message,
    route: d.route,
  });
  const candidates: { from: number; until: number; draft: Unworded }[] = [];

  for (const ticket of input.tickets) {
    if (!ticket.pending) continue;
    const id = String(ticket.id);
    candidates.push({
      from: ticket.deadlineMs - leadOf(ticket.kind, policy.leadTimes),
      until: ticket.deadlineMs,
      draft: draft(
        'ticket-deadline',
        id,
        ticket.deadlineMs,
        {
          code: 'ticket-deadline',
          ticketKind: ticket.kind,
          time: formatBeijingIso(ticket.deadlineMs).slice(11, 19),
        },
        `/service?ticket=${encodeURIComponent(id)}`,
      ),
    });
  }
  if (input.deposit) {
    const { dueEndMs, dueDate, shortfall } = input.deposit;
    candidates.push({
      from: dueEndMs - policy.leadTimes.deposit * 1000,
      until: dueEndMs,
      draft: draft(
        'deposit-due',
        'deposit',
        dueEndMs,
        { code: 'deposit-due', shortfall, dueDate },
        '/deposit',
      ),
    });
  }
  for (const violation of input.violations) {
    const id = String(violation.id);
    candidates.push({
      from: violation.firstSeenAt,
      until: newViolationUntil(violation),
      draft: draft(
        'new-violation',
        id,
        violation.decidedAt ?? violation.firstSeenAt,
        {
          code: 'new-violation',
          violationCode: violation.code,
          points: violation.points,
          ...(violation.name ? { name: violation.name } : {}),
          ...(violation.consequence ? { consequence: violation.consequence } : {}),
        },
        `/points?violation=${encodeURIComponent(id)}`,
      ),
    });
  }

  const quietNow = policy.quietOutsideServiceHours && !policy.isServiceTime(now);
  const due: AlertDraft[] = [];
  let nextAt: number | null = null;
  for (const { from, until, draft } of candidates) {
    if (now >= until || raised.has(alertKey(draft))) continue;
    if (now < from) {
      nextAt = nextAt === null ? from : Math.min(nextAt, from);
      continue;
    }
    if (!quietNow) due.push(worded(draft));
  }
  return { due, nextAt };
}
