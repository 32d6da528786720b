import type { Migration } from '../migrations';

/**
 * Marketplace sync (issue 10).
 *
 * - `sync_state`: one row — the change-feed cursor, the time of the last complete pull and the
 *   connection (endpoint, region; the keys live in the secret store, never here).
 * - `sync_remote`: the server's copy of every resource the feed delivered (vendor profile,
 *   listings, orders, tickets, ledger entries, violations, rule packs), version-gated. The
 *   per-feature tables below are projections of it.
 * - `sync_listing_links`: a local listing draft ↔ its marketplace listing, with the remote review
 *   state, reviewer comments and version beside the draft; `base_version` is the server version
 *   the local draft is based on (what If-Match sends).
 * - `orders`: synced orders (they feed the jd-store-2021 delayed-shipment points).
 * - `sync_outbox`: user actions waiting for the marketplace; the idempotency key is made when the
 *   entry is queued and reused on every retry, across restarts.
 */
export const migration0007: Migration = {
  version: 7,
  name: 'marketplace sync: cursor, remote records, orders, outbox',
  up(db) {
    db.exec(`
      CREATE TABLE sync_state (
        id                  INTEGER PRIMARY KEY CHECK (id = 1),
        endpoint            TEXT,
        region              TEXT,
        cursor              TEXT,               -- NULL: from the beginning of the feed
        last_pull_at        TEXT,               -- ISO with offset: the last complete pull
        last_error          TEXT,
        interval_seconds    INTEGER NOT NULL DEFAULT 60,  -- the scheduler's pull interval (a setting)
        updated_at          TEXT NOT NULL
      );
      INSERT INTO sync_state (id, updated_at) VALUES (1, '1970-01-01T00:00:00.000Z');

      CREATE TABLE sync_remote (
        resource_type       TEXT NOT NULL,      -- vendor | listing | order | ticket | ledgerEntry | violation | rulePack
        resource_id         TEXT NOT NULL,
        version             INTEGER NOT NULL,
        data_json           TEXT NOT NULL,
        changed_at          TEXT NOT NULL,
        pulled_at           INTEGER NOT NULL,
        PRIMARY KEY (resource_type, resource_id)
      );
      -- Tombstones: the highest deleted version, so an older upsert cannot resurrect a record.
      CREATE TABLE sync_tombstones (
        resource_type       TEXT NOT NULL,
        resource_id         TEXT NOT NULL,
        version             INTEGER NOT NULL,
        PRIMARY KEY (resource_type, resource_id)
      );

      CREATE TABLE sync_listing_links (
        local_id            TEXT PRIMARY KEY,   -- listings.local_id (no FK: deleting a draft keeps its outbox history)
        remote_id           TEXT UNIQUE,        -- NULL until the create reached the server
        base_version        INTEGER,            -- the server version the local draft is based on
        remote_version      INTEGER,            -- the newest server version seen
        review_state        TEXT,
        review_comments_json TEXT,
        remote_draft_json   TEXT,
        updated_at          TEXT NOT NULL
      );

      CREATE TABLE orders (
        id                  TEXT PRIMARY KEY,
        listing_id          TEXT NOT NULL,
        type                TEXT NOT NULL,
        amount_fen          INTEGER NOT NULL,
        purchased_at        INTEGER NOT NULL,
        service_confirmed_at INTEGER,
        warranty_ends_at    INTEGER,
        waybill_uploaded_at INTEGER,            -- jd-store-2021 delayed shipment (when the server gives it)
        picked_up_at        INTEGER,
        data_json           TEXT NOT NULL,
        version             INTEGER NOT NULL,
        source              TEXT NOT NULL CHECK (source IN ('import', 'manual', 'sync')),
        source_at           INTEGER NOT NULL
      );
      CREATE INDEX orders_purchased_at ON orders (purchased_at);

      CREATE TABLE sync_outbox (
        id                  INTEGER PRIMARY KEY AUTOINCREMENT,
        resource            TEXT NOT NULL CHECK (resource IN ('listing', 'ticket')),
        resource_id         TEXT NOT NULL,      -- listing: the local id; ticket: the marketplace id
        op                  TEXT NOT NULL CHECK (op IN ('create', 'update', 'submit', 'delete', 'respond')),
        payload_json        TEXT,
        base_version        INTEGER,            -- If-Match; NULL: the version left by the entry before
        idempotency_key     TEXT NOT NULL UNIQUE,
        state               TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'conflict', 'failed', 'discarded')),
        attempts            INTEGER NOT NULL DEFAULT 0,
        last_error          TEXT,
        next_attempt_at     INTEGER NOT NULL DEFAULT 0,
        server_json         TEXT,               -- conflict: the server's version
        result_json         TEXT,               -- sent: what the server answered (id, version)
        created_at          TEXT NOT NULL,
        updated_at          TEXT NOT NULL
      );
      CREATE INDEX sync_outbox_state ON sync_outbox (state, resource, resource_id, id);
    `);
  },
};
