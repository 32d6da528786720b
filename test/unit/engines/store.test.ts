import { describe, expect, it } from 'vitest';
import { getPolicyPack } from '../../../shared/policy/packs';
import type { ViolationInput } from '../../../shared/points/annual';
import { computePoints, penaltyOf } from '../../../shared/points/compute';
import type { OrderInput, StorePointsReport } from '../../../shared/points/store';
import { whatIf } from '../../../shared/points/what-if';
import { ms } from './helpers';

const pack = getPolicyPack('jd-store-2021');
const HOUR = 3_600_000;
let seq = 0;
const v = (code: string, decidedAt: string): ViolationInput => ({
  id: `v${++seq}`,
  code,
  occurredAt: ms(decidedAt) - HOUR,
  decidedAt: ms(decidedAt),
});
const store = (violations: ViolationInput[], orders: OrderInput[], at: string) =>
  computePoints({ violations, orders }, ms(at), pack) as StorePointsReport;

/** n orders paid in the week of Monday 2026-01-05; `late` of them picked up after 48 h. */
function week(n: number, lateCount: number, waybillLate = 0): OrderInput[] {
  return Array.from({ length: n }, (_, i) => {
    const paidAt = ms('2026-01-05T10:00:00+08:00') + i * 60_000;
    return {
      id: `o${i}`,
      paidAt,
      waybillUploadedAt: paidAt + (i < waybillLate ? 25 : 2) * HOUR,
      pickedUpAt: i >= n - lateCount ? paidAt + 49 * HOUR : paidAt + 20 * HOUR,
    };
  });
}

describe('jd-store-2021: general and serious counted separately', () => {
  it('improper profit: 100 / 50 / 25 points, serious, not reset at the year end', () => {
    const r = store(
      [
        v('improper-profit-gift', '2025-06-01T10:00:00+08:00'),
        v('improper-profit-undeclared-relation', '2025-07-01T10:00:00+08:00'),
        v('improper-profit-attempt', '2026-01-02T10:00:00+08:00'),
      ],
      [],
      '2026-02-01T00:00:00+08:00',
    );
    expect(r.serious.total).toBe(175);
    expect(r.general.total).toBe(0);
  });

  it('general points reset at 24:00 on 31 December', () => {
    const late = v('delayed-shipment', '2025-12-31T23:59:00+08:00');
    expect(store([late], [], '2025-12-31T23:59:59+08:00').general.total).toBe(1);
    expect(store([late], [], '2026-01-01T00:00:00+08:00').general.total).toBe(0);
  });
});

describe('jd-store-2021: delayed shipment from order times', () => {
  // The week of 2026-01-05 is assessed once its last 48-hour window has closed: Mon 01-12 00:00 + 48 h.
  const assessedAt = '2026-01-14T00:00:00+08:00';

  it.each([
    ['rate 100 %, no late order', 100, 0, 0, 0],
    ['rate ≥ 95 %: 1 point per late order', 100, 3, 0, 3],
    ['exactly 95 %: still 1 per late order, capped at 7', 200, 10, 0, 7],
    ['rate < 95 %: 7 points', 100, 6, 0, 7],
    ['waybill late but picked up in time: late order, rate unaffected', 100, 0, 2, 2],
  ])('%s', (_name, n, late, waybillLate, expected) => {
    const r = store([], week(n, late, waybillLate), assessedAt);
    expect(r.delayedShipment.weeks).toHaveLength(1);
    expect(r.delayedShipment.weeks[0]!.points).toBe(expected);
    expect(r.general.total).toBe(expected);
    expect(r.serious.total).toBe(0);
  });

  it('does not assess a week before every order’s 48-hour window has closed, and lists it as pending', () => {
    const r = store([], week(10, 5), '2026-01-13T23:59:59+08:00');
    expect(r.delayedShipment.weeks).toEqual([]);
    expect(r.general.total).toBe(0);
    // Every order's 48 h window has closed by then (paid Mon 10:00+), so all 5 late ones show.
    expect(r.delayedShipment.pending).toEqual([
      {
        weekStart: '2026-01-05',
        orders: 10,
        lateSoFar: ['o5', 'o6', 'o7', 'o8', 'o9'],
        assessableAt: '2026-01-14T00:00:00+08:00',
      },
    ]);
    expect(store([], week(10, 5), assessedAt).delayedShipment.pending).toEqual([]);
  });

  it('a pending week counts only orders whose window has already closed as late so far', () => {
    const paidAt = ms('2026-01-11T20:00:00+08:00'); // Sunday evening: window closes Tue 20:00
    const orders: OrderInput[] = [
      { id: 'open', paidAt, waybillUploadedAt: null, pickedUpAt: null },
      { id: 'early', paidAt: ms('2026-01-05T09:00:00+08:00'), waybillUploadedAt: null, pickedUpAt: null },
    ];
    const r = store([], orders, '2026-01-12T12:00:00+08:00');
    expect(r.delayedShipment.pending[0]).toMatchObject({ orders: 2, lateSoFar: ['early'] });
  });

  it('a violation id listed twice is one matter: serious 25, not 50, with a warning naming it', () => {
    const twice: ViolationInput = {
      id: 'dup-1',
      code: 'improper-profit-attempt',
      occurredAt: ms('2026-03-01T10:00:00+08:00'),
      decidedAt: ms('2026-03-02T10:00:00+08:00'),
    };
    const r = store([twice, { ...twice }], [], '2026-06-01T00:00:00+08:00');
    expect(r.serious.total).toBe(25);
    expect(r.serious.counted).toHaveLength(1);
    expect(r.warnings.join(' ')).toContain('dup-1');
  });

  it('treats a missing pickup as late', () => {
    const orders: OrderInput[] = [
      { id: 'x', paidAt: ms('2026-01-06T10:00:00+08:00'), waybillUploadedAt: null, pickedUpAt: null },
    ];
    const w = store([], orders, assessedAt).delayedShipment.weeks[0]!;
    expect(w).toMatchObject({
      weekStart: '2026-01-05',
      orders: 1,
      pickedUpWithin48h: 0,
      lateOrders: ['x'],
      points: 7,
    });
  });

  it('what-if for a category pack reports the category total', () => {
    expect(whatIf({ violations: [] }, ms(assessedAt), { code: 'improper-profit-loan' }, pack)).toMatchObject({
      model: 'categories',
      category: 'serious',
      before: 0,
      after: 100,
    });
  });
});

describe('penaltyOf under the categories model', () => {
  it("counts points only (no freeze, no deduction), the record's points overriding the table", () => {
    const gift = v('improper-profit-gift', '2025-06-01T10:00:00+08:00');
    expect(penaltyOf(pack, gift)).toEqual({ points: 100, freeze: null, deduction: null });
    expect(penaltyOf(pack, { ...gift, points: 7, freezeDays: 3 })).toEqual({
      points: 7,
      freeze: null,
      deduction: null,
    });
    expect(penaltyOf(pack, { ...gift, code: 'brand-misuse' })).toBeNull();
    expect(store([{ ...gift, points: 7 }], [], '2025-06-02T10:00:00+08:00').serious.total).toBe(7);
  });
});
