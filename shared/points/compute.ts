/**
 * Points for any policy pack: dispatches on the pack's points model.
 * `annual` (jdcloud-marketplace-2019) produces formats.md §5 exactly; `categories`
 * (jd-store-2021) reports general and serious points separately.
 */
import { getPolicyPack } from '../policy/packs';
import type { PolicyPack } from '../policy/schema';
import { computeAnnualPoints, type AnnualPointsReport, type ViolationInput } from './annual';
import { computeStorePoints, type OrderInput, type StorePointsReport } from './store';

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
