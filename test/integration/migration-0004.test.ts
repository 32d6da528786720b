/** Migration 0004 on an existing version-3 database: each listing's latest run becomes its summary columns. */
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrations } from '../../electron/services/db/migrations';
import { migration0004 } from '../../electron/services/db/migrations/0004-listing-check-summary';
import { maskOfRules } from '../../shared/check/exposure';
import { tempDir } from '../helpers/temp-dir';

let tmp: ReturnType<typeof tempDir>;
let db: Database.Database;

beforeEach(() => {
  tmp = tempDir();
  db = new Database(path.join(tmp.dir, 'v3.db'));
  for (const m of migrations.filter((m) => m.version <= 3)) m.up(db);
  const listing = db.prepare(
    `INSERT INTO listings (local_id, revision, status, created_at, updated_at, title, type, price_amount_fen, price_currency, price_billing, description)
     VALUES (?, ?, 'draft', 't', 't', ?, 'saas', 100, 'CNY', 'monthly', 'd')`,
  );
  listing.run('a', 2, 'checked twice');
  listing.run('b', 1, 'never checked');
  const run = db.prepare(
    `INSERT INTO check_runs (local_id, revision, checked_at, pack_id, pack_version, blockers, warnings, infos, exposure_points,
       exposure_freeze, exposure_deposit_fen, exposure_expel, exposure_deposit_all, penalty_rows_json, rules_json)
     VALUES (?, ?, ?, 'p', '1.0.0', ?, 1, 0, ?, 0, 0, 0, 0, '[]', ?)`,
  );
  run.run('a', 1, '2026-01-01T00:00:00Z', 5, 12, '["superlative"]');
  run.run('a', 2, '2026-01-02T00:00:00Z', 2, 3, '["superlative","external-link"]');
});
afterEach(() => {
  db.close();
  tmp.cleanup();
});

describe('migration 0004', () => {
  it('fills the summary columns from the latest run and leaves unchecked listings empty', () => {
    migration0004.up(db);
    const rows = db
      .prepare(
        'SELECT local_id, check_revision, check_pack, checked_at, blockers, exposure_points, rule_mask FROM listings ORDER BY local_id',
      )
      .all();
    expect(rows).toEqual([
      {
        local_id: 'a',
        check_revision: 2,
        check_pack: 'p@1.0.0',
        checked_at: '2026-01-02T00:00:00Z',
        blockers: 2,
        exposure_points: 3,
        rule_mask: maskOfRules(['superlative', 'external-link']),
      },
      {
        local_id: 'b',
        check_revision: null,
        check_pack: null,
        checked_at: null,
        blockers: null,
        exposure_points: null,
        rule_mask: null,
      },
    ]);
  });
});
