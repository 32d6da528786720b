/**
 * A feed page's tickets are written by one statement (remote.ts flushTickets): the same as one by
 * one — the last version in a page wins, a tombstone in the same page removes a ticket not yet
 * written, a ticket imported from a file is left alone.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../electron/services/db/database';
import { ListingsRepository } from '../../../electron/services/repositories/listings-repository';
import { applyChange, flushTickets, type ApplyContext } from '../../../electron/services/sync/remote';
import type { Change } from '../../../shared/api/schemas';

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

function applyPage(batched: boolean, changes: Change[]) {
  const store = openStore({ dataDir: mkdtempSync(join(tmpdir(), 'vd-ticket-batch-')) });
  store.db
    .prepare(
      "INSERT INTO tickets (id, id_is_number, kind, opened_at, source, source_at) VALUES ('FILE', 0, 'complaint', 1, 'import', 1)",
    )
    .run();
  store.write((db) => {
    const ctx: ApplyContext = {
      db,
      listings: new ListingsRepository(store),
      nowMs: 5,
      nowIso: '2026-01-12T10:00:00+08:00',
      ...(batched ? { ticketBatch: new Map() } : {}),
    };
    for (const change of changes) applyChange(ctx, change);
    flushTickets(ctx);
  });
  const rows = store.db
    .prepare('SELECT id, kind, opened_at, first_response_at, extra_json, source FROM tickets ORDER BY id')
    .all();
  store.close();
  return rows;
}

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
    const batched = applyPage(true, page);
    expect(batched).toEqual(applyPage(false, page));
    expect(batched.map((r: unknown) => (r as { id: string }).id)).toEqual(['A', 'C', 'FILE']);
    expect(batched[0]).toMatchObject({
      first_response_at: Date.parse('2026-01-12T09:00:20+08:00'),
      opened_at: Date.parse('2026-01-12T09:00:00+08:00'),
    });
    expect(JSON.parse((batched[0] as { extra_json: string }).extra_json).version).toBe(2);
    expect(batched[2]).toMatchObject({ source: 'import', kind: 'complaint' });
  });
});
