/**
 * Runs the compliance engines (shared/sla, shared/deposit, shared/points) over the stored records
 * with the user's settings, exactly as `vendordesk sla|deposit|points` runs them over files.
 * Nothing here decides a rule: it gathers inputs, calls the engines and shapes their reports
 * for the pages and the alert scheduler.
 */
import {
  beijingDayIndex,
  beijingDayStart,
  dayOfDateString,
  formatBeijingIso,
  weekdayOfDay,
} from '../../../shared/calendar/beijing';
import type { BusinessCalendar } from '../../../shared/calendar/business-calendar';
import { policyCalendar, type CalendarInputs } from '../../../shared/policy/calendar';
import { defaultRulePack, type RulePack } from '../../../shared/check/rulepack';
import { computeDeposit, type DepositReport } from '../../../shared/deposit/compute';
import {
  SNAPSHOT_COUNTED,
  type ComplianceCatalog,
  type ComplianceSnapshot,
  type LedgerRecord,
  type RateRow,
  type Settings,
  type TicketRecord,
  type ViolationRecord,
} from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import { computePoints, isAnnualReport, penaltyOf, type PointsReport } from '../../../shared/points/compute';
import {
  whatIf,
  type AnnualWhatIf,
  type CategoryWhatIf,
  type Hypothetical,
} from '../../../shared/points/what-if';
import { DEFAULT_POLICY_ID, getPolicyPack, type PolicyPackSet } from '../../../shared/policy/packs';
import type { PolicyPack, TicketKind } from '../../../shared/policy/schema';
import type { SlaSummaryReport } from '../../../shared/sla/compute';
import { slaContextOf } from './ticket-sla';
import type { AlertService } from '../alerts/alert-service';
import type { PolicyPackService } from './policy-packs';
import type { AlertsRepository } from '../repositories/alerts-repository';
import type { DepositLedgerRepository, StoredLedgerEntry } from '../repositories/deposit-ledger-repository';
import type { OrdersRepository } from '../repositories/orders-repository';
import type {
  SlaContext,
  StoredTicket,
  TicketsRepository,
  TicketWithSla,
} from '../repositories/tickets-repository';
import type { StoredViolation, ViolationsRepository } from '../repositories/violations-repository';

export interface ComplianceRepositories {
  tickets: TicketsRepository;
  ledger: DepositLedgerRepository;
  violations: ViolationsRepository;
  /** Synced orders: the jd-store-2021 delayed-shipment rule is computed from them. */
  orders: OrdersRepository;
  /** The policy packs in use: the bundled ones and the packs loaded from a file (PolicyPackService). */
  policyPacks: { current(): PolicyPackSet };
}

/** What the compliance and alert handlers use (HandlerContext.compliance). */
export interface ComplianceServices extends ComplianceRepositories {
  /** Loading and removing policy packs as well as the set in use (Settings → 策略包). */
  policyPacks: PolicyPackService;
  alerts: AlertsRepository;
  alertService: AlertService;
}

/** The packs and calendar the user's settings select. */
export interface ComplianceConfig {
  /** Every pack the app has (bundled, or loaded from a file and superseding or beside them). */
  available: PolicyPackSet;
  /** Enabled packs with the user's service hours applied, in settings order. */
  packs: PolicyPack[];
  /** The pack with SLA and deposit rules (the first enabled one that has them), if any. */
  primary: PolicyPack | null;
  calendarOverrides: Record<string, 'workday' | 'holiday'>;
  /** What the engines take on top of the pack's calendar: overrides and imported official years. */
  calendarInputs: CalendarInputs;
  serviceHours: { start: string; end: string };
  /** The pack whose calendar (service hours, official years) the SLA and deposit engines use. */
  calendarPack: PolicyPack;
  calendar: BusinessCalendar;
}

