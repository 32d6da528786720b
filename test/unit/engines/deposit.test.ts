import { describe, expect, it } from 'vitest';
import { computeDeposit, type DepositEntryInput } from '../../../shared/deposit/compute';
import { depositLedgerSchema } from '../../../shared/deposit/schema';
import { validateInput } from '../../../shared/policy/input-file';
import { ms } from './helpers';

let seq = 0;
const entry = (at: string, type: DepositEntryInput['type'], amount: number): DepositEntryInput => ({
  id: `e${++seq}`,
  at: ms(at),
  type,
  amount,
});
const paid = entry('2025-01-02T10:00:00+08:00', 'payment', 10000);

describe('deposit (formats.md §4, 第九条(六))', () => {
  it('is ok while the balance covers the requirement', () => {
    const r = computeDeposit({ required: 10000, entries: [paid] }, ms('2025-06-01T00:00:00+08:00'));
    expect(r).toMatchObject({
      balance: 10000,
      required: 10000,
      shortfall: 0,
      status: 'ok',
      deficientSince: null,
      topUpDueDate: null,
    });
  });

  it.each([
    // shortfall day → due date (end of 3rd workday after, the day itself not counted)
    ['2025-09-30T10:00:00+08:00', '2025-10-11'], // before National Day; 10-11 is a make-up Saturday
    ['2025-09-26T23:30:00+08:00', '2025-09-30'], // Friday: 09-28 (make-up Sunday), 09-29, 09-30
    ['2026-01-09T15:00:00+08:00', '2026-01-14'], // Friday → Mon, Tue, Wed
    ['2025-12-31T16:00:00Z', '2026-01-06'], // 00:00 on 1 Jan Beijing: 01-04 (make-up), 01-05, 01-06
  ])('shortfall at %s is due by the end of %s', (at, due) => {
    const r = computeDeposit({ required: 10000, entries: [paid, entry(at, 'deduction', 3000)] }, ms(at));
    expect(r.topUpDueDate).toBe(due);
    expect(r.status).toBe('deficient');
    expect(r.shortfall).toBe(3000);
  });

  it('becomes overdue at 00:00 Beijing on the day after the due date', () => {
    const entries = [paid, entry('2025-09-30T10:00:00+08:00', 'deduction', 3000.5)];
    const at = (iso: string) => computeDeposit({ required: 10000, entries }, ms(iso));
    expect(at('2025-10-11T23:59:59+08:00').status).toBe('deficient');
    expect(at('2025-10-11T16:00:00Z').status).toBe('overdue');
    expect(at('2025-10-12T00:00:00+08:00')).toMatchObject({
      status: 'overdue',
      balance: 6999.5,
      shortfall: 3000.5,
      deficientSince: '2025-09-30T10:00:00+08:00',
    });
  });

  it('keeps the episode start while still short, and starts a new one after recovery', () => {
    const entries = [
      paid,
      entry('2026-01-05T10:00:00+08:00', 'deduction', 3000),
      entry('2026-01-06T10:00:00+08:00', 'top-up', 1000), // still short: start and due date stay
      entry('2026-01-06T11:00:00+08:00', 'deduction', 500),
    ];
    const still = computeDeposit({ required: 10000, entries }, ms('2026-01-07T00:00:00+08:00'));
    expect(still).toMatchObject({
      deficientSince: '2026-01-05T10:00:00+08:00',
      topUpDueDate: '2026-01-08',
      shortfall: 2500,
    });
    const recovered = [
      ...entries,
      entry('2026-01-07T10:00:00+08:00', 'top-up', 2500),
      entry('2026-01-20T10:00:00+08:00', 'withdrawal', 0.01),
    ];
    const again = computeDeposit({ required: 10000, entries: recovered }, ms('2026-01-20T12:00:00+08:00'));
    expect(again).toMatchObject({
      deficientSince: '2026-01-20T10:00:00+08:00',
      topUpDueDate: '2026-01-23',
      shortfall: 0.01,
    });
  });

  it('a raised requirement can start a shortfall; entries after --at are ignored; computes in fen', () => {
    const entries = [
      entry('2025-01-02T10:00:00+08:00', 'payment', 10000.1),
      entry('2025-01-02T10:00:00+08:00', 'top-up', 0.2),
      entry('2025-03-03T09:00:00+08:00', 'requirement', 20000),
      entry('2025-03-10T09:00:00+08:00', 'top-up', 10000),
    ];
    const r = computeDeposit({ required: 10000, entries }, ms('2025-03-05T00:00:00+08:00'));
    expect(r).toMatchObject({
      balance: 10000.3,
      required: 20000,
      shortfall: 9999.7,
      status: 'deficient',
      topUpDueDate: '2025-03-06',
    });
    expect(r.history.map((h) => h.balance)).toEqual([10000.1, 10000.3, 10000.3]);
  });

  it('may go negative', () => {
    const r = computeDeposit(
      { required: 10000, entries: [paid, entry('2025-02-03T10:00:00+08:00', 'deduction', 12000)] },
      ms('2025-02-03T11:00:00+08:00'),
    );
    expect(r).toMatchObject({ balance: -2000, shortfall: 12000 });
  });

  describe('deductions within 12 months: (at − 12 months, at]', () => {
    const deductions = [
      entry('2025-03-15T10:00:00+08:00', 'deduction', 100),
      entry('2025-06-01T10:00:00+08:00', 'deduction', 100),
      entry('2025-09-01T10:00:00+08:00', 'deduction', 100),
    ];
    const ledger = { required: 10000, entries: [paid, ...deductions] };
    it.each([
      ['2026-03-15T09:59:59+08:00', 3, true], // first deduction still inside
      ['2026-03-15T10:00:00+08:00', 2, false], // exactly 12 months: excluded
      ['2026-03-15T02:00:00Z', 2, false], // same instant in UTC
      ['2025-09-01T10:00:00+08:00', 3, true], // a deduction exactly at --at counts
      ['2025-09-01T09:59:59+08:00', 2, false],
    ])('at %s: %i deductions, risk %s', (at, count, risk) => {
      const r = computeDeposit(ledger, ms(at));
      expect(r.deductionsLast12Months).toBe(count);
      expect(r.extraDepositRisk).toBe(risk);
      expect(r.extraDepositYuan).toBe(risk ? 10000 : 0);
    });
  });

  it('clamps the window start in leap years (29 February)', () => {
    const leap = { required: 10000, entries: [paid, entry('2024-02-29T12:00:00+08:00', 'deduction', 1)] };
    // 2025-02-28 12:00 − 12 months = 2024-02-28 12:00, so 29 Feb 2024 is inside the window …
    expect(computeDeposit(leap, ms('2025-02-28T12:00:00+08:00')).deductionsLast12Months).toBe(1);
    // … and a year after it, on 1 March 2025 12:00, the window starts 2024-03-01 12:00.
    expect(computeDeposit(leap, ms('2025-03-01T12:00:00+08:00')).deductionsLast12Months).toBe(0);
  });

  it('warns when the due date is computed in a year without published holidays', () => {
    const r = computeDeposit(
      { required: 10000, entries: [paid, entry('2027-02-01T10:00:00+08:00', 'deduction', 1)] },
      ms('2027-02-01T11:00:00+08:00'),
    );
    expect(r.warnings).toEqual([expect.stringContaining('2027')]);
  });

  it('validates the ledger with field paths', () => {
    const result = validateInput(depositLedgerSchema, {
      required: 10000,
      entries: [
        { id: 'a', at: '2025-01-02T10:00:00+08:00', type: 'refund', amount: 1 },
        { id: 'b', at: '2025-01-02T10:00:00+08:00', type: 'payment', amount: 1.234 },
        { id: 'c', at: '2025-01-02', type: 'payment', amount: 1 },
      ],
    });
    expect(result.ok ? [] : result.problems.map((p) => p.path)).toEqual([
      'entries[0].type',
      'entries[1].amount',
      'entries[2].at',
    ]);
  });
});
