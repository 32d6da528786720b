import { maskOfRules } from '../../../../shared/check/exposure';
import type { RuleId } from '../../../../shared/check/types';
import type { Migration } from '../migrations';

/**
 * Issue 11: each listing carries the summary of its latest check run in its own row (status,
 * blockers, warnings, exposure, the rules hit as a bit mask), written with the run when a listing
 * is saved or imported, so the list pages, sorts and filters in SQL and never re-checks on a read.
 * Existing databases take the summary from each listing's latest stored run.
 */
export const migration0004: Migration = {
  version: 4,
  name: 'listing check summary columns',
  up(db) {
    db.exec(`
      ALTER TABLE listings ADD COLUMN check_revision INTEGER;    -- the revision the summary is for; NULL: never checked
      ALTER TABLE listings ADD COLUMN check_pack TEXT;           -- "<pack id>@<version>" that checked it
      ALTER TABLE listings ADD COLUMN checked_at TEXT;
      ALTER TABLE listings ADD COLUMN blockers INTEGER;
      ALTER TABLE listings ADD COLUMN warnings INTEGER;
      ALTER TABLE listings ADD COLUMN infos INTEGER;
      ALTER TABLE listings ADD COLUMN exposure_points INTEGER;
      ALTER TABLE listings ADD COLUMN exposure_freeze INTEGER;
      ALTER TABLE listings ADD COLUMN exposure_deposit_fen INTEGER;
      ALTER TABLE listings ADD COLUMN exposure_expel INTEGER;
      ALTER TABLE listings ADD COLUMN exposure_deposit_all INTEGER;
      ALTER TABLE listings ADD COLUMN rule_mask INTEGER;
      CREATE INDEX listings_updated ON listings (updated_at DESC, local_id);
      CREATE INDEX listings_blockers ON listings (blockers, updated_at DESC);
    `);
    const latest = db
      .prepare(
        `SELECT r.* FROM check_runs r
          WHERE r.id = (SELECT max(id) FROM check_runs WHERE local_id = r.local_id)`,
      )
      .all() as {
      local_id: string;
      revision: number;
      checked_at: string;
      pack_id: string;
      pack_version: string;
      blockers: number;
      warnings: number;
      infos: number;
      exposure_points: number;
      exposure_freeze: number;
      exposure_deposit_fen: number;
      exposure_expel: number;
      exposure_deposit_all: number;
      rules_json: string;
    }[];
    const update = db.prepare(
      `UPDATE listings SET check_revision = ?, check_pack = ?, checked_at = ?, blockers = ?, warnings = ?, infos = ?,
         exposure_points = ?, exposure_freeze = ?, exposure_deposit_fen = ?, exposure_expel = ?, exposure_deposit_all = ?, rule_mask = ?
       WHERE local_id = ?`,
    );
    for (const r of latest) {
      update.run(
        r.revision,
        `${r.pack_id}@${r.pack_version}`,
        r.checked_at,
        r.blockers,
        r.warnings,
        r.infos,
        r.exposure_points,
        r.exposure_freeze,
        r.exposure_deposit_fen,
        r.exposure_expel,
        r.exposure_deposit_all,
        maskOfRules(JSON.parse(r.rules_json) as RuleId[]),
        r.local_id,
      );
    }
  },
};