export function complianceConfig(settings: Settings, available: PolicyPackSet): ComplianceConfig {
  // An enabled id the set no longer has (a loaded pack was removed) is skipped, not an error.
  const ids = (settings.policyPacks ?? [DEFAULT_POLICY_ID]).filter((id) => available.get(id) !== undefined);
  const packs = (ids.length ? ids : [DEFAULT_POLICY_ID]).map((id) => {
    const pack = available.get(id) ?? getPolicyPack(DEFAULT_POLICY_ID);
    if (!pack.calendar || !settings.serviceHours) return pack;
    return { ...pack, calendar: { ...pack.calendar, serviceHours: settings.serviceHours } };
  });
  const primary = packs.find((p) => p.sla && p.deposit && p.calendar) ?? null;
  const calendarOverrides = settings.calendarOverrides ?? {};
  // Precedence of a year's official list: a §8 file the user imported for that year beats the
  // pack's year (policyCalendar merges the imports after the pack's years). The import is the
  // user's own, explicit act for that one year — typically the State Council's notice itself,
  // loaded because the pack was late or wrong — while a pack carries years as a side payload of
  // its rules; a pack arriving later must not silently undo it. Removing the import brings the
  // pack's year back.
  const calendarInputs: CalendarInputs = {
    calendarOverrides,
    officialYears: settings.officialCalendars ?? [],
  };
  const basePack = primary ?? available.get(DEFAULT_POLICY_ID) ?? getPolicyPack(DEFAULT_POLICY_ID);
  const serviceHours = settings.serviceHours ?? basePack.calendar!.serviceHours;
  const calendarPack = { ...basePack, calendar: { ...basePack.calendar!, serviceHours } };
  const calendar = policyCalendar(calendarPack, calendarInputs);
  return {
    available,
    packs,
    primary,
    calendarOverrides,
    calendarInputs,
    serviceHours,
    calendarPack,
    calendar,
  };
}

/** Violations that count: an appeal the marketplace accepted (overturned) removes the penalty. */
const counting = (violations: readonly StoredViolation[], policy: string) =>
  violations.filter((v) => v.policy === policy && v.appeal.state !== 'overturned');

export interface EngineRun {
  at: number;
  config: ComplianceConfig;
  /** The settings the stored ticket SLA columns are for; null when no enabled pack has SLA rules. */
  slaContext: SlaContext | null;
  ticketCount: number;
  /** Pending tickets, soonest deadline first (keyed lookup: the partial index on deadline). */
  pendingTickets: TicketWithSla[];
  ledger: { required: number; entries: StoredLedgerEntry[] } | null;
  violations: readonly StoredViolation[];
  /** computeSla's report without its per-ticket rows (those are paged: compliance.tickets). */
  sla: SlaSummaryReport | null;
  deposit: DepositReport | null;
  points: PointsReport[];
  /** End of the top-up due date (exclusive), epoch ms. */
  depositDueEndMs: number | null;
}

export function runEngines(repos: ComplianceRepositories, settings: Settings, at: number): EngineRun {
  const config = complianceConfig(settings, repos.policyPacks.current());
  const { primary, calendarInputs } = config;
  const slaContext = slaContextOf(config);
  // Settings changed since tickets were stored: recompute their SLA columns (the snapshot handler
  // does this in slices before it gets here; this is the fallback for other callers).
  if (slaContext) while (repos.tickets.recomputeSla(slaContext) > 0);
  const entries = repos.ledger.list();
  const required = repos.ledger.required();
  const ledger = required === null && entries.length === 0 ? null : { required: required ?? 0, entries };
  const violations = repos.violations.list();

  const sla = slaContext ? repos.tickets.slaSummary(slaContext, at) : null;
  const deposit = primary?.deposit && ledger ? computeDeposit(ledger, at, primary, calendarInputs) : null;
  // Orders only for packs with shipping rules (the others would warn that they were ignored).
  const shipments = config.packs.some((p) => p.points.model === 'categories') ? repos.orders.shipments() : [];
  const points = config.packs.map((pack) =>
    computePoints(
      {
        violations: counting(violations, pack.id),
        orders: pack.points.model === 'categories' ? shipments : undefined,
      },
      at,
      pack,
    ),
  );
  const dueDay = deposit?.topUpDueDate ? dayOfDateString(deposit.topUpDueDate) : undefined;
  return {
    at,
    config,
    slaContext,
    ticketCount: repos.tickets.count(),
    pendingTickets: slaContext ? repos.tickets.pending(slaContext, at) : [],
    ledger,
    violations,
    sla,
    deposit,
    points,
    depositDueEndMs: dueDay === undefined ? null : beijingDayStart(dueDay + 1),
  };
}

/** Sums the engine's per-day rows over a range of Beijing dates (the rate keeps the engine's definition). */
function rateOver(sla: SlaSummaryReport | null, fromDate: string, toDate: string): RateRow {
  const row = { met: 0, breached: 0, pending: 0 };
  for (const day of sla?.compliance.byDay ?? []) {
    if (day.date < fromDate || day.date > toDate) continue;
    row.met += day.met;
    row.breached += day.breached;
    row.pending += day.pending;
  }
  const decided = row.met + row.breached;
  return { ...row, rate: decided === 0 ? null : row.met / decided };
}

