/**
 * The Service page's tickets table pages by keyset (compliance.tickets `after` / `before`): each
 * page seeks to the previous page's last (or first) row through the sort's index. Many tickets
 * share a sort value here (opened in the same second, so the same deadline too), which is where a
 * keyset whose tie-break differs from the ORDER BY's repeats or drops rows at page boundaries.
 * Every walk — forward by `after`, backward by `before`, plain offsets (the back half is read in
 * reverse) and jumps of several pages from a cursor — must give the full listing exactly once.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppCore, type AppCore } from '../../electron/services/app-core';
import { complianceConfig } from '../../electron/services/compliance/engines';
import { bundledPolicyPacks } from '../../shared/policy/packs';
import { slaContextOf } from '../../electron/services/compliance/ticket-sla';
import { openStore } from '../../electron/services/db/database';
import { SettingsRepository } from '../../electron/services/repositories/settings-repository';
import { TicketsRepository } from '../../electron/services/repositories/tickets-repository';
import { createNodePlatform } from '../../electron/web/platform-node';
import type { ResponseOf } from '../../shared/ipc/contract';
import { tempDir } from '../helpers/temp-dir';

type Page = ResponseOf<'compliance.tickets'>;
const AT = '2026-01-05T10:00:00+08:00';
const kinds = ['consultation', 'complaint', 'after-sales-email'] as const;

let tmp: ReturnType<typeof tempDir>;
let core: AppCore;

beforeEach(() => {
  tmp = tempDir();
  core = createAppCore({
    platform: createNodePlatform({ userDataDir: tmp.dir, appVersion: '9.9.9', now: () => new Date(AT) }),
    mode: 'browser',
    alertIntervalMs: 0,
    log: () => undefined,
  });
});
afterEach(() => {
  core.close();
  tmp.cleanup();
});

async function call<T>(channel: string, payload: unknown): Promise<T> {
  const result = await core.dispatch(channel, payload);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

/**
 * 157 tickets over four opening instants (so 30–40 share each sort value), ids inserted out of
 * order, some answered late, some not answered; a second file re-imports some (same rowid, new data).
 */
async function importTickets(): Promise<void> {
  const opened = [
    '2026-01-02T09:00:00+08:00',
    '2026-01-03T15:30:00+08:00',
    '2026-01-04T09:00:00+08:00',
    '2026-01-05T09:59:00+08:00',
  ];
  const ticket = (n: number, variant = 0) => ({
    id: n % 5 === 0 ? n : `T-${(n * 37) % 1000}`,
    kind: kinds[(n + variant) % 3],
    openedAt: opened[n % 4],
    firstResponseAt: n % 3 === 0 ? null : n % 3 === 1 ? opened[n % 4]!.replace(':00+', ':30+') : AT,
  });
  const first = Array.from({ length: 157 }, (_, n) => ticket(n));
  const second = Array.from({ length: 40 }, (_, n) => ticket(n * 3, 1));
  const { files } = await call<{ files: { ok: boolean }[] }>('compliance.import', {
    files: [
      { name: 'a.json', text: JSON.stringify({ tickets: first }) },
      { name: 'b.json', text: JSON.stringify({ tickets: second }) },
    ],
  });
  expect(files.map((f) => f.ok)).toEqual([true, true]);
}

const sorts = [
  undefined,
  { field: 'openedAt', order: 'desc' },
  { field: 'deadline', order: 'asc' },
  { field: 'deadline', order: 'desc' },
] as const;
const filters = [{}, { kind: 'complaint' }, { status: 'breached' }, { status: 'pending' }] as const;

const ids = (rows: Page['rows']) => rows.map((r) => String(r.id));

