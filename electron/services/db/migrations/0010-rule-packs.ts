import type { Migration } from '../migrations';

/**
 * Rule packs beside the bundled one (issue 15): loaded from a file or pulled from the marketplace,
 * validated before they are stored. The active pack is the one activated last (the bundled pack
 * when none was); the one before it is what "go back" returns to. `last_diff_json` is what the
 * activation changed (listings newly blocked, newly clear, per rule), shown until the next one.
 */
export const migration0010: Migration = {
  version: 10,
  name: 'rule packs',
  up(db) {
    db.exec(`
      CREATE TABLE rule_packs (
        key             TEXT PRIMARY KEY,     -- "<id>@<version>", as listings.check_pack
        pack_json       TEXT NOT NULL,
        source          TEXT NOT NULL CHECK (source IN ('file', 'marketplace')),
        source_name     TEXT,                 -- the file's name, or the marketplace's pack id
        added_at        TEXT NOT NULL
      );
      -- One row per activation, newest last; the bundled pack has no rule_packs row.
      CREATE TABLE rule_pack_activations (
        seq             INTEGER PRIMARY KEY AUTOINCREMENT,
        key             TEXT NOT NULL,
        activated_at    TEXT NOT NULL,
        diff_json       TEXT
      );
    `);
  },
};
