import type { Migration } from '../migrations';

/**
 * Policy packs loaded from a file (issue 17 item 8), beside the bundled ones in
 * resources/policies: one per id (loading a newer version of a loaded pack replaces it). A row
 * with a bundled id supersedes the bundled pack while it is newer; deleting the row brings the
 * bundled one back. The JSON is stored as loaded and validated again when read.
 */
export const migration0014: Migration = {
  version: 14,
  name: 'policy packs loaded from a file',
  up(db) {
    db.exec(`
      CREATE TABLE policy_packs (
        id              TEXT PRIMARY KEY,
        version         TEXT NOT NULL,
        pack_json       TEXT NOT NULL,
        file_name       TEXT NOT NULL,
        added_at        TEXT NOT NULL
      );
    `);
  },
};