describe('compliance.tickets keyset paging', () => {
  it('walks every sort and filter forward and backward by cursor: each row once, in order', async () => {
    await importTickets();
    for (const sort of sorts)
      for (const filter of filters) {
        const label = JSON.stringify({ sort, filter });
        const base = { ...filter, ...(sort ? { sort } : {}) };
        const all = await call<Page>('compliance.tickets', { ...base, offset: 0, limit: 500 });
        expect(all.rows.length, label).toBe(all.total);
        expect(all.total, label).toBeGreaterThan(7); // more than one page
        // The listing is in sort order, and ties really occur (the case under test).
        const key = (r: Page['rows'][number]) =>
          sort?.field === 'deadline' ? r.deadlineMs : Date.parse(r.openedAt);
        const keys = all.rows.map(key);
        const desc = sort?.order === 'desc';
        expect(
          keys.every((k, i) => i === 0 || (desc ? keys[i - 1]! >= k : keys[i - 1]! <= k)),
          label,
        ).toBe(true);
        expect(new Set(keys).size, label).toBeLessThan(keys.length / 5);

        // Forward: each page after the last one's last row.
        const forward: string[] = [];
        let page = await call<Page>('compliance.tickets', { ...base, offset: 0, limit: 7 });
        let pages = 0;
        while (page.rows.length > 0) {
          forward.push(...ids(page.rows));
          expect(page.total, label).toBe(all.total);
          page = await call<Page>('compliance.tickets', {
            ...base,
            offset: 0,
            limit: 7,
            after: page.lastCursor,
          });
          if (++pages > 100) throw new Error('paging does not end');
        }
        expect(page.firstCursor).toBeNull();
        expect(forward, label).toEqual(ids(all.rows));

        // Backward from the last page: each page before the last one's first row.
        const backward: string[][] = [];
        page = await call<Page>('compliance.tickets', {
          ...base,
          offset: Math.floor((all.total - 1) / 7) * 7,
          limit: 7,
        });
        while (page.rows.length > 0) {
          backward.unshift(ids(page.rows));
          page = await call<Page>('compliance.tickets', {
            ...base,
            offset: 0,
            limit: 7,
            before: page.firstCursor,
          });
          if (backward.length > 100) throw new Error('paging does not end');
        }
        expect(backward.flat(), label).toEqual(ids(all.rows));

        // Plain offsets (the back half is read from the end) and jumps of 3 pages from a cursor.
        for (let offset = 0; offset < all.total + 7; offset += 7) {
          const byOffset = await call<Page>('compliance.tickets', { ...base, offset, limit: 7 });
          expect(ids(byOffset.rows), `${label} offset ${offset}`).toEqual(
            ids(all.rows.slice(offset, offset + 7)),
          );
          if (byOffset.lastCursor === null) continue;
          const jump = await call<Page>('compliance.tickets', {
            ...base,
            offset: 14,
            limit: 7,
            after: byOffset.lastCursor,
          });
          expect(ids(jump.rows), `${label} 3 pages after offset ${offset}`).toEqual(
            ids(all.rows.slice(offset + 21, offset + 28)),
          );
          const back = await call<Page>('compliance.tickets', {
            ...base,
            offset: 7,
            limit: 7,
            before: byOffset.firstCursor,
          });
          expect(ids(back.rows), `${label} 2 pages before offset ${offset}`).toEqual(
            ids(all.rows.slice(Math.max(0, offset - 14), Math.max(0, offset - 7))),
          );
        }
      }
  });

  it('around: the page that holds a linked ticket, under every sort and filter', async () => {
    await importTickets();
    for (const sort of sorts)
      for (const filter of filters) {
        const label = JSON.stringify({ sort, filter });
        const base = { ...filter, ...(sort ? { sort } : {}) };
        const all = ids((await call<Page>('compliance.tickets', { ...base, offset: 0, limit: 500 })).rows);
        for (let index = 0; index < all.length; index += 3) {
          const id = all[index]!;
          // A number id is linked as the route gives it: text.
          const page = await call<Page>('compliance.tickets', { ...base, offset: 35, limit: 7, around: id });
          expect(page.offset, `${label} ${id}`).toBe(Math.floor(index / 7) * 7);
          expect(ids(page.rows), `${label} ${id}`).toEqual(all.slice(page.offset, page.offset + 7));
        }
      }
    // A ticket the filters hide: the first page, without it.
    const complaints = await call<Page>('compliance.tickets', { kind: 'complaint', offset: 0, limit: 500 });
    const other = (await call<Page>('compliance.tickets', { kind: 'consultation', offset: 0, limit: 1 }))
      .rows[0]!;
    const hidden = await call<Page>('compliance.tickets', {
      kind: 'complaint',
      offset: 14,
      limit: 7,
      around: String(other.id),
    });
    expect(hidden.offset).toBe(0);
    expect(ids(hidden.rows)).toEqual(ids(complaints.rows.slice(0, 7)));
    const refused = await core.dispatch('compliance.tickets', {
      offset: 0,
      limit: 7,
      around: 'T-1',
      after: complaints.firstCursor,
    });
    expect(refused.ok).toBe(false);
  });

  it('a cursor keeps its place when rows are added before it, and one of another sort is refused', async () => {
    await importTickets();
    const sort = { field: 'deadline', order: 'asc' } as const;
    const first = await call<Page>('compliance.tickets', { offset: 0, limit: 10, sort });
    const expected = await call<Page>('compliance.tickets', { offset: 10, limit: 10, sort });
    // A ticket whose deadline sorts before every other one.
    await call('compliance.saveTicket', {
      ticket: {
        id: 'EARLY',
        kind: 'complaint',
        openedAt: '2025-12-01T09:00:00+08:00',
        firstResponseAt: null,
      },
    });
    const next = await call<Page>('compliance.tickets', {
      offset: 0,
      limit: 10,
      sort,
      after: first.lastCursor,
    });
    expect(ids(next.rows)).toEqual(ids(expected.rows));
    expect(next.total).toBe(expected.total + 1);

    const wrongSort = await core.dispatch('compliance.tickets', {
      offset: 0,
      limit: 10,
      sort: { field: 'openedAt', order: 'asc' },
      after: first.lastCursor,
    });
    expect(wrongSort).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const notACursor = await core.dispatch('compliance.tickets', { offset: 0, limit: 10, after: 'x' });
    expect(notACursor).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    const both = await core.dispatch('compliance.tickets', {
      offset: 0,
      limit: 10,
      sort,
      after: first.lastCursor,
      before: first.firstCursor,
    });
    expect(both).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });
});

