/**
 * ViolationsRepository.list() keeps what it read until the table's write counter moves (migration
 * 0013): a write by any path — the repository, plain SQL as the sync projection writes, a delete —
 * shows at once, and a write rolled back inside a transaction leaves nothing stale behind.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../electron/services/db/database';
import { ViolationsRepository } from '../../electron/services/repositories/violations-repository';

const provenance = { source: 'import' as const, sourceAt: 1, sourceFile: 'v.json' };
const violation = (id: string) => ({
  id,
  code: 'fake-transactions',
  occurredAt: Date.parse('2026-03-01T10:00:00+08:00'),
  decidedAt: Date.parse('2026-03-02T10:00:00+08:00'),
});
const ids = (repo: ViolationsRepository) => repo.list().map((v) => v.id);

describe('the violations list', () => {
  it('is read again after a write by any path, and not otherwise', () => {
    const store = openStore({ dataDir: mkdtempSync(join(tmpdir(), 'vd-violations-cache-')) });
    const repo = new ViolationsRepository(store);
    repo.upsertMany([violation('V-1')], 'jdcloud-marketplace-2019', provenance);
    const first = repo.list();
    expect(repo.list()).toBe(first); // unchanged: the same array
    expect(ids(repo)).toEqual(['V-1']);

    // As the sync engine projects a record: SQL, not the repository.
    store.db
      .prepare(
        `INSERT INTO violations (id, id_is_number, policy, code, occurred_at, decided_at, appeal_state, source, source_at, first_seen_at)
         VALUES ('V-2', 0, 'jdcloud-marketplace-2019', 'fake-transactions', 1, 2, 'none', 'sync', 1, 1)`,
      )
      .run();
    expect(ids(repo)).toEqual(['V-2', 'V-1']);
    store.db.prepare("UPDATE violations SET code = 'brand-misuse' WHERE id = 'V-2'").run();
    expect(repo.list().find((v) => v.id === 'V-2')!.code).toBe('brand-misuse');
    store.db.prepare("DELETE FROM violations WHERE id = 'V-2'").run();
    expect(ids(repo)).toEqual(['V-1']);

    // Read inside a transaction that rolls back, then another write brings the counter back to
    // the same number: the list must be of the table, not of the rolled-back moment.
    expect(() =>
      store.write(() => {
        repo.upsertMany([violation('V-GONE')], 'jdcloud-marketplace-2019', provenance);
        expect(ids(repo)).toContain('V-GONE');
        throw new Error('rolled back');
      }),
    ).toThrow('rolled back');
    repo.upsertMany([violation('V-3')], 'jdcloud-marketplace-2019', provenance);
    expect(ids(repo).sort()).toEqual(['V-1', 'V-3']);
    store.close();
  });
});
