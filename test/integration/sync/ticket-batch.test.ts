/**
 * A feed page is applied with batched reads and writes (remote.ts applyPage: one version lookup
 * for the page, the tickets by one statement in flushPage): the same as one change at a time —
 * the last version in a page wins, an older or equal version is ignored, a tombstone in the same
 * page removes a record not yet written and stops an older upsert after it, a newer upsert brings
 * a deleted record back, a ticket imported from a file is left alone.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../electron/services/db/database';
import { ListingsRepository } from '../../../electron/services/repositories/listings-repository';
import { applyChange, applyPage, type ApplyContext } from '../../../electron/services/sync/remote';
import type { FeedChange as Change } from '../../../shared/api/schemas';

const ticket = (id: string, version: number, firstResponseAt: string | null): Change => ({
  cursor: `c${version}`,
  resourceType: 'ticket',
  resourceId: id,
  op: 'upsert',
  version,
  at: '2026-01-12T10:00:00+08:00',
  data: {
    id,
    kind: 'consultation',
    openedAt: '2026-01-12T09:00:00+08:00',
    firstResponseAt,
    orderId: null,
    subject: `工单 ${id} v${version}`,
    status: firstResponseAt ? 'answered' : 'open',
    messages: [],
    version,
    updatedAt: '2026-01-12T10:00:00+08:00',
  },
});

/** Applies the pages in order (one transaction each), batched or one change at a time. */
function applyPages(batched: boolean, pages: Change[][]) {
  const store = openStore({ dataDir: mkdtempSync(join(tmpdir(), 'vd-ticket-batch-')) });
  store.db
    .prepare(
      "INSERT INTO tickets (id, id_is_number, kind, opened_at, source, source_at) VALUES ('FILE', 0, 'complaint', 1, 'import', 1)",
    )
    .run();
  for (const page of pages)
    store.write((db) => {
      const ctx: ApplyContext = {
        db,
        listings: new ListingsRepository(store),
        nowMs: 5,
        nowIso: '2026-01-12T10:00:00+08:00',
      };
      if (batched) applyPage(ctx, page);
      else for (const change of page) applyChange(ctx, change);
    });
  const rows = store.db
    .prepare('SELECT id, kind, opened_at, first_response_at, extra_json, source FROM tickets ORDER BY id')
    .all();
  const remote = (
    store.db
      .prepare('SELECT resource_type, resource_id, version, data_json FROM sync_remote ORDER BY resource_id')
      .all() as Array<{ resource_id: string; version: number; data_json: string }>
  ).map((r) => ({ ...r, data_json: JSON.parse(r.data_json) as unknown }));
  const tombstones = store.db.prepare('SELECT * FROM sync_tombstones ORDER BY resource_id').all();
  store.close();
  return { rows, remote, tombstones };
}
const applyPage1 = (batched: boolean, changes: Change[]) => applyPages(batched, [changes]).rows;

describe('batched ticket projection', () => {
  it('gives what one statement per ticket gives', () => {
    const page: Change[] = [
      ticket('A', 1, null),
      ticket('B', 1, null),
      ticket('A', 2, '2026-01-12T09:00:20+08:00'),
      { ...ticket('B', 2, null), op: 'delete', data: null },
      ticket('C', 1, null),
      { ...ticket('FILE', 1, null) },
    ];
    const batched = applyPage1(true, page);
    expect(batched).toEqual(applyPage1(false, page));
    expect(batched.map((r: unknown) => (r as { id: string }).id)).toEqual(['A', 'C', 'FILE']);
    expect(batched[0]).toMatchObject({
      first_response_at: Date.parse('2026-01-12T09:00:20+08:00'),
      opened_at: Date.parse('2026-01-12T09:00:00+08:00'),
    });
    expect(JSON.parse((batched[0] as { extra_json: string }).extra_json).version).toBe(2);
    expect(batched[2]).toMatchObject({ source: 'import', kind: 'complaint' });
  });

  it('gives what one change at a time gives across pages: versions, tombstones, the server copy', () => {
    const pages: Change[][] = [
      [ticket('A', 1, null), ticket('B', 1, null), ticket('D', 3, null)],
      [
        ticket('A', 1, '2026-01-12T09:00:20+08:00'), // same version: ignored
        ticket('D', 2, null), // older: ignored
        { ...ticket('B', 2, null), op: 'delete', data: null },
        ticket('B', 2, null), // as old as the tombstone: ignored
        ticket('E', 1, null),
        { ...ticket('E', 2, null), op: 'delete', data: null },
        ticket('E', 1, null), // older than the tombstone in this page: ignored
      ],
      [ticket('B', 3, '2026-01-12T09:00:30+08:00'), ticket('A', 4, null), ticket('A', 3, null)],
    ];
    const batched = applyPages(true, pages);
    expect(batched).toEqual(applyPages(false, pages));
    expect(batched.remote.map((r) => [r.resource_id, r.version])).toEqual([
      ['A', 4],
      ['B', 3],
      ['D', 3],
    ]);
    expect(batched.tombstones).toEqual([{ resource_type: 'ticket', resource_id: 'E', version: 2 }]);
    expect(batched.rows.map((r) => (r as { id: string }).id)).toEqual(['A', 'B', 'D', 'FILE']);
  });

  it('gives what one change at a time gives for any pages (more rows than one write statement holds)', () => {
    const change = fc
      .record({
        id: fc.integer({ min: 0, max: 40 }),
        version: fc.integer({ min: 1, max: 6 }),
        del: fc.boolean(),
        answered: fc.boolean(),
      })
      .map(({ id, version, del, answered }): Change => {
        const t = ticket(`T${id}`, version, answered ? '2026-01-12T09:00:20+08:00' : null);
        return del ? { ...t, op: 'delete', data: null } : t;
      });
    fc.assert(
      fc.property(fc.array(fc.array(change, { maxLength: 260 }), { minLength: 1, maxLength: 3 }), (pages) => {
        expect(applyPages(true, pages)).toEqual(applyPages(false, pages));
      }),
      { numRuns: 25 },
    );
  });
});
