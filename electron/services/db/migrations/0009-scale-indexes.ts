import type { Migration } from '../migrations';

/**
 * Issue 11 (second half): what the paged queries need to answer without scanning.
 * - listings: finding listings whose stored summary is stale (not of their revision, or of
 *   another rule pack) is an index lookup, so every page load can ask it.
 */
export const migration0009: Migration = {
  version: 9,
  name: 'indexes and stored results for paged queries',
  up(db) {
    db.exec(`
      CREATE INDEX listings_unchecked ON listings (local_id)
        WHERE check_revision IS NULL OR check_revision != revision;
      CREATE INDEX listings_check_pack ON listings (check_pack);
    `);
  },
};
