import { describe, expect, it } from 'vitest';
import { getPolicyPack } from '../../../shared/policy/packs';
import { validateInput } from '../../../shared/policy/input-file';
import type { AnnualPointsReport, ViolationInput } from '../../../shared/points/annual';
import { computePoints, penaltyOf } from '../../../shared/points/compute';
import { violationsFileSchema } from '../../../shared/points/schema';
import { whatIf } from '../../../shared/points/what-if';
import { ms } from './helpers';

let seq = 0;
const v = (code: string, decidedAt: string | null, extra: Partial<ViolationInput> = {}): ViolationInput => ({
  id: `v${++seq}`,
  code,
  occurredAt: ms('2025-06-01T10:00:00+08:00'),
  decidedAt: decidedAt === null ? null : ms(decidedAt),
  ...extra,
});
const points = (violations: ViolationInput[], at: string) =>
  computePoints({ violations }, ms(at)) as AnnualPointsReport;

describe('points (formats.md §5, 第二十条, 第二十一条, 附件一)', () => {
  describe('the year boundary: 24:00 on 31 December, Beijing', () => {
    const lateDecember = v('brand-misuse', '2025-12-31T23:59:00+08:00'); // 12 points
    const newYear = v('fraud', '2026-01-01T00:01:00+08:00'); // 12 points
    const lateDecemberUtc = v('brand-misuse', '2025-12-31T15:59:00Z');
    const newYearUtc = v('fraud', '2025-12-31T16:01:00Z');
    it.each([
      ['2025-12-31T23:59:00+08:00', [lateDecember, newYear], 2025, 12],
      ['2025-12-31T23:59:59+08:00', [lateDecember, newYear], 2025, 12],
      ['2026-01-01T00:00:00+08:00', [lateDecember, newYear], 2026, 0],
      ['2026-01-01T00:01:00+08:00', [lateDecember, newYear], 2026, 12],
      ['2025-12-31T16:01:00Z', [lateDecember, newYear], 2026, 12],
      ['2025-12-31T23:59:30+08:00', [lateDecemberUtc, newYearUtc], 2025, 12],
      ['2026-06-01T00:00:00+08:00', [lateDecemberUtc, newYearUtc], 2026, 12],
    ])('at %s', (at, violations, year, total) => {
      const r = points(violations, at);
      expect(r.year).toBe(year);
      expect(r.total).toBe(total);
      expect(r.remaining).toBe(24 - total);
    });
  });

  it('counts a complaint handled across the year end in the year it is decided', () => {
    const crossYear = v('complaint-response-late', '2026-01-03T10:00:00+08:00', {
      occurredAt: ms('2025-12-30T10:00:00+08:00'),
    });
    expect(points([crossYear], '2025-12-31T12:00:00+08:00').total).toBe(0);
    expect(points([crossYear], '2026-01-03T10:00:00+08:00').total).toBe(3);
  });

  it('ignores undecided violations and those decided after --at', () => {
    const r = points(
      [v('fraud', null), v('fraud', '2025-05-02T10:00:01+08:00')],
      '2025-05-02T10:00:00+08:00',
    );
    expect(r).toMatchObject({
      total: 0,
      remaining: 24,
      expelled: false,
      activeFreezes: [],
      depositDeductions: 0,
    });
  });

  it('counts a violation id listed twice once (针对一事仅作一次处理), the last record winning, and warns naming it', () => {
    const first = v('brand-misuse', '2026-03-01T10:00:00+08:00', { id: 'same' }); // 12 points
    const again = v('fraud', '2026-03-02T10:00:00+08:00', { id: 'same' }); // also 12, the later record
    const other = v('complaint-response-late', '2026-03-03T10:00:00+08:00', { id: 7 }); // 3
    const asText = v('complaint-response-late', '2026-03-04T10:00:00+08:00', { id: '7' }); // the same id as text
    const r = points([first, again, other, asText], '2026-06-01T00:00:00+08:00');
    expect(r.total).toBe(15);
    expect(r.counted.map((c) => [c.violationId, c.code])).toEqual([
      ['same', 'fraud'],
      ['7', 'complaint-response-late'],
    ]);
    expect(r.warnings[0]).toContain('same');
    expect(r.warnings[0]).toContain('7');
    expect(points([first, other], '2026-06-01T00:00:00+08:00').warnings).toEqual([]);
  });

  it('expels at exactly 24 points, not at 23', () => {
    const twentyThree = [
      v('fraud', '2025-03-01T10:00:00+08:00'),
      v('broken-promise', '2025-04-01T10:00:00+08:00'),
      v('premature-acceptance', '2025-05-01T10:00:00+08:00', { points: 5 }),
    ];
    expect(points(twentyThree, '2025-06-01T00:00:00+08:00')).toMatchObject({
      total: 23,
      remaining: 1,
      expelled: false,
    });
    const twentyFour = [
      ...twentyThree,
      v('complaint-response-late', '2025-05-02T10:00:00+08:00', { points: 1 }),
    ];
    expect(points(twentyFour, '2025-06-01T00:00:00+08:00')).toMatchObject({
      total: 24,
      remaining: 0,
      expelled: true,
      expelledBecause: { reason: 'points', total: 24 },
    });
    const more = [...twentyFour, v('fake-transactions', '2025-05-03T10:00:00+08:00')];
    expect(points(more, '2025-06-01T00:00:00+08:00')).toMatchObject({ total: 27, remaining: 0 });
  });

  it('an expel violation means 清退 and forfeits the whole deposit (not summed)', () => {
    const r = points(
      [v('offline-trade', '2025-03-01T10:00:00+08:00'), v('fraud', '2025-03-02T10:00:00+08:00')],
      '2025-03-05T00:00:00+08:00',
    );
    expect(r).toMatchObject({ total: 36, expelled: true, depositForfeited: true, depositDeductions: 5000 });
    expect(r.expelledBecause).toMatchObject({ reason: 'violation', code: 'offline-trade' });
    expect(r.activeFreezes.map((f) => f.violationId)).toEqual([expect.any(String)]);
  });

  it('scopes `expelled` to the year of --at, and reports an expulsion in an earlier year separately', () => {
    const lastYear = [v('fraud', '2025-03-01T10:00:00+08:00'), v('fraud', '2025-04-01T10:00:00+08:00')];
    expect(points(lastYear, '2025-12-31T23:59:59+08:00')).toMatchObject({
      total: 24,
      expelled: true,
      expelledInEarlierYear: null,
    });
    expect(points(lastYear, '2026-01-01T00:00:00+08:00')).toMatchObject({
      year: 2026,
      total: 0,
      expelled: false,
      expelledInEarlierYear: { year: 2025, reason: 'points' },
    });
    expect(
      points([v('bribery', '2024-05-01T10:00:00+08:00')], '2026-01-01T00:00:00+08:00').expelledInEarlierYear,
    ).toEqual({
      year: 2024,
      reason: 'violation',
    });
  });

  it('sums deductions in yuan for violations counted in the year, with overrides', () => {
    const r = points(
      [
        v('prohibited-goods', '2025-02-01T10:00:00+08:00'), // 3000
        v('fake-withdrawal', '2025-03-01T10:00:00+08:00', { depositDeduction: 1234.56 }),
        v('brand-misuse', '2024-12-31T23:00:00+08:00'), // last year: not counted
      ],
      '2025-06-01T00:00:00+08:00',
    );
    expect(r).toMatchObject({
      total: 18,
      depositDeductions: 4234.56,
      depositForfeited: false,
      expelled: false,
    });
  });

  it('freezes run for freezeDays × 24 h from the decision, active for from ≤ at < until, across the year end', () => {
    const frozen = v('brand-misuse', '2025-12-25T10:00:00+08:00'); // 15 days
    const at = (iso: string) => points([frozen], iso).activeFreezes;
    expect(at('2025-12-25T09:59:59+08:00')).toEqual([]);
    expect(at('2025-12-25T10:00:00+08:00')).toEqual([
      { violationId: frozen.id, from: '2025-12-25T10:00:00+08:00', until: '2026-01-09T10:00:00+08:00' },
    ]);
    expect(at('2026-01-09T09:59:59+08:00')).toHaveLength(1);
    expect(at('2026-01-09T10:00:00+08:00')).toEqual([]);
    expect(
      points([v('abuse-users', '2025-05-01T10:00:00+08:00', { freezeDays: 2 })], '2025-05-03T09:00:00+08:00')
        .activeFreezes[0]!.until,
    ).toBe('2025-05-03T10:00:00+08:00');
  });

  it('gives each counted violation the end of its freeze, active or past; none for 0 days or 清退', () => {
    const past = v('brand-misuse', '2025-03-01T10:00:00+08:00'); // 15 days, over by June
    const overridden = v('abuse-users', '2025-06-01T10:00:00+08:00', { freezeDays: 2 });
    const noFreeze = v('abuse-users', '2025-06-01T11:00:00+08:00', { freezeDays: 0 });
    const expel = v('false-qualification', '2025-06-01T12:00:00+08:00');
    const r = points([past, overridden, noFreeze, expel], '2025-06-02T10:00:00+08:00');
    const until = Object.fromEntries(r.counted.map((c) => [c.violationId, c.freezeUntil]));
    expect(until).toEqual({
      [past.id]: '2025-03-16T10:00:00+08:00',
      [overridden.id]: '2025-06-03T10:00:00+08:00',
      [noFreeze.id]: null,
      [expel.id]: null,
    });
    // The same instant the active freeze reports.
    expect(r.activeFreezes).toEqual([
      { violationId: overridden.id, from: '2025-06-01T10:00:00+08:00', until: '2025-06-03T10:00:00+08:00' },
    ]);
  });

  it("penaltyOf: the code table with the record's overrides, as the engine counts it", () => {
    const annual = getPolicyPack();
    expect(penaltyOf(annual, v('brand-misuse', null))).toEqual({ points: 12, freeze: 15, deduction: 5000 });
    expect(
      penaltyOf(annual, v('brand-misuse', null, { points: 2, freezeDays: 'expel', depositDeduction: 'all' })),
    ).toEqual({ points: 2, freeze: 'expel', deduction: 'all' });
    expect(penaltyOf(annual, v('false-qualification', null))).toEqual({
      points: 24,
      freeze: 'expel',
      deduction: 'all',
    });
    expect(penaltyOf(annual, v('speeding', null))).toBeNull();
    expect(penaltyOf(annual, v('constructor', null))).toBeNull();
    // What the table shows is what the report counts.
    const counted = points(
      [v('brand-misuse', '2025-06-01T10:00:00+08:00', { points: 5 })],
      '2025-06-02T00:00:00+08:00',
    );
    expect(counted.total).toBe(5);
  });

  it('validates codes against the chosen pack, with field paths', () => {
    const schema = violationsFileSchema(getPolicyPack());
    const result = validateInput(schema, {
      violations: [
        { id: 'a', code: 'brand-misuse', occurredAt: '2025-01-01T10:00:00+08:00', decidedAt: null },
        { id: 'b', code: 'speeding', occurredAt: '2025-01-01T10:00:00+08:00', decidedAt: null },
        {
          id: 'c',
          code: 'fraud',
          occurredAt: '2025-01-02T10:00:00+08:00',
          decidedAt: '2025-01-01T10:00:00+08:00',
        },
        {
          id: 'd',
          code: 'fraud',
          occurredAt: '2025-01-02T10:00:00+08:00',
          decidedAt: null,
          depositDeduction: 'some',
        },
      ],
    });
    expect(result.ok ? [] : result.problems.map((p) => p.path)).toEqual([
      'violations[1].code',
      'violations[2].decidedAt',
      'violations[3].depositDeduction',
    ]);
  });
});

