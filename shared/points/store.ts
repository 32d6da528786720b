/**
 * Points for packs with the `categories` model (jd-store-2021, 2021年京东店铺违规扣分规则):
 * general and serious violations are counted, reset and acted on separately ("两者分别扣分、
 * 分别累计、分别执行"). General points reset at 24:00 on 31 December (Beijing); the source gives
 * no reset for serious points, so the pack says whether each category resets.
 *
 * Delayed shipment is computed from orders: an order is late when its waybill was not uploaded
 * within 24 h of payment or no pickup was scanned within 48 h. Each Beijing week (Monday–Sunday,
 * by payment time) is assessed once every order's 48-hour window has closed: with a 48-hour
 * pickup rate ≥ 95 % it costs 1 point per late order, at most 7; below 95 % it costs 7.
 */
import {
  beijingDayIndex,
  beijingDayStart,
  beijingYear,
  dateStringOfDay,
  formatBeijingIso,
  weekdayOfDay,
} from '../calendar/beijing';
import type { CategoryPointsPolicy, StoreCategory } from '../policy/schema';
import { storeCategories } from '../policy/schema';
import type { ViolationInput } from './annual';

export interface OrderInput {
  id: string | number;
  paidAt: number;
  waybillUploadedAt: number | null;
  pickedUpAt: number | null;
}

export interface AssessedWeek extends ShipmentWeek {
  decidedMs: number;
}

export interface ShipmentWeek {
  /** Monday, YYYY-MM-DD (Beijing) */
  weekStart: string;
  orders: number;
  pickedUpWithin48h: number;
  /** pickedUpWithin48h / orders */
  pickupRate: number;
  lateOrders: (string | number)[];
  points: number;
  /** When the week became assessable: the end of its last order's 48-hour window. */
  decidedAt: string;
}

export interface CategoryTotal {
  category: StoreCategory;
  total: number;
  resetsYearly: boolean;
  /** Thresholds from the pack that `total` has reached. */
  thresholdsReached: { points: number; action: { 'zh-CN': string; en: string } }[];
  counted: { violationId: string | number; code: string; points: number; decidedAt: string }[];
  /** How many there are: the app's snapshot carries only the latest of `counted` (SNAPSHOT_COUNTED). */
  countedTotal: number;
}

/** A week with orders whose 48-hour windows have not all closed at `at`: not assessable yet. */
export interface PendingShipmentWeek {
  /** Monday, YYYY-MM-DD (Beijing) */
  weekStart: string;
  orders: number;
  /** Orders already late (their windows closed without pickup or waybill), so far. */
  lateSoFar: (string | number)[];
  /** When the week becomes assessable: the end of its last order's 48-hour window. */
  assessableAt: string;
}

export interface StorePointsReport {
  policy: string;
  at: string;
  year: number;
  general: CategoryTotal;
  serious: CategoryTotal;
  /** `weeks`: assessed, and counted in `general`/`serious`; `pending`: not assessable yet. */
  delayedShipment: { weeks: ShipmentWeek[]; pending: PendingShipmentWeek[] };
  warnings: string[];
}

const HOUR_MS = 3_600_000;

/**
 * Weekly delayed-shipment penalties for every week fully assessable at `at`, and the weeks that
 * are not yet (so a page or the CLI can show them as pending rather than leave them out).
 */
