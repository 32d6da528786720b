/**
 * Numbered migrations, applied in order at start-up inside one transaction; `PRAGMA user_version`
 * records the last one applied. Never edit a shipped migration: add the next number.
 */
import type Database from 'better-sqlite3';
import { migration0001 } from './migrations/0001-listings-settings';
import { migration0002 } from './migrations/0002-check-runs';
import { migration0003 } from './migrations/0003-compliance';
import { migration0004 } from './migrations/0004-listing-check-summary';
import { migration0005 } from './migrations/0005-finding-dismissals';
import { migration0006 } from './migrations/0006-callback-runs';
import { migration0007 } from './migrations/0007-sync';
import { migration0008 } from './migrations/0008-scale-indexes';
import { migration0009 } from './migrations/0009-bulk-writes';
import { migration0010 } from './migrations/0010-rule-packs';
import { migration0011 } from './migrations/0011-alert-messages';
import { migration0012 } from './migrations/0012-tickets-fewer-indexes';
import { migration0013 } from './migrations/0013-violations-version';
import { migration0014 } from './migrations/0014-policy-packs';

export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}

/** Add a file under migrations/ with the next number and list it here. */
export const migrations: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007,
  migration0008,
  migration0009,
  migration0010,
  migration0011,
  migration0012,
  migration0013,
  migration0014,
];

export const latestSchemaVersion = migrations.at(-1)?.version ?? 0;

/** Applies every migration above the database's user_version, all or nothing. */
export function migrate(db: Database.Database): { from: number; to: number } {
  const from = db.pragma('user_version', { simple: true }) as number;
  const pending = migrations.filter((m) => m.version > from);
  if (pending.length === 0) return { from, to: from };
  db.transaction(() => {
    for (const migration of pending) {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    }
  })();
  return { from, to: latestSchemaVersion };
}