const dateOf = (day: number) => formatBeijingIso(beijingDayStart(day)).slice(0, 10);

export const ticketRecord = (t: StoredTicket): TicketRecord => ({
  id: t.id,
  kind: t.kind,
  openedAt: formatBeijingIso(t.openedAt),
  firstResponseAt: t.firstResponseAt === null ? null : formatBeijingIso(t.firstResponseAt),
  staff: t.staff ?? null,
  source: t.source,
  sourceAt: formatBeijingIso(t.sourceAt),
  sourceFile: t.sourceFile,
});

export const ledgerRecord = (e: StoredLedgerEntry): LedgerRecord => ({
  id: e.id,
  at: formatBeijingIso(e.at),
  type: e.type,
  amount: e.amount,
  reason: e.reason,
  source: e.source,
  sourceAt: formatBeijingIso(e.sourceAt),
  sourceFile: e.sourceFile,
});

/** `packs`: the set in use, so a violation is priced by the pack the engines count it with. */
export const violationRecord = (v: StoredViolation, packs: PolicyPackSet): ViolationRecord => ({
  id: v.id,
  policy: v.policy,
  code: v.code,
  occurredAt: formatBeijingIso(v.occurredAt),
  decidedAt: v.decidedAt === null ? null : formatBeijingIso(v.decidedAt),
  points: v.points ?? null,
  freezeDays: v.freezeDays ?? null,
  depositDeduction: v.depositDeduction ?? null,
  penalty: packs.get(v.policy) ? penaltyOf(packs.get(v.policy)!, v) : null,
  appeal: {
    state: v.appeal.state,
    note: v.appeal.note,
    at: v.appeal.at === null ? null : formatBeijingIso(v.appeal.at),
  },
  source: v.source,
  sourceAt: formatBeijingIso(v.sourceAt),
  sourceFile: v.sourceFile,
});

/** Pending tickets the overview lists with live countdowns (the soonest). */
export const CLOSEST_TICKETS = 20;

/**
 * A points report as the snapshot carries it: the latest SNAPSHOT_COUNTED of each `counted` list.
 * With 100,000 violations the whole lists were 20 MB of every snapshot; the pages show the latest
 * and the violations table pages through all of them (compliance.violations).
 */
function latestCounted(report: PointsReport): PointsReport {
  const latest = <T>(list: T[]): T[] =>
    list.length > SNAPSHOT_COUNTED ? list.slice(-SNAPSHOT_COUNTED) : list;
  if (isAnnualReport(report)) return { ...report, counted: latest(report.counted) };
  return {
    ...report,
    general: { ...report.general, counted: latest(report.general.counted) },
    serious: { ...report.serious, counted: latest(report.serious.counted) },
  };
}

export function buildSnapshot(
  run: EngineRun,
  lastSeenAt: string | undefined,
  alertsSince: (ms: number) => number,
  tickets: TicketsRepository,
): ComplianceSnapshot {
  const { at, sla } = run;
  const today = beijingDayIndex(at);
  const monday = today - ((weekdayOfDay(today) + 6) % 7);
  const since = lastSeenAt === undefined ? null : Date.parse(lastSeenAt);
  const changedSince = (sourceAt: number) => since !== null && sourceAt > since;
  const breached = since === null || !sla ? { ids: [], count: 0 } : tickets.breachedBetween(since, at);
  return {
    at: formatBeijingIso(at),
    atMs: at,
    policies: run.config.packs.map((p) => p.id),
    ticketCount: run.ticketCount,
    closestTickets: run.pendingTickets.slice(0, CLOSEST_TICKETS).map((t) => ({
      id: t.id,
      kind: t.kind,
      staff: t.staff ?? null,
      deadline: formatBeijingIso(t.deadline),
      deadlineMs: t.deadline,
      calendarConfirmed: t.calendarConfirmed,
    })),
    staffNames: tickets.staffNames(),
    ledger: run.ledger && { required: run.ledger.required, entries: run.ledger.entries.map(ledgerRecord) },
    violationCount: run.violations.length,
    sla,
    deposit: run.deposit,
    points: run.points.map(latestCounted),
    today: rateOver(sla, dateOf(today), dateOf(today)),
    week: rateOver(sla, dateOf(monday), dateOf(today)),
    depositDueEndMs: run.depositDueEndMs,
    changes: {
      since: since === null ? null : formatBeijingIso(since),
      tickets: since === null ? 0 : tickets.changedSince(since),
      ledger: run.ledger?.entries.filter((e) => changedSince(e.sourceAt)).length ?? 0,
      violations: run.violations.filter((v) => changedSince(v.sourceAt)).length,
      newlyBreached: breached.ids,
      newlyBreachedCount: breached.count,
      alerts: since === null ? 0 : alertsSince(since),
    },
  };
}

