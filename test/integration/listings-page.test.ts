/**
 * checks.page — the listings table's query (issue 11): filters, sort and paging in SQL, only the
 * table's columns, a total count. Its filters must mean what the page's in-memory filter meant
 * (workspace-model filterSummaries, still the reference), so both are compared on the same data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppCore } from '../../electron/services/app-core';
import { ruleIds } from '../../shared/check/types';
import type { ListingSummary, ResponseOf } from '../../shared/ipc/contract';
import type { Listing } from '../../shared/listing/schema';
import { filterSummaries, exposureRank } from '../../renderer/src/pages/listings/workspace-model';
import { callCore, openTempCore } from '../helpers/temp-core';
import { readExample, tempDir } from '../helpers/temp-dir';

let tmp: ReturnType<typeof tempDir>;
let core: AppCore;
let tick = Date.parse('2026-11-23T02:00:00Z');

const call = <T>(channel: string, payload: unknown) => callCore<T>(core, channel, payload);

const violating = readExample('violating-image.json') as Listing;
const clean = readExample('clean-saas-crm.json') as Listing;
const N = 300;

beforeAll(async () => {
  tmp = tempDir();
  // Each listing gets its own time, so the default order (updated, newest first) is meaningful.
  core = openTempCore(tmp.dir, { now: () => new Date((tick += 1000)), core: { alertIntervalMs: undefined } });
  const listings = Array.from({ length: N }, (_, i) => {
    const base = i % 3 === 0 ? violating : clean;
    return {
      ...base,
      id: i % 5 === 0 ? `EX_${i}` : `BULK-${i}`,
      title: `${i % 2 ? 'Alpha' : '批量'} 商品 ${i} 100%_off`,
      serviceTerms: i % 4 === 0 ? null : base.serviceTerms,
    };
  });
  await call('listings.import', { files: [{ name: 'bulk.json', text: JSON.stringify({ listings }) }] });
}, 60_000);
afterAll(() => {
  core.close();
  tmp.cleanup();
});

const page = (request: Record<string, unknown>) =>
  call<ResponseOf<'checks.page'>>('checks.page', { offset: 0, limit: 500, ...request });

describe('checks.page', () => {
  it('filters exactly as the page filtered in memory', async () => {
    const everything = await call<ListingSummary[]>('checks.summary', {});
    expect(everything).toHaveLength(N);
    const filters = [
      { query: '' },
      { query: 'alpha' },
      { query: 'ALPHA 商品 1' },
      { query: '批量' },
      { query: 'ex_' }, // the underscore is a character, not a LIKE wildcard
      { query: '100%_' },
      { query: 'bulk-1' },
      { query: 'nothing like this' },
      ...(['ready', 'blocked', 'unchecked'] as const).map((state) => ({ query: '', state })),
      ...ruleIds.map((rule) => ({ query: '', rule })),
      ...(['blocker', 'warning', 'info'] as const).map((severity) => ({ query: '', severity })),
      {
        query: 'alpha',
        state: 'blocked' as const,
        rule: 'service-terms-missing' as const,
        severity: 'blocker' as const,
      },
    ];
    for (const filter of filters) {
      const expected = filterSummaries(everything, filter)
        .map((r) => r.localId)
        .sort();
      const { query, ...rest } = filter;
      const got = await page({ ...rest, ...(query ? { query } : {}) });
      expect(got.total, JSON.stringify(filter)).toBe(expected.length);
      expect(got.all).toBe(N);
      expect(got.rows.map((r) => r.localId).sort(), JSON.stringify(filter)).toEqual(expected);
    }
  });

  it('sorts in SQL as the columns did, and pages without gaps or repeats', async () => {
    const everything = await call<ListingSummary[]>('checks.summary', {});
    const key: Record<string, (r: ListingSummary) => number | string> = {
      blockers: (r) => r.check?.counts.blockers ?? -1,
      warnings: (r) => r.check?.counts.warnings ?? -1,
      exposure: exposureRank,
      updatedAt: (r) => r.updatedAt,
    };
    for (const [field, of] of Object.entries(key)) {
      for (const order of ['asc', 'desc'] as const) {
        const got = (await page({ sort: { field, order } })).rows.map(of);
        const expected = everything.map(of).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        expect(got, `${field} ${order}`).toEqual(order === 'asc' ? expected : expected.reverse());
      }
    }
    // Default: newest first, as before.
    expect((await page({})).rows.map((r) => r.localId)).toEqual(everything.map((r) => r.localId));

    const pages: string[] = [];
    for (let offset = 0; offset < N; offset += 70) {
      const p = await page({ offset, limit: 70, sort: { field: 'blockers', order: 'desc' } });
      expect(p.total).toBe(N);
      pages.push(...p.rows.map((r) => r.localId));
    }
    expect(pages).toHaveLength(N);
    expect(new Set(pages).size).toBe(N);
  });

  it('answers a page of 200 in a small message', async () => {
    const p = await page({ limit: 200 });
    expect(p.rows).toHaveLength(200);
    // ~ 300 KB per load is the ceiling; a page of 200 rows is far below it.
    expect(JSON.stringify(p).length).toBeLessThan(100_000);
  });

  it('refuses a page larger than 500 rows, naming the field', async () => {
    const result = await core.dispatch('checks.page', { offset: 0, limit: 10_000 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/limit/);
  });
});
