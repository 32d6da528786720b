/**
 * The thin timer around scheduleAlerts: run the engines, ask which alerts are due, record them
 * (the alerts table drops any raised before) and deliver only the new ones through the platform's
 * notifier. It wakes every `intervalMs` and, in between, exactly when the next alert falls due, so
 * a 30-second chat deadline is announced on time.
 */
import { alertText } from '../../../shared/i18n/alert-text';
import type { Settings } from '../../../shared/ipc/contract';
import type { EngineRun } from '../compliance/engines';
import type { DesktopNotification } from '../platform';
import type { AlertsRepository, StoredAlert } from '../repositories/alerts-repository';
import {
  defaultLeadTimes,
  newViolationUntil,
  scheduleAlerts,
  type AlertInput,
  type ScheduleResult,
  type ViolationConsequence,
} from './schedule';
import { textIn } from '../text';

export const DEFAULT_ALERT_INTERVAL_MS = 15_000;
/** More new alerts than this in one tick are delivered as the first few plus one summary. */
const MAX_NOTIFICATIONS_PER_TICK = 3;

export interface AlertServiceDeps {
  alerts: AlertsRepository;
  /** Runs the engines as of `now` with the current settings. */
  evaluate(now: number): { run: EngineRun; settings: Settings };
  now(): number;
  notify(notification: DesktopNotification): void;
  log(message: string, error?: unknown): void;
  /** Writes refused (read-only database): alerts are then neither recorded nor delivered. */
  writable(): boolean;
  /** Called with the alerts just recorded (the core turns them into an `alerts.raised` event). */
  onRaised?(raised: StoredAlert[]): void;
  /** Called when a pending ticket's deadline passed since the last tick (its status changed with time). */
  onDeadlinePassed?(): void;
}

/** What the scheduler needs from one engine run. */
export function alertInputOf(run: EngineRun): AlertInput {
  // Only violations whose "new violation" window is still open can raise an alert: with 100,000
  // stored, building the others' input was most of a tick (and of every save).
  const recent = run.violations.filter((v) => newViolationUntil(v) > run.at);
  const recentIds = new Set(recent.map((v) => String(v.id)));
  const violationPoints = new Map<string, number>();
  const consequences = new Map<string, ViolationConsequence>();
  for (const report of run.points) {
    if (!('counted' in report)) continue;
    const pack = run.config.packs.find((p) => p.id === report.policy);
    const expelAt = pack?.points.model === 'annual' ? pack.points.expelAt : null;
    let total = 0;
    for (const c of report.counted) {
      total += c.points; // the running total counts every violation, recent or not
      if (!recentIds.has(String(c.violationId))) continue;
      violationPoints.set(String(c.violationId), c.points);
      if (expelAt !== null)
        consequences.set(String(c.violationId), {
          totalAfter: total,
          expelAt,
          expelled: total >= expelAt || c.freeze === 'expel',
          freeze: c.freeze,
          deduction: c.deduction,
        });
    }
  }
  const nameOf = (policy: string, code: string) => {
    const entry = run.config.packs.find((p) => p.id === policy)?.points.codes[code] as
      { text?: Record<'zh-CN' | 'en', string> } | undefined;
    return entry?.text;
  };
  return {
    // Only pending tickets can raise a deadline alert: the keyed lookup of the partial index.
    tickets: run.pendingTickets.map((t) => ({
      id: t.id,
      kind: t.kind,
      deadlineMs: t.deadline,
      pending: true,
    })),
    deposit:
      run.deposit &&
      run.deposit.status === 'deficient' &&
      run.deposit.topUpDueDate &&
      run.depositDueEndMs !== null
        ? {
            shortfall: run.deposit.shortfall,
            dueDate: run.deposit.topUpDueDate,
            dueEndMs: run.depositDueEndMs,
          }
        : null,
    violations: recent.map((v) => ({
      id: v.id,
      code: v.code,
      points: violationPoints.get(String(v.id)) ?? v.points ?? null,
      firstSeenAt: v.firstSeenAt,
      decidedAt: v.decidedAt,
      ...(nameOf(v.policy, v.code) ? { name: nameOf(v.policy, v.code) } : {}),
      ...(consequences.has(String(v.id)) ? { consequence: consequences.get(String(v.id)) } : {}),
    })),
  };
}

