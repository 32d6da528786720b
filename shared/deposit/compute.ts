/**
 * formats.md §4 (第九条(六)): deposit balance, shortfall episode, top-up due date, deductions in
 * the last 12 months and the extra-deposit risk; plus the balance history for charts.
 *
 * Money is computed in integer fen (yuan × 100) and reported in yuan.
 */
import {
  beijingDayIndex,
  beijingDayStart,
  dateStringOfDay,
  formatBeijingIso,
  subtractBeijingMonths,
} from '../calendar/beijing';
import { policyCalendar, type CalendarInputs } from '../policy/calendar';
import { getPolicyPack } from '../policy/packs';
import type { PolicyPack } from '../policy/schema';
import type { DepositEntryType } from './schema';

export interface DepositEntryInput {
  id: string | number;
  /** epoch ms */
  at: number;
  type: DepositEntryType;
  /** yuan */
  amount: number;
  reason?: string | null | undefined;
}

export interface DepositLedgerInput {
  /** yuan required before any `requirement` entry */
  required: number;
  entries: readonly DepositEntryInput[];
}

export type DepositStatus = 'ok' | 'deficient' | 'overdue';

export interface DepositHistoryPoint {
  id: string | number;
  at: string;
  type: DepositEntryType;
  amount: number;
  balance: number;
  required: number;
  shortfall: number;
}

export interface DepositReport {
  policy: string;
  at: string;
  balance: number;
  required: number;
  shortfall: number;
  status: DepositStatus;
  deficientSince: string | null;
  topUpDueDate: string | null;
  deductionsLast12Months: number;
  extraDepositRisk: boolean;
  /** Yuan the marketplace may add to next year's requirement when extraDepositRisk. */
  extraDepositYuan: number;
  /** Start of the deduction window (exclusive), ISO +08:00. */
  deductionWindowStart: string;
  /** Balance and requirement after each entry up to `at`, in time order. */
  history: DepositHistoryPoint[];
  /**
   * False when the top-up due date was counted over a day of a year with no official calendar
   * loaded (formats.md §8); true when there is no due date.
   */
  calendarConfirmed: boolean;
  warnings: string[];
}

export type DepositOptions = CalendarInputs;

const toFen = (yuan: number): number => Math.round(yuan * 100);
const toYuan = (fen: number): number => fen / 100;

/** How each entry type moves the balance (fen) or the requirement. */
const effects: Record<DepositEntryType, (state: { balance: number; required: number }, fen: number) => void> =
  {
    payment: (s, fen) => void (s.balance += fen),
    'top-up': (s, fen) => void (s.balance += fen),
    deduction: (s, fen) => void (s.balance -= fen),
    withdrawal: (s, fen) => void (s.balance -= fen),
    requirement: (s, fen) => void (s.required = fen),
  };

export function computeDeposit(
  ledger: DepositLedgerInput,
  at: number,
  pack: PolicyPack = getPolicyPack(),
  options: DepositOptions = {},
): DepositReport {
  const rules = pack.deposit;
  if (!rules || !pack.calendar)
    throw new Error(`策略 ${pack.id} 没有保证金规则 / policy ${pack.id} has no deposit rules`);
  const calendar = policyCalendar(pack, options);

  // Time order; entries at the same instant keep file order. Entries after `at` are ignored.
  const entries = ledger.entries
    .map((entry, index) => ({ entry, index }))
    .filter(({ entry }) => entry.at <= at)
    .sort((a, b) => a.entry.at - b.entry.at || a.index - b.index)
    .map(({ entry }) => entry);

  const windowStart = subtractBeijingMonths(at, rules.deductionWindowMonths);
  const state = { balance: 0, required: toFen(ledger.required) };
  let shortSince: number | null = null;
  let deductionsInWindow = 0;
  const history: DepositHistoryPoint[] = [];

  for (const entry of entries) {
    effects[entry.type](state, toFen(entry.amount));
    if (entry.type === 'deduction' && entry.at > windowStart) deductionsInWindow++;
    // An episode starts with the entry that leaves the balance short and ends when it is back.
    if (state.balance < state.required) shortSince ??= entry.at;
    else shortSince = null;
    history.push({
      id: entry.id,
      at: formatBeijingIso(entry.at),
      type: entry.type,
      amount: entry.amount,
      balance: toYuan(state.balance),
      required: toYuan(state.required),
      shortfall: toYuan(Math.max(0, state.required - state.balance)),
    });
  }

  let status: DepositStatus = state.balance < state.required ? 'deficient' : 'ok';
  let topUpDueDate: string | null = null;
  let calendarConfirmed = true;
  const warnings: string[] = [];
  if (shortSince !== null) {
    const dueDay = calendar.nthWorkdayAfterIndex(beijingDayIndex(shortSince), rules.topUpWorkdays);
    topUpDueDate = dateStringOfDay(dueDay);
    // Overdue from 00:00 Beijing on the day after the (inclusive) due date.
    if (at >= beijingDayStart(dueDay + 1)) status = 'overdue';
    warnings.push(...calendar.dataWarnings(shortSince, beijingDayStart(dueDay)));
    calendarConfirmed = calendar.confirmedBetween(shortSince, beijingDayStart(dueDay));
  }

  const extraDepositRisk = deductionsInWindow > rules.maxDeductionsInWindow;
  return {
    policy: pack.id,
    at: formatBeijingIso(at),
    balance: toYuan(state.balance),
    required: toYuan(state.required),
    shortfall: toYuan(Math.max(0, state.required - state.balance)),
    status,
    deficientSince: shortSince === null ? null : formatBeijingIso(shortSince),
    topUpDueDate,
    deductionsLast12Months: deductionsInWindow,
    extraDepositRisk,
    extraDepositYuan: extraDepositRisk ? rules.extraDepositYuan : 0,
    deductionWindowStart: formatBeijingIso(windowStart),
    history,
    calendarConfirmed,
    warnings,
  };
}
