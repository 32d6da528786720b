/**
 * What a listing's findings risk if it is submitted as it is, and their counts. Shared by main
 * (stored check history) and the renderer (the live editor), so both add penalties up the same way.
 */
import { DEFAULT_POLICY_ID, getPolicyPack } from '../policy/packs';
import { ruleIds, type Finding, type Penalty, type RuleId } from './types';

export interface Exposure {
  points: number;
  freezeDays: number;
  /** Deposit deduction in yuan (the rows with a fixed amount). */
  depositYuan: number;
  /** A row says 清退, or the points reach the expulsion threshold (第二十条 4). */
  expel: boolean;
  /** A row deducts the whole deposit. */
  depositAll: boolean;
  /** The penalty codes (附件一 rows) counted, each once. */
  rows: string[];
}

export interface CheckCounts {
  blockers: number;
  warnings: number;
  infos: number;
}

/**
 * 第二十条 4 / 第二十四条 4: the yearly points that mean expulsion — read from the marketplace
 * policy pack (resources/policies), where the points engine takes it too.
 */
export const EXPULSION_POINTS = annualExpelAt();

function annualExpelAt(): number {
  const points = getPolicyPack(DEFAULT_POLICY_ID).points;
  if (points.model !== 'annual') throw new Error(`${DEFAULT_POLICY_ID}: expected the annual points model`);
  return points.expelAt;
}

/**
 * Adds up the penalties of the blocker and warning findings. Each 附件一 row counts once per
 * listing ("针对一事仅作一次处理": ten superlatives are one violation of one row), rows add up
 * (points, freeze days and deposit are separate measures), and `expel`/`all` stay as such.
 */
export function exposureOf(
  findings: readonly Pick<Finding, 'severity' | 'penalty' | 'penaltyCode' | 'ruleId'>[],
): Exposure {
  const rows = new Map<string, Penalty>();
  for (const f of findings) {
    if (f.severity === 'info' || !f.penalty) continue;
    const key = f.penaltyCode ?? f.ruleId;
    if (!rows.has(key)) rows.set(key, f.penalty);
  }
  let points = 0;
  let freezeDays = 0;
  let depositYuan = 0;
  let expel = false;
  let depositAll = false;
  for (const p of rows.values()) {
    points += p.points;
    if (p.freezeDays === 'expel') expel = true;
    else freezeDays += p.freezeDays;
    if (p.depositDeduction === 'all') depositAll = true;
    else depositYuan += p.depositDeduction;
  }
  if (points >= EXPULSION_POINTS) expel = true;
  return { points, freezeDays, depositYuan, expel, depositAll, rows: [...rows.keys()].sort() };
}

export function countsOf(findings: readonly Pick<Finding, 'severity'>[]): CheckCounts {
  const counts = { blockers: 0, warnings: 0, infos: 0 };
  for (const f of findings) {
    if (f.severity === 'blocker') counts.blockers++;
    else if (f.severity === 'warning') counts.warnings++;
    else counts.infos++;
  }
  return counts;
}

/** Rule ids ↔ the bit set of the list summary (bit i = ruleIds[i]). */
export function maskOfRules(rules: readonly RuleId[]): number {
  return rules.reduce((mask, r) => mask | (1 << ruleIds.indexOf(r)), 0);
}

export function rulesOfMask(mask: number): RuleId[] {
  return ruleIds.filter((_, i) => (mask & (1 << i)) !== 0);
}
