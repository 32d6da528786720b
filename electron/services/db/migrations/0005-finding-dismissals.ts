import type { Migration } from '../migrations';

/**
 * Dismissed self-check findings (issue 15): per listing, the finding's fingerprint
 * (shared/check/dismissals.ts: rule, field, matched text and its clause) with who dismissed it,
 * when and why. A changed text changes the fingerprint, so the finding comes back.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'finding dismissals',
  up(db) {
    db.exec(`
      CREATE TABLE finding_dismissals (
        local_id      TEXT NOT NULL REFERENCES listings (local_id) ON DELETE CASCADE,
        fingerprint   TEXT NOT NULL,
        rule_id       TEXT NOT NULL,
        field         TEXT NOT NULL,
        match         TEXT,
        reason        TEXT NOT NULL CHECK (length(trim(reason)) > 0),
        dismissed_by  TEXT NOT NULL,
        dismissed_at  TEXT NOT NULL,
        PRIMARY KEY (local_id, fingerprint)
      );
    `);
  },
};
