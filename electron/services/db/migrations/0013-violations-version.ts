import type { Migration } from '../migrations';

/**
 * Issue 11 at 100,000 violations: the points engines read every stored violation, and every
 * alert tick, snapshot and save read them again from SQL (~1 s at that size). table_versions
 * counts the writes to a table, whoever makes them (a repository, the sync engine's projection,
 * an undo), so a reader can keep what it read until the count moves. Row triggers: a bulk
 * import pays one small UPDATE per row, ~1 µs.
 */
export const migration0013: Migration = {
  version: 13,
  name: 'a write counter for violations (reads cached until it moves)',
  up(db) {
    db.exec(`
      CREATE TABLE table_versions (name TEXT PRIMARY KEY, version INTEGER NOT NULL) WITHOUT ROWID;
      INSERT INTO table_versions (name, version) VALUES ('violations', 0);
      CREATE TRIGGER violations_version_insert AFTER INSERT ON violations BEGIN
        UPDATE table_versions SET version = version + 1 WHERE name = 'violations';
      END;
      CREATE TRIGGER violations_version_update AFTER UPDATE ON violations BEGIN
        UPDATE table_versions SET version = version + 1 WHERE name = 'violations';
      END;
      CREATE TRIGGER violations_version_delete AFTER DELETE ON violations BEGIN
        UPDATE table_versions SET version = version + 1 WHERE name = 'violations';
      END;
    `);
  },
};