describe('what-if', () => {
  const current = [v('fraud', '2025-03-01T10:00:00+08:00'), v('broken-promise', '2025-04-01T10:00:00+08:00')]; // 18
  const at = ms('2025-06-01T10:00:00+08:00');

  it('prices a hypothetical code: points, expulsion, freeze and deposit effect', () => {
    const r = whatIf({ violations: current }, at, { code: 'unfair-competition' });
    expect(r).toMatchObject({
      model: 'annual',
      code: 'unfair-competition',
      before: { total: 18, remaining: 6, expelled: false },
      after: { total: 24, remaining: 0, expelled: true },
      addedPoints: 6,
      wouldExpel: true,
      freeze: { from: '2025-06-01T10:00:00+08:00', until: '2025-06-08T10:00:00+08:00', days: 7 },
      depositDeduction: 0,
    });
  });

  it('maps a late ticket to its code (a late complaint: 3 points)', () => {
    const r = whatIf({ violations: current }, at, { lateTicket: 'complaint' });
    expect(r).toMatchObject({
      code: 'complaint-response-late',
      addedPoints: 3,
      wouldExpel: false,
      freeze: null,
    });
    expect(whatIf({ violations: [] }, at, { lateTicket: 'consultation' })).toMatchObject({
      code: 'service-unavailable',
      addedPoints: 3,
    });
  });

  it('shows an `all` deduction as forfeiting the deposit', () => {
    expect(whatIf({ violations: [] }, at, { code: 'bribery' })).toMatchObject({
      wouldExpel: true,
      depositDeduction: 'all',
      after: { depositForfeited: true },
    });
  });
});
