/**
 * Issue 17: search on the Service, Deposit and Points tables runs in SQL through the core —
 * `compliance.tickets` (id or staff), `compliance.ledger` (id, reason, or a type the renderer
 * matched by name) and `compliance.violations` (id, code, or the code's name in either language) —
 * paged, with `total` the number of matches, and LIKE wildcards in the text taken literally.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { searchRecords } from '../helpers/search-records';
import { useTempCore } from '../helpers/temp-core';

const { call } = useTempCore({ now: () => new Date('2026-12-02T10:00:00+08:00') });
type Page = { rows: { id: string | number }[]; total: number; offset?: number };
const ids = (page: Page) => page.rows.map((r) => r.id);

describe('search on every table', () => {
  beforeEach(async () => {
    for (const [channel, request] of searchRecords()) await call(channel, request);
  });

  it('tickets: part of the id or the staff name, counted in SQL', async () => {
    const byStaff = await call<Page>('compliance.tickets', { offset: 0, limit: 20, query: '王小明' });
    expect(byStaff).toMatchObject({ total: 1 });
    expect(ids(byStaff)).toEqual(['Q-23']);
    const byId = await call<Page>('compliance.tickets', { offset: 0, limit: 5, query: 'Q-1' });
    expect(byId.total).toBe(10);
    expect(ids(byId)).toEqual(['Q-10', 'Q-11', 'Q-12', 'Q-13', 'Q-14']);
    // "_" is a LIKE wildcard: taken literally it matches the 23 li_lei tickets, not "li-lei" or "lixlei".
    expect((await call<Page>('compliance.tickets', { offset: 0, limit: 1, query: 'i_l' })).total).toBe(23);
    expect((await call<Page>('compliance.tickets', { offset: 0, limit: 1, query: 'x' })).total).toBe(0);
  });

  it('ledger: id, reason or a named type; pages in time order', async () => {
    const all = await call<Page>('compliance.ledger', { offset: 20, limit: 20 });
    expect(all.total).toBe(24);
    expect(ids(all)).toEqual(['L-21', 'L-22', 'L-23', 'L-24']);
    expect(ids(await call<Page>('compliance.ledger', { offset: 0, limit: 20, query: '对账' }))).toEqual([
      'L-21',
    ]);
    // "%" taken literally: only the reason with a percent sign.
    expect(ids(await call<Page>('compliance.ledger', { offset: 0, limit: 20, query: '0%' }))).toEqual([
      'L-21',
    ]);
    const byType = await call<Page>('compliance.ledger', {
      offset: 0,
      limit: 20,
      query: '退还',
      types: ['withdrawal'],
    });
    expect(ids(byType)).toEqual(['L-22']);
    const byId = await call<Page>('compliance.ledger', { offset: 0, limit: 20, query: 'L-2' });
    expect(ids(byId)).toEqual(['L-20', 'L-21', 'L-22', 'L-23', 'L-24']);
    expect(byId.total).toBe(5);
  });

  it("violations: id, code, or the code's name in Chinese or English", async () => {
    expect(ids(await call<Page>('compliance.violations', { offset: 0, limit: 20, query: '欺诈' }))).toEqual([
      'V-24',
    ]);
    expect(
      ids(await call<Page>('compliance.violations', { offset: 0, limit: 20, query: 'defraud' })),
    ).toEqual(['V-24']);
    const byCode = await call<Page>('compliance.violations', { offset: 0, limit: 20, query: 'brand' });
    expect(byCode.total).toBe(23);
    expect(byCode.rows).toHaveLength(20);
    const row = (
      await call<{ rows: { penalty: { points: number } | null }[] }>('compliance.violations', {
        offset: 0,
        limit: 1,
        query: 'V-24',
      })
    ).rows[0];
    expect(row?.penalty?.points).toBe(12);
  });

  it('violations: a deep link (`around`) answers the page that holds the violation', async () => {
    const page = (request: object) =>
      call<Page>('compliance.violations', { offset: 0, limit: 10, ...request });
    // In decision order V-01…V-24: V-17 is on the second page of ten, whatever offset says.
    const linked = await page({ around: 'V-17', offset: 20 });
    expect(linked.offset).toBe(10);
    expect(ids(linked)).toContain('V-17');
    expect(ids(linked)[0]).toBe('V-11');
    expect((await page({ around: 'V-24' })).offset).toBe(20);
    expect((await page({ around: 'V-01' })).offset).toBe(0);
    // Within a search: the 23 brand-misuse ones, V-24 (fraud) left out, V-23 the last.
    expect((await page({ around: 'V-23', query: 'brand' })).offset).toBe(20);
    // An id that is not there (deleted since the alert) answers the first page.
    expect((await page({ around: 'V-99', offset: 10 })).offset).toBe(0);
    expect((await page({ offset: 10 })).offset).toBe(10);
  });
});
