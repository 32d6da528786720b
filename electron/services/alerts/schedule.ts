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
import type { AlertKind, Locale } from '../../../shared/ipc/contract';
import type { TicketKind } from '../../../shared/policy/schema';
import { alertKey, type AlertDraft } from '../repositories/alerts-repository';

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
export const NEW_VIOLATION_WINDOW_MS = 86_400_000;

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

type ViolationText = {
  id: string;
  code: string;
  points: number | null;
  name?: string;
  consequence?: ViolationConsequence;
};

function violationZh({ id, code, points, name, consequence: c }: ViolationText) {
  const what = name ?? code;
  if (!c)
    return {
      title: `新的违规记录：${id}`,
      body: `${what}${points === null ? '（尚未判定，暂不扣分）' : `，扣 ${points} 分`}。请在“违规扣分”页核对。`,
    };
  const parts = [`${what}：扣 ${points ?? 0} 分，本次扣分后累计 ${c.totalAfter} 分`];
  if (c.expelled) parts[0] += '：清退（全部商品下架，保证金不退）';
  else parts[0] += `（距 ${c.expelAt} 分清退线还差 ${c.expelAt - c.totalAfter} 分）`;
  if (typeof c.freeze === 'number' && c.freeze > 0) parts.push(`冻结服务 ${c.freeze} 天`);
  if (c.deduction === 'all') parts.push('扣除全部保证金');
  else if (c.deduction > 0) parts.push(`扣除保证金 ${c.deduction.toLocaleString('zh-CN')} 元`);
  return {
    title: `新的违规记录：${id}（${what}）`,
    body: `${parts.join('；')}。请在“违规扣分”页核对，有异议请及时申诉。`,
  };
}

function violationEn({ id, code, points, name, consequence: c }: ViolationText) {
  const what = name ?? code;
  if (!c)
    return {
      title: `New violation: ${id}`,
      body: `${what}${points === null ? ' (not decided yet, no points so far)' : `, ${points} points`}. Check it on the Points page.`,
    };
  const parts = [`${what}: ${points ?? 0} points, ${c.totalAfter} this year after it`];
  if (c.expelled) parts[0] += ': expulsion (all listings removed, deposit forfeited)';
  else parts[0] += ` (${c.expelAt - c.totalAfter} short of the ${c.expelAt}-point expulsion line)`;
  if (typeof c.freeze === 'number' && c.freeze > 0) parts.push(`service frozen for ${c.freeze} days`);
  if (c.deduction === 'all') parts.push('the whole deposit deducted');
  else if (c.deduction > 0) parts.push(`${c.deduction.toLocaleString('en')} yuan deducted from the deposit`);
  return {
    title: `New violation: ${id} (${what})`,
    body: `${parts.join('; ')}. Check it on the Points page and appeal in time if you disagree.`,
  };
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

/** Alert texts, Chinese first. */
const texts = {
  'zh-CN': {
    ticket: (kind: TicketKind, id: string, left: string) => ({
      title: `工单即将超时：${id}`,
      body: `${kindNames['zh-CN'][kind]}须在 ${left} 前首次响应。`,
    }),
    deposit: (shortfall: number, due: string) => ({
      title: '保证金待补足',
      body: `缺口 ${shortfall.toLocaleString('zh-CN')} 元，须在 ${due} 结束前补足（第九条(六)）。`,
    }),
    violation: violationZh,
  },
  en: {
    ticket: (kind: TicketKind, id: string, left: string) => ({
      title: `Ticket about to breach: ${id}`,
      body: `${kindNames.en[kind]} needs a first response before ${left}.`,
    }),
    deposit: (shortfall: number, due: string) => ({
      title: 'Deposit top-up due',
      body: `Short by ${shortfall.toLocaleString('en')} yuan; top up by the end of ${due} (第九条(六)).`,
    }),
    violation: violationEn,
  },
} as const;

const kindNames: Record<Locale, Record<TicketKind, string>> = {
  'zh-CN': {
    consultation: '咚咚咨询',
    complaint: '投诉',
    'after-sales-email': '售后邮件',
    'after-sales-phone': '售后电话',
  },
  en: {
    consultation: 'Chat',
    complaint: 'Complaint',
    'after-sales-email': 'After-sales email',
    'after-sales-phone': 'After-sales phone call',
  },
};

export function scheduleAlerts(
  input: AlertInput,
  policy: AlertPolicy,
  now: number,
  raised: ReadonlySet<string>,
): ScheduleResult {
  const t = texts[policy.locale];
  const candidates: { from: number; until: number; draft: AlertDraft }[] = [];

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
        t.ticket(ticket.kind, id, formatBeijingIso(ticket.deadlineMs).slice(11, 19)),
        `/service?ticket=${encodeURIComponent(id)}`,
      ),
    });
  }
  if (input.deposit) {
    const { dueEndMs, dueDate, shortfall } = input.deposit;
    candidates.push({
      from: dueEndMs - policy.leadTimes.deposit * 1000,
      until: dueEndMs,
      draft: draft('deposit-due', 'deposit', dueEndMs, t.deposit(shortfall, dueDate), '/deposit'),
    });
  }
  for (const violation of input.violations) {
    const id = String(violation.id);
    // News is the decision: a violation decided last year and imported today is history.
    const news = Math.min(violation.firstSeenAt, violation.decidedAt ?? violation.firstSeenAt);
    candidates.push({
      from: violation.firstSeenAt,
      until: news + NEW_VIOLATION_WINDOW_MS,
      draft: draft(
        'new-violation',
        id,
        violation.decidedAt ?? violation.firstSeenAt,
        t.violation({
          id,
          code: violation.code,
          points: violation.points,
          name: violation.name?.[policy.locale],
          consequence: violation.consequence,
        }),
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
    if (!quietNow) due.push(draft);
  }
  return { due, nextAt };
}

function draft(
  kind: AlertKind,
  recordId: string,
  deadline: number,
  text: { title: string; body: string },
  route: string,
): AlertDraft {
  return { kind, recordId, deadline, title: text.title, body: text.body, route };
}