/** `rulePack`: the active self-check pack (its rules' penalty codes), the bundled one by default. */
export function catalog(config: ComplianceConfig, rulePack: RulePack = defaultRulePack): ComplianceCatalog {
  const primary =
    config.primary ?? config.available.get(DEFAULT_POLICY_ID) ?? getPolicyPack(DEFAULT_POLICY_ID);
  const rules = rulePack.rules as Record<
    string,
    { penalty?: string | null; message: { zh: string; en: string } }
  >;
  return {
    packs: config.available.ids.map((id) => {
      const pack = config.available.get(id)!;
      const points = pack.points;
      return {
        id,
        name: { 'zh-CN': pack.name['zh-CN'], en: pack.name.en },
        model: points.model,
        expelAt: points.model === 'annual' ? points.expelAt : null,
        resetAt:
          points.model === 'annual' ? { 'zh-CN': points.resetAt['zh-CN'], en: points.resetAt.en } : null,
        codes:
          points.model === 'annual'
            ? Object.entries(points.codes).map(([code, p]) => ({
                code,
                points: p.points,
                freeze: p.freeze,
                deduction: p.deduction,
                category: null,
                clause: p.clause,
                text: { 'zh-CN': p.text['zh-CN'], en: p.text.en },
              }))
            : Object.entries(points.codes).map(([code, p]) => ({
                code,
                points: p.points,
                freeze: null,
                deduction: null,
                category: p.category,
                clause: null,
                text: { 'zh-CN': p.text['zh-CN'], en: p.text.en },
              })),
      };
    }),
    // Only rules whose code the primary pack knows: those are the findings the what-if can price.
    selfCheckRules: Object.entries(rules).flatMap(([rule, r]) =>
      r.penalty && r.penalty in primary.points.codes
        ? [{ rule, penaltyCode: r.penalty, message: { zh: r.message.zh, en: r.message.en } }]
        : [],
    ),
    lateTicketCodes: { ...(primary.sla?.lateTicketCodes ?? {}) },
    serviceHours: { ...config.serviceHours },
    depositRules: primary.deposit
      ? {
          topUpWorkdays: primary.deposit.topUpWorkdays,
          deductionWindowMonths: primary.deposit.deductionWindowMonths,
          maxDeductionsInWindow: primary.deposit.maxDeductionsInWindow,
          extraDepositYuan: primary.deposit.extraDepositYuan,
        }
      : null,
  };
}

export interface WhatIfRequest {
  policy?: string | undefined;
  code?: string | undefined;
  rule?: string | undefined;
  lateTicket?: TicketKind | undefined;
}

/** The engine's what-if over the stored (counting) violations of the chosen enabled pack. */
export function runWhatIf(
  run: EngineRun,
  request: WhatIfRequest,
  rulePack: RulePack = defaultRulePack,
): AnnualWhatIf | CategoryWhatIf {
  const pack = request.policy
    ? run.config.packs.find((p) => p.id === request.policy)
    : (run.config.primary ?? run.config.packs[0]);
  if (!pack)
    throw new AppError('invalid-input', `策略未启用 / policy ${request.policy ?? ''} is not enabled`);
  let hypothetical: Hypothetical;
  if (request.rule !== undefined) {
    const rule = (rulePack.rules as Record<string, { penalty?: string | null }>)[request.rule];
    if (!rule?.penalty)
      throw new AppError(
        'invalid-input',
        `自检规则没有对应的扣分代码 / self-check rule "${request.rule}" maps to no penalty code`,
      );
    hypothetical = { code: rule.penalty };
  } else if (request.lateTicket !== undefined) hypothetical = { lateTicket: request.lateTicket };
  else hypothetical = { code: request.code! };
  try {
    return whatIf({ violations: counting(run.violations, pack.id) }, run.at, hypothetical, pack);
  } catch (error) {
    throw new AppError('invalid-input', error instanceof Error ? error.message : String(error));
  }
}
