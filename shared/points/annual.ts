/**
 * formats.md §5 for packs with the `annual` points model (jdcloud-marketplace-2019, 第二十条,
 * 第二十一条, 附件一): points count in the Beijing calendar year of `decidedAt` and reset at 24:00
 * on 31 December; reaching `expelAt` in one year, or any `expel` violation, means 清退.
 */
import {
  MS_PER_DAY,
  beijingDayStart,
  beijingYear,
  firstDayOfYear,
  formatBeijingIso,
} from '../calendar/beijing';
import type { AnnualPointsPolicy } from '../policy/schema';

/** What the engine needs of a violation; times are epoch milliseconds (see points/schema.ts). */
export interface ViolationInput {
  id: string | number;
  code: string;
  occurredAt: number;
  decidedAt: number | null;
  points?: number | undefined;
  freezeDays?: number | 'expel' | undefined;
  depositDeduction?: number | 'all' | undefined;
}

export interface ResolvedPenalty {
  points: number;
  freeze: number | 'expel';
  /** yuan, or `all` */
  deduction: number | 'all';
}

export interface ActiveFreeze {
  violationId: string | number;
  from: string;
  until: string;
}

export interface CountedViolation extends ResolvedPenalty {
  violationId: string | number;
  code: string;
  decidedAt: string;
  /** When its freeze ends (decidedAt + freeze × 24 h), active or not; null with no freeze or 清退. */
  freezeUntil: string | null;
}

export interface AnnualPointsReport {
  policy: string;
  at: string;
  year: number;
  total: number;
  remaining: number;
  expelled: boolean;
  /** Why, when expelled: the points line, or the violation whose penalty is 清退. */
  expelledBecause:
    | { reason: 'points'; total: number }
    | { reason: 'violation'; violationId: string | number; code: string }
    | null;
  activeFreezes: ActiveFreeze[];
  /**
   * §5 scopes `expelled` to the year of `at`; 清退 in an earlier year (24 points then, or an
   * `expel` violation) is permanent (第二十五条) and reported here: the first such year and why.
   */
  expelledInEarlierYear: { year: number; reason: 'points' | 'violation' } | null;
  depositDeductions: number;
  depositForfeited: boolean;
  /** The violations that make up `total`, in decision order. */
  counted: CountedViolation[];
  /** How many there are: the app's snapshot carries only the latest of `counted` (SNAPSHOT_COUNTED). */
  countedTotal: number;
  warnings: string[];
}

/** The table's penalty for a code, with the violation's own overrides applied. */
export function resolvePenalty(policy: AnnualPointsPolicy, violation: ViolationInput): ResolvedPenalty {
  const table = policy.codes[violation.code];
  if (!table) throw new Error(`unknown violation code "${violation.code}"`);
  return {
    points: violation.points ?? table.points,
    freeze: violation.freezeDays ?? table.freeze,
    deduction: violation.depositDeduction ?? table.deduction,
  };
}

/** A freeze runs from the decision for `freeze` × 24 h (第二十一条); none for 0 days or 清退. */
function freezeEndMs(decidedAt: number, freeze: ResolvedPenalty['freeze']): number | null {
  return freeze !== 'expel' && freeze > 0 ? decidedAt + freeze * MS_PER_DAY : null;
}

const freezeEnd = (decidedAt: number, freeze: ResolvedPenalty['freeze']): string | null => {
  const until = freezeEndMs(decidedAt, freeze);
  return until === null ? null : formatBeijingIso(until);
};

export function computeAnnualPoints(
  violations: readonly ViolationInput[],
  at: number,
  policy: AnnualPointsPolicy,
  policyId: string,
): AnnualPointsReport {
  const year = beijingYear(at);
  // The counting year as an instant range [00:00 on 1 January, 24:00 on 31 December) Beijing.
  const yearStart = beijingDayStart(firstDayOfYear(year));
  const yearEnd = beijingDayStart(firstDayOfYear(year + 1));
  let total = 0;
  let deductionFen = 0;
  let forfeited = false;
  let expelIndex = -1;
  // Indices first, objects last: 100,000 violations should not mean 100,000 temporary objects.
  const countedIndices: number[] = [];
  const freezeIndices: number[] = [];
  const freezeUntil = new Float64Array(violations.length);
  const earlierTotals = new Map<number, number>();
  const earlierExpelYears = new Set<number>();

  for (let index = 0; index < violations.length; index++) {
    const violation = violations[index]!;
    const decided = violation.decidedAt;
    // Undecided, or decided after `at`: counts nothing yet.
    if (decided === null || decided > at) continue;
    const penalty = resolvePenalty(policy, violation);
    const freeze = penalty.freeze;
    // Freezes run by the clock, across the year end.
    const until = freezeEndMs(decided, freeze);
    if (until !== null && at < until) {
      freezeIndices.push(index);
      freezeUntil[index] = until;
    }
    if (decided < yearStart) {
      // Earlier years do not count now, but an expulsion then is not undone by the reset.
      const earlierYear = beijingYear(decided);
      earlierTotals.set(earlierYear, (earlierTotals.get(earlierYear) ?? 0) + penalty.points);
      if (freeze === 'expel') earlierExpelYears.add(earlierYear);
      continue;
    }
    if (decided >= yearEnd) continue;
    total += penalty.points;
    if (penalty.deduction === 'all') forfeited = true;
    else deductionFen += Math.round(penalty.deduction * 100);
    if (freeze === 'expel' && expelIndex < 0) expelIndex = index;
    countedIndices.push(index);
  }

  const decidedAt = (i: number) => violations[i]!.decidedAt!;
  const byDecision = (a: number, b: number) => decidedAt(a) - decidedAt(b) || a - b;
  countedIndices.sort(byDecision);
  freezeIndices.sort(byDecision);

  const expelledByPoints = total >= policy.expelAt;
  let earlierExpulsion: { year: number; reason: 'points' | 'violation' } | null = null;
  for (const [earlierYear, earlierTotal] of [...earlierTotals].sort(([a], [b]) => a - b)) {
    if (earlierExpelYears.has(earlierYear)) earlierExpulsion ??= { year: earlierYear, reason: 'violation' };
    else if (earlierTotal >= policy.expelAt) earlierExpulsion ??= { year: earlierYear, reason: 'points' };
  }
  const expelViolation = expelIndex >= 0 ? violations[expelIndex]! : undefined;
  return {
    policy: policyId,
    at: formatBeijingIso(at),
    year,
    total,
    remaining: Math.max(0, policy.expelAt - total),
    expelled: expelledByPoints || expelViolation !== undefined,
    expelledBecause: expelViolation
      ? { reason: 'violation', violationId: expelViolation.id, code: expelViolation.code }
      : expelledByPoints
        ? { reason: 'points', total }
        : null,
    activeFreezes: freezeIndices.map((i) => ({
      violationId: violations[i]!.id,
      from: formatBeijingIso(decidedAt(i)),
      until: formatBeijingIso(freezeUntil[i]!),
    })),
    depositDeductions: deductionFen / 100,
    depositForfeited: forfeited,
    expelledInEarlierYear: earlierExpulsion,
    counted: countedIndices.map((i) => {
      const penalty = resolvePenalty(policy, violations[i]!);
      return {
        violationId: violations[i]!.id,
        code: violations[i]!.code,
        decidedAt: formatBeijingIso(decidedAt(i)),
        ...penalty,
        freezeUntil: freezeEnd(decidedAt(i), penalty.freeze),
      };
    }),
    countedTotal: countedIndices.length,
    warnings: [],
  };
}
