/**
 * What would a finding cost? Given the current violations and a hypothetical one — a penalty code,
 * or a late ticket mapped to its code by the pack's SLA section — decided at `at`, report the
 * points, expulsion, freeze and deposit effect before and after. Lets a vendor weigh a self-check
 * finding before the marketplace's review catches it.
 */
import { MS_PER_DAY, formatBeijingIso } from '../calendar/beijing';
import { getPolicyPack } from '../policy/packs';
import type { PolicyPack, TicketKind } from '../policy/schema';
import { computeAnnualPoints, resolvePenalty, type ViolationInput } from './annual';
import { computeStorePoints, type OrderInput } from './store';

export type Hypothetical = { code: string } | { lateTicket: TicketKind };

export interface AnnualWhatIf {
  model: 'annual';
  code: string;
  before: {
    total: number;
    remaining: number;
    expelled: boolean;
    depositDeductions: number;
    depositForfeited: boolean;
  };
  after: {
    total: number;
    remaining: number;
    expelled: boolean;
    depositDeductions: number;
    depositForfeited: boolean;
  };
  addedPoints: number;
  /** True when this finding alone would tip the vendor into 清退. */
  wouldExpel: boolean;
  freeze: { from: string; until: string; days: number } | null;
  /** yuan deducted from the deposit by this finding, or `all` */
  depositDeduction: number | 'all';
  text: { 'zh-CN': string; en: string };
}

export interface CategoryWhatIf {
  model: 'categories';
  code: string;
  category: 'general' | 'serious';
  before: number;
  after: number;
  addedPoints: number;
  text: { 'zh-CN': string; en: string };
}

const HYPOTHETICAL_ID = 'what-if';

function codeOf(pack: PolicyPack, hypothetical: Hypothetical): string {
  if ('code' in hypothetical) return hypothetical.code;
  const code = pack.sla?.lateTicketCodes[hypothetical.lateTicket];
  if (!code)
    throw new Error(
      `策略 ${pack.id} 未定义迟复工单的违规代码 / policy ${pack.id} maps no code to a late ${hypothetical.lateTicket}`,
    );
  return code;
}

export function whatIf(
  input: { violations: readonly ViolationInput[]; orders?: readonly OrderInput[] | undefined },
  at: number,
  hypothetical: Hypothetical,
  pack: PolicyPack = getPolicyPack(),
): AnnualWhatIf | CategoryWhatIf {
  const code = codeOf(pack, hypothetical);
  const added: ViolationInput = { id: HYPOTHETICAL_ID, code, occurredAt: at, decidedAt: at };
  const withAdded = [...input.violations, added];
  const points = pack.points;

  if (points.model === 'annual') {
    const entry = points.codes[code];
    if (!entry) throw new Error(`未知违规代码 / unknown code "${code}" for policy ${pack.id}`);
    const summarise = (violations: readonly ViolationInput[]) => {
      const r = computeAnnualPoints(violations, at, points, pack.id);
      return {
        total: r.total,
        remaining: r.remaining,
        expelled: r.expelled,
        depositDeductions: r.depositDeductions,
        depositForfeited: r.depositForfeited,
      };
    };
    const before = summarise(input.violations);
    const after = summarise(withAdded);
    const penalty = resolvePenalty(points, added);
    return {
      model: 'annual',
      code,
      before,
      after,
      addedPoints: after.total - before.total,
      wouldExpel: after.expelled && !before.expelled,
      freeze:
        typeof penalty.freeze === 'number' && penalty.freeze > 0
          ? {
              from: formatBeijingIso(at),
              until: formatBeijingIso(at + penalty.freeze * MS_PER_DAY),
              days: penalty.freeze,
            }
          : null,
      depositDeduction: penalty.deduction,
      text: entry.text,
    };
  }

  const entry = points.codes[code];
  if (!entry) throw new Error(`未知违规代码 / unknown code "${code}" for policy ${pack.id}`);
  const orders = input.orders ?? [];
  const before = computeStorePoints(input.violations, orders, at, points, pack.id)[entry.category].total;
  const after = computeStorePoints(withAdded, orders, at, points, pack.id)[entry.category].total;
  return {
    model: 'categories',
    code,
    category: entry.category,
    before,
    after,
    addedPoints: after - before,
    text: entry.text,
  };
}
