import type { Migration } from '../migrations';

export const migration0001: Migration = {
  version: 1,
  name: 'listings and settings',
  up(db) {
    db.exec(`
      CREATE TABLE listings (
        local_id            TEXT PRIMARY KEY,
        revision            INTEGER NOT NULL,
        status              TEXT NOT NULL DEFAULT 'draft',
        created_at          TEXT NOT NULL,
        updated_at          TEXT NOT NULL,
        -- formats.md §1, one column per field; nested values as JSON text.
        listing_id          TEXT,
        title               TEXT NOT NULL,
        type                TEXT NOT NULL,
        price_amount_fen    INTEGER NOT NULL,
        price_currency      TEXT NOT NULL,
        price_billing       TEXT NOT NULL,
        price_json          TEXT,          -- extra price fields beyond amount/currency/billing
        specs_json          TEXT,
        attributes_json     TEXT,
        summary             TEXT,
        description         TEXT NOT NULL,
        cases_json          TEXT,
        images_json         TEXT,
        official_site_json  TEXT,          -- NULL: absent; 'null': explicitly null; else the object
        delisting_strategy  TEXT,
        service_terms       TEXT,
        runs_on_jdcloud     INTEGER,       -- NULL, 0 or 1
        vendor_json         TEXT,
        extra_json          TEXT           -- fields a newer format added; kept so export round-trips
      );
      CREATE INDEX listings_updated_at ON listings (updated_at DESC);
      CREATE TABLE settings (
        key        TEXT PRIMARY KEY,
        value_json TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
    `);
  },
};
