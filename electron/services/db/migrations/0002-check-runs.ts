import type { Migration } from '../migrations';

/**
 * Check history and the official-site cache. A run row keeps what the listings page needs
 * (counts, exposure, rule ids) so 10,000 listings are summarised without re-checking them.
 */
export const migration0002: Migration = {
  version: 2,
  name: 'check runs and official-site cache',
  up(db) {
    db.exec(`
      CREATE TABLE check_runs (
        id                INTEGER PRIMARY KEY AUTOINCREMENT,
        local_id          TEXT NOT NULL REFERENCES listings (local_id) ON DELETE CASCADE,
        revision          INTEGER NOT NULL,   -- the listing revision that was checked
        checked_at        TEXT NOT NULL,
        pack_id           TEXT NOT NULL,
        pack_version      TEXT NOT NULL,
        blockers          INTEGER NOT NULL,
        warnings          INTEGER NOT NULL,
        infos             INTEGER NOT NULL,
        exposure_points   INTEGER NOT NULL,
        exposure_freeze   INTEGER NOT NULL,   -- days
        exposure_deposit_fen INTEGER NOT NULL,
        exposure_expel    INTEGER NOT NULL,   -- 0 or 1
        exposure_deposit_all INTEGER NOT NULL, -- 0 or 1
        penalty_rows_json TEXT NOT NULL,      -- the 附件一 codes counted
        rules_json        TEXT NOT NULL       -- rule ids with at least one finding
      );
      CREATE INDEX check_runs_listing ON check_runs (local_id, id);
      CREATE TABLE official_site_cache (
        url         TEXT PRIMARY KEY,
        checked_at  TEXT NOT NULL,
        result_json TEXT NOT NULL
      );
    `);
  },
};