export class AlertService {
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** The earliest pending deadline the last tick saw: once now is past it, a status changed with time. */
  private nextDeadline: number | null = null;

  private intervalMs = DEFAULT_ALERT_INTERVAL_MS;

  constructor(private readonly deps: AlertServiceDeps) {}

  /** One evaluation: returns the alerts raised now (already delivered). */
  tick(): { raised: StoredAlert[]; nextAt: number | null } {
    const now = this.deps.now();
    const { run, settings } = this.deps.evaluate(now);
    const input = alertInputOf(run);
    // The next pending deadline wakes the timer too: the pages are told that a status changed.
    let nextDeadline: number | null = null;
    for (const t of input.tickets) {
      if (t.pending && t.deadlineMs > now)
        nextDeadline = nextDeadline === null ? t.deadlineMs : Math.min(nextDeadline, t.deadlineMs);
    }
    if (this.nextDeadline !== null && this.nextDeadline <= now) this.deps.onDeadlinePassed?.();
    this.nextDeadline = nextDeadline;
    const leadTimes = { ...defaultLeadTimes, ...stripUndefined(settings.alertLeadTimes ?? {}) };
    // Only keys whose deadline can still matter; older ones can never be due again.
    const raisedKeys = this.deps.alerts.keysSince(now - 2 * 86_400_000);
    const scheduled: ScheduleResult = scheduleAlerts(
      input,
      {
        leadTimes,
        quietOutsideServiceHours: settings.quietOutsideServiceHours ?? false,
        isServiceTime: (ms) => run.config.calendar.isServiceTime(ms),
        locale: settings.locale,
      },
      now,
      raisedKeys,
    );
    const candidates = [scheduled.nextAt, nextDeadline === null ? null : nextDeadline + 1].filter(
      (x): x is number => x !== null,
    );
    const result = { ...scheduled, nextAt: candidates.length > 0 ? Math.min(...candidates) : null };
    if (!this.deps.writable()) return { raised: [], nextAt: result.nextAt };
    const raised = this.deps.alerts.insertNew(result.due, now);
    this.deliver(raised, settings.locale);
    if (raised.length > 0) this.deps.onRaised?.(raised);
    return { raised, nextAt: result.nextAt };
  }

  private deliver(raised: StoredAlert[], locale: Settings['locale']): void {
    const shown =
      raised.length > MAX_NOTIFICATIONS_PER_TICK ? raised.slice(0, MAX_NOTIFICATIONS_PER_TICK - 1) : raised;
    const t = textIn(locale, 'alerts');
    for (const alert of shown) this.deps.notify({ ...alertText(t, locale, alert), route: alert.route });
    const rest = raised.length - shown.length;
    if (rest > 0) this.deps.notify({ title: 'VendorDesk', body: t('more', { n: rest }), route: '/overview' });
  }

  start(intervalMs = DEFAULT_ALERT_INTERVAL_MS): void {
    if (this.timer) return;
    this.intervalMs = intervalMs;
    const loop = () => {
      let delay = this.intervalMs;
      try {
        const { nextAt } = this.tick();
        if (nextAt !== null) delay = Math.min(delay, Math.max(200, nextAt - this.deps.now()));
      } catch (error) {
        this.deps.log('alert check failed', error);
      }
      this.timer = setTimeout(loop, delay);
      this.timer.unref?.();
    };
    this.timer = setTimeout(loop, 0);
    this.timer.unref?.();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}

function stripUndefined<T extends object>(value: T): { [K in keyof T]-?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as never;
}