export function assessDelayedShipment(
  orders: readonly OrderInput[],
  at: number,
  policy: CategoryPointsPolicy,
): { assessed: AssessedWeek[]; pending: PendingShipmentWeek[] } {
  const rules = policy.delayedShipment;
  const waybillMs = rules.waybillWithinHours * HOUR_MS;
  const pickupMs = rules.pickupWithinHours * HOUR_MS;
  const weeks = new Map<
    number,
    { orders: number; onTime: number; late: (string | number)[]; lateByAt: (string | number)[] }
  >();
  for (const order of orders) {
    const day = beijingDayIndex(order.paidAt);
    const monday = day - ((weekdayOfDay(day) + 6) % 7);
    let week = weeks.get(monday);
    if (!week) weeks.set(monday, (week = { orders: 0, onTime: 0, late: [], lateByAt: [] }));
    week.orders++;
    const pickedUpInTime = order.pickedUpAt !== null && order.pickedUpAt <= order.paidAt + pickupMs;
    const waybillInTime =
      order.waybillUploadedAt !== null && order.waybillUploadedAt <= order.paidAt + waybillMs;
    if (pickedUpInTime) week.onTime++;
    if (!pickedUpInTime || !waybillInTime) week.late.push(order.id);
    // Late already at `at`: a window closed without the scan (for the pending weeks' "so far").
    const lateByAt =
      (!pickedUpInTime && order.paidAt + pickupMs <= at) ||
      (!waybillInTime && order.paidAt + waybillMs <= at);
    if (lateByAt) week.lateByAt.push(order.id);
  }
  const assessed: AssessedWeek[] = [];
  const pending: PendingShipmentWeek[] = [];
  for (const [monday, week] of [...weeks.entries()].sort(([a], [b]) => a - b)) {
    const decidedAt = beijingDayStart(monday + 7) + pickupMs;
    if (decidedAt > at) {
      pending.push({
        weekStart: dateStringOfDay(monday),
        orders: week.orders,
        lateSoFar: week.lateByAt,
        assessableAt: formatBeijingIso(decidedAt),
      });
      continue;
    }
    const rate = week.onTime / week.orders;
    const points =
      rate >= rules.weeklyOnTimeRateThreshold
        ? Math.min(rules.weeklyCapAtOrAboveThreshold, week.late.length * rules.pointsPerLateOrder)
        : rules.weeklyPointsBelowThreshold;
    assessed.push({
      weekStart: dateStringOfDay(monday),
      orders: week.orders,
      pickedUpWithin48h: week.onTime,
      pickupRate: rate,
      lateOrders: week.late,
      points,
      decidedAt: formatBeijingIso(decidedAt),
      decidedMs: decidedAt,
    });
  }
  return { assessed, pending };
}

/** A violation's points under a `categories` pack: the code table's, or the record's own override. */
export function categoryPenaltyPoints(policy: CategoryPointsPolicy, violation: ViolationInput): number {
  const entry = policy.codes[violation.code];
  if (!entry) throw new Error(`unknown violation code "${violation.code}"`);
  return violation.points ?? entry.points;
}

export function computeStorePoints(
  violations: readonly ViolationInput[],
  orders: readonly OrderInput[],
  at: number,
  policy: CategoryPointsPolicy,
  policyId: string,
): StorePointsReport {
  const year = beijingYear(at);
  const totals = Object.fromEntries(
    storeCategories.map((category) => {
      const settings = policy.categories[category];
      const total: CategoryTotal = {
        category,
        total: 0,
        resetsYearly: settings.resetsYearly,
        thresholdsReached: [],
        counted: [],
        countedTotal: 0,
      };
      return [category, total];
    }),
  ) as Record<StoreCategory, CategoryTotal>;

  const counted: {
    category: StoreCategory;
    violationId: string | number;
    code: string;
    points: number;
    decided: number;
  }[] = [];
  const add = (
    category: StoreCategory,
    violationId: string | number,
    code: string,
    points: number,
    decided: number,
  ) => {
    if (totals[category].resetsYearly && beijingYear(decided) !== year) return;
    totals[category].total += points;
    counted.push({ category, violationId, code, points, decided });
  };

  for (const violation of violations) {
    const decided = violation.decidedAt;
    if (decided === null || decided > at) continue;
    const points = categoryPenaltyPoints(policy, violation); // throws on a code the pack does not know
    add(policy.codes[violation.code]!.category, violation.id, violation.code, points, decided);
  }

  const { assessed: weeks, pending } = assessDelayedShipment(orders, at, policy);
  const shipmentCode = policy.delayedShipment.code;
  const shipmentCategory = policy.codes[shipmentCode]?.category ?? 'general';
  for (const week of weeks) {
    if (week.points > 0)
      add(shipmentCategory, `week:${week.weekStart}`, shipmentCode, week.points, week.decidedMs);
  }

  counted.sort((a, b) => a.decided - b.decided);
  for (const { category, decided, ...entry } of counted) {
    totals[category].counted.push({ ...entry, decidedAt: formatBeijingIso(decided) });
  }
  for (const category of storeCategories) totals[category].countedTotal = totals[category].counted.length;
  for (const category of storeCategories) {
    const bucket = totals[category];
    bucket.thresholdsReached = policy.categories[category].thresholds
      .filter((t) => bucket.total >= t.points)
      .map((t) => ({ points: t.points, action: { 'zh-CN': t.action['zh-CN'], en: t.action.en } }));
  }

  return {
    policy: policyId,
    at: formatBeijingIso(at),
    year,
    general: totals.general,
    serious: totals.serious,
    delayedShipment: { weeks: weeks.map(({ decidedMs: _decidedMs, ...week }) => week), pending },
    warnings: [],
  };
}