describe('TicketsRepository.page with tickets that have no SLA columns', () => {
  it('pages NULL deadlines (first ascending, last descending) by cursor without losing any', () => {
    const dir = tempDir();
    const store = openStore({ dataDir: dir.dir });
    try {
      const sla = slaContextOf(complianceConfig(new SettingsRepository(store).get(), bundledPolicyPacks()))!;
      const repo = new TicketsRepository(store);
      const provenance = { source: 'import' as const, sourceAt: 1, sourceFile: 'f.json' };
      const at = Date.parse(AT);
      const ticket = (n: number) => ({
        id: `N-${(n * 7) % 50}`,
        kind: kinds[n % 3]!,
        openedAt: at - (n % 3) * 3_600_000,
        firstResponseAt: null,
      });
      // 25 with SLA columns, 25 written as a sync without settings would (no columns).
      repo.upsertMany(
        Array.from({ length: 25 }, (_, n) => ticket(n)),
        provenance,
        sla,
      );
      repo.upsertMany(
        Array.from({ length: 25 }, (_, n) => ticket(n + 25)),
        provenance,
        null,
      );
      for (const order of ['asc', 'desc'] as const) {
        const sort = { field: 'deadline', order } as const;
        const all = repo.page({ offset: 0, limit: 500, sort }, sla, at).rows.map((r) => r.id);
        expect(all).toHaveLength(50);
        const walked: (string | number)[] = [];
        let page = repo.page({ offset: 0, limit: 6, sort }, sla, at);
        while (page.rows.length > 0) {
          walked.push(...page.rows.map((r) => r.id));
          page = repo.page({ offset: 0, limit: 6, sort, after: page.lastCursor! }, sla, at);
          if (walked.length > 500) throw new Error('paging does not end');
        }
        expect(walked, order).toEqual(all);
        // A linked ticket's page, among NULL deadlines and values alike.
        all.forEach((id, index) => {
          const page = repo.page({ offset: 0, limit: 6, sort, around: id }, sla, at);
          expect(page.offset, `${order} ${id}`).toBe(Math.floor(index / 6) * 6);
          expect(page.rows.map((r) => r.id)).toContain(id);
        });
        // NULL deadlines: the first 25 ascending, the last 25 descending.
        const nullIds = new Set(
          (store.db.prepare('SELECT id FROM tickets WHERE deadline IS NULL').all() as { id: string }[]).map(
            (r) => r.id,
          ),
        );
        expect(nullIds.size).toBe(25);
        const positions = all.flatMap((id, i) => (nullIds.has(String(id)) ? [i] : []));
        expect(positions).toEqual(Array.from({ length: 25 }, (_, i) => (order === 'asc' ? i : i + 25)));
      }
    } finally {
      store.close();
      dir.cleanup();
    }
  });
});
