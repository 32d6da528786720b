/**
 * Points for any policy pack: dispatches on the pack's points model.
 * `annual` (jdcloud-marketplace-2019) produces formats.md §5 exactly; `categories`
 * (jd-store-2021) reports general and serious points separately.
 */
import { getPolicyPack } from '../policy/packs';
import type { PolicyPack } from '../policy/schema';
import { computeAnnualPoints, resolvePenalty, type AnnualPointsReport, type ViolationInput } from './annual';
import { categoryPenaltyPoints, computeStorePoints, type OrderInput, type StorePointsReport } from './store';

export interface PointsInput {
  violations: readonly ViolationInput[];
  /** Only used by packs with delayed-shipment rules (jd-store-2021). */
  orders?: readonly OrderInput[] | undefined;
}

export type PointsReport = AnnualPointsReport | StorePointsReport;

export function computePoints(
  input: PointsInput,
  at: number,
  pack: PolicyPack = getPolicyPack(),
): PointsReport {
  const points = pack.points;
  const { violations, repeated } = oneRecordPerId(input.violations);
  const report = computeByModel({ ...input, violations }, at, pack, points);
  if (repeated.length > 0) report.warnings.unshift(repeatedIdWarning(repeated));
  return report;
}

/**
 * 针对一事仅作一次处理: a violation id listed more than once is one matter. The last record of an id
 * wins, as re-importing the same id in the app updates the stored record.
 */
export function oneRecordPerId<T extends { id: string | number }>(
  records: readonly T[],
): { violations: T[]; repeated: string[] } {
  const byId = new Map<string, T>();
  const repeated = new Set<string>();
  for (const record of records) {
    const key = String(record.id);
    if (byId.has(key)) {
      repeated.add(key);
      byId.delete(key); // keep the later record in the later position
    }
    byId.set(key, record);
  }
  return { violations: repeated.size === 0 ? [...records] : [...byId.values()], repeated: [...repeated] };
}

export function repeatedIdWarning(ids: readonly string[]): string {
  const shown = ids.slice(0, 10).join(', ') + (ids.length > 10 ? ` …(+${ids.length - 10})` : '');
  return (
    `违规记录 id 重复，同一事项只计一次（以最后一条为准）：${shown} / ` +
    `violation ids listed more than once count once (the last record wins): ${shown}`
  );
}

function computeByModel(
  input: PointsInput,
  at: number,
  pack: PolicyPack,
  points: PolicyPack['points'],
): PointsReport {
  if (points.model === 'annual') {
    const report = computeAnnualPoints(input.violations, at, points, pack.id);
    if (input.orders && input.orders.length > 0) {
      report.warnings.push(
        `策略 ${pack.id} 没有发货规则，orders 已忽略 / policy ${pack.id} has no shipping rules; "orders" were ignored`,
      );
    }
    return report;
  }
  return computeStorePoints(input.violations, input.orders ?? [], at, points, pack.id);
}

export function isAnnualReport(report: PointsReport): report is AnnualPointsReport {
  return 'total' in report;
}

/**
 * The penalty a violation carries under its pack, as the engine counts it: the code table with
 * the record's own overrides. The `categories` model counts points only (no freeze, no deposit
 * deduction), so those are null there. Null when the pack has no such code.
 */
export interface ViolationPenalty {
  points: number;
  freeze: number | 'expel' | null;
  deduction: number | 'all' | null;
}

export function penaltyOf(pack: PolicyPack, violation: ViolationInput): ViolationPenalty | null {
  const points = pack.points;
  if (!Object.hasOwn(points.codes, violation.code)) return null;
  if (points.model === 'annual') return resolvePenalty(points, violation);
  return { points: categoryPenaltyPoints(points, violation), freeze: null, deduction: null };
}
