import type { Migration } from '../migrations';

/**
 * Tickets, deposit ledger, violations and alerts (issue 7).
 *
 * Primary key = the id in the vendor's file (formats.md §3–5), so importing the same id again
 * updates the row. Ids may be strings or numbers in files; `id` holds the text and `id_is_number`
 * lets export and the engines give back the same JSON type. Instants are epoch milliseconds
 * (what the engines compute with), money is integer fen. Every row remembers where it came from.
 */
export const migration0003: Migration = {
  version: 3,
  name: 'tickets, deposit ledger, violations, alerts',
  up(db) {
    db.exec(`
      CREATE TABLE tickets (
        id                  TEXT PRIMARY KEY,
        id_is_number        INTEGER NOT NULL DEFAULT 0,
        kind                TEXT NOT NULL,
        opened_at           INTEGER NOT NULL,
        first_response_at   INTEGER,
        staff               TEXT,
        extra_json          TEXT,          -- fields beyond §3, kept as they came
        source              TEXT NOT NULL CHECK (source IN ('import', 'manual', 'sync')),
        source_at           INTEGER NOT NULL,
        source_file         TEXT
      );
      CREATE INDEX tickets_opened_at ON tickets (opened_at);

      CREATE TABLE deposit_account (
        id                  INTEGER PRIMARY KEY CHECK (id = 1),
        required_fen        INTEGER NOT NULL,   -- the ledger file's "required" (before any requirement entry)
        source              TEXT NOT NULL,
        source_at           INTEGER NOT NULL
      );

      CREATE TABLE deposit_ledger (
        id                  TEXT PRIMARY KEY,
        id_is_number        INTEGER NOT NULL DEFAULT 0,
        seq                 INTEGER NOT NULL,   -- file order, for entries at the same instant
        at                  INTEGER NOT NULL,
        type                TEXT NOT NULL,      -- payment | top-up | deduction | withdrawal | requirement
        amount_fen          INTEGER NOT NULL,
        reason              TEXT,
        extra_json          TEXT,
        source              TEXT NOT NULL CHECK (source IN ('import', 'manual', 'sync')),
        source_at           INTEGER NOT NULL,
        source_file         TEXT
      );
      CREATE INDEX deposit_ledger_at ON deposit_ledger (at, seq);

      CREATE TABLE violations (
        id                  TEXT PRIMARY KEY,
        id_is_number        INTEGER NOT NULL DEFAULT 0,
        policy              TEXT NOT NULL,
        code                TEXT NOT NULL,
        occurred_at         INTEGER NOT NULL,
        decided_at          INTEGER,
        points              INTEGER,
        freeze_json         TEXT,               -- override: days or "expel"
        deduction_json      TEXT,               -- override: yuan or "all"
        appeal_state        TEXT NOT NULL DEFAULT 'none',
        appeal_note         TEXT,
        appeal_at           INTEGER,
        extra_json          TEXT,
        source              TEXT NOT NULL CHECK (source IN ('import', 'manual', 'sync')),
        source_at           INTEGER NOT NULL,
        source_file         TEXT,
        first_seen_at       INTEGER NOT NULL    -- unchanged by re-import: "a new violation arrived"
      );

      -- One row per alert ever raised; the unique key is what makes a restart never repeat one.
      CREATE TABLE alerts (
        id                  INTEGER PRIMARY KEY AUTOINCREMENT,
        kind                TEXT NOT NULL,
        record_id           TEXT NOT NULL,
        deadline            INTEGER NOT NULL,
        title               TEXT NOT NULL,
        body                TEXT NOT NULL,
        route               TEXT NOT NULL,
        created_at          INTEGER NOT NULL,
        UNIQUE (kind, record_id, deadline)
      );
    `);
  },
};
