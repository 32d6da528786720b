import type { Migration } from '../migrations';

/**
 * Delivery-callback tester (issue 13): the endpoint under test (its key lives in the secret
 * store, never here) and the history of runs with every check and exchange (tokens masked).
 */
export const migration0006: Migration = {
  version: 6,
  name: 'delivery-callback runs',
  up(db) {
    db.exec(`
      CREATE TABLE callback_endpoint (
        id                 INTEGER PRIMARY KEY CHECK (id = 1),
        url                TEXT NOT NULL,
        timeout_ms         INTEGER NOT NULL,
        retry_interval_ms  INTEGER NOT NULL,
        updated_at         TEXT NOT NULL
      );
      CREATE TABLE callback_runs (
        id                 INTEGER PRIMARY KEY AUTOINCREMENT,
        url                TEXT NOT NULL,
        started_at         TEXT NOT NULL,
        finished_at        TEXT,
        state              TEXT NOT NULL CHECK (state IN ('running', 'done', 'unreachable', 'failed')),
        timeout_ms         INTEGER NOT NULL,
        retry_interval_ms  INTEGER NOT NULL,
        pass               INTEGER NOT NULL DEFAULT 0,
        fail               INTEGER NOT NULL DEFAULT 0,
        skip               INTEGER NOT NULL DEFAULT 0,
        error              TEXT,
        checks_json        TEXT NOT NULL DEFAULT '[]'
      );
    `);
  },
};
