/**
 * The sandbox marketplace's own SQLite file. Resources are JSON documents (one table for all
 * kinds, keyed by vendor, type and id) so the store stays as small as the API is wide. The
 * change feed is a compacted log: each write moves the resource to a new, higher sequence
 * number, so a cursor (a sequence number) stays valid across restarts on the same file.
 */
import Database from 'better-sqlite3';
import type { ResourceType } from '../shared/api/schemas';

export interface StoredResource {
  type: ResourceType;
  id: string;
  version: number;
  deleted: boolean;
  data: Record<string, unknown>;
}

export interface StoredChange {
  seq: number;
  type: ResourceType;
  id: string;
  version: number;
  deleted: boolean;
  at: string;
  data: Record<string, unknown> | null;
}

export interface Credential {
  accessKey: string;
  secretKey: string;
  vendorId: string;
}

export interface IdempotentResponse {
  requestHash: string;
  status: number;
  body: string;
  headers: Record<string, string>;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS credentials (access_key TEXT PRIMARY KEY, secret_key TEXT NOT NULL, vendor_id TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS resources (
  vendor_id TEXT NOT NULL, type TEXT NOT NULL, id TEXT NOT NULL,
  version INTEGER NOT NULL, deleted INTEGER NOT NULL DEFAULT 0,
  sort_key TEXT NOT NULL, seq INTEGER NOT NULL, data TEXT NOT NULL,
  PRIMARY KEY (vendor_id, type, id)
);
CREATE INDEX IF NOT EXISTS resources_list ON resources (vendor_id, type, deleted, sort_key, id);
CREATE INDEX IF NOT EXISTS resources_feed ON resources (vendor_id, seq);
CREATE TABLE IF NOT EXISTS sequence (id INTEGER PRIMARY KEY CHECK (id = 1), value INTEGER NOT NULL);
INSERT OR IGNORE INTO sequence (id, value) VALUES (1, 0);
CREATE TABLE IF NOT EXISTS nonces (access_key TEXT NOT NULL, nonce TEXT NOT NULL, seen_at INTEGER NOT NULL, PRIMARY KEY (access_key, nonce));
CREATE TABLE IF NOT EXISTS idempotency (
  vendor_id TEXT NOT NULL, key TEXT NOT NULL, request_hash TEXT NOT NULL,
  status INTEGER NOT NULL, body TEXT NOT NULL, headers TEXT NOT NULL, created_at INTEGER NOT NULL,
  PRIMARY KEY (vendor_id, key)
);
`;

export class SandboxStore {
  readonly db: Database.Database;

  /** Prepared statements by SQL text: preparing is the slow part of a small query. */
  private readonly statements = new Map<string, Database.Statement>();

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(SCHEMA);
  }

  close(): void {
    this.db.close();
  }

  private sql(text: string): Database.Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  getMeta(key: string): string | null {
    const row = this.sql('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value ?? null;
  }

  setMeta(key: string, value: string): void {
    this.sql(
      'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
    ).run(key, value);
  }

  addCredential(c: Credential): void {
    this.sql('INSERT OR REPLACE INTO credentials (access_key, secret_key, vendor_id) VALUES (?, ?, ?)').run(
      c.accessKey,
      c.secretKey,
      c.vendorId,
    );
  }

  credential(accessKey: string): Credential | null {
    const row = this.sql(
      'SELECT access_key, secret_key, vendor_id FROM credentials WHERE access_key = ?',
    ).get(accessKey) as { access_key: string; secret_key: string; vendor_id: string } | undefined;
    return row ? { accessKey: row.access_key, secretKey: row.secret_key, vendorId: row.vendor_id } : null;
  }

  credentials(): Credential[] {
    const rows = this.sql(
      'SELECT access_key, secret_key, vendor_id FROM credentials ORDER BY rowid',
    ).all() as Array<{
      access_key: string;
      secret_key: string;
      vendor_id: string;
    }>;
    return rows.map((r) => ({ accessKey: r.access_key, secretKey: r.secret_key, vendorId: r.vendor_id }));
  }

  private nextSeq(): number {
    const row = this.sql('UPDATE sequence SET value = value + 1 WHERE id = 1 RETURNING value').get() as {
      value: number;
    };
    return row.value;
  }

  get(vendorId: string, type: ResourceType, id: string): StoredResource | null {
    const row = this.sql(
      'SELECT type, id, version, deleted, data FROM resources WHERE vendor_id = ? AND type = ? AND id = ?',
    ).get(vendorId, type, id) as
      { type: ResourceType; id: string; version: number; deleted: number; data: string } | undefined;
    return row
      ? {
          type: row.type,
          id: row.id,
          version: row.version,
          deleted: row.deleted === 1,
          data: JSON.parse(row.data) as Record<string, unknown>,
        }
      : null;
  }

  /**
   * Writes a resource (insert or replace) and moves it to the head of the change feed.
   * `data.version` is set to the new version. Returns the stored document.
   */
  put(
    vendorId: string,
    type: ResourceType,
    id: string,
    data: Record<string, unknown>,
    sortKey: string,
  ): Record<string, unknown> {
    const current = this.sql('SELECT version FROM resources WHERE vendor_id = ? AND type = ? AND id = ?').get(
      vendorId,
      type,
      id,
    ) as { version: number } | undefined;
    const version = (current?.version ?? 0) + 1;
    const doc = { ...data, version };
    this.sql(
      `INSERT INTO resources (vendor_id, type, id, version, deleted, sort_key, seq, data) VALUES (?, ?, ?, ?, 0, ?, ?, ?)
         ON CONFLICT(vendor_id, type, id) DO UPDATE SET version = excluded.version, deleted = 0, sort_key = excluded.sort_key, seq = excluded.seq, data = excluded.data`,
    ).run(vendorId, type, id, version, sortKey, this.nextSeq(), JSON.stringify(doc));
    return doc;
  }

  /** Marks a resource deleted: it leaves listings and becomes a tombstone in the change feed. */
  remove(vendorId: string, type: ResourceType, id: string, at: string): void {
    const current = this.get(vendorId, type, id);
    if (!current || current.deleted) return;
    const tombstone = { deletedAt: at, version: current.version + 1 };
    this.sql(
      'UPDATE resources SET deleted = 1, version = ?, seq = ?, data = ? WHERE vendor_id = ? AND type = ? AND id = ?',
    ).run(current.version + 1, this.nextSeq(), JSON.stringify(tombstone), vendorId, type, id);
  }

  list(
    vendorId: string,
    type: ResourceType,
    pageNumber: number,
    pageSize: number,
    filter?: { jsonPath: string; value: string },
  ) {
    const where = `vendor_id = ? AND type = ? AND deleted = 0${filter ? ' AND json_extract(data, ?) = ?' : ''}`;
    const args: unknown[] = filter ? [vendorId, type, filter.jsonPath, filter.value] : [vendorId, type];
    const total = (
      this.sql(`SELECT count(*) AS n FROM resources WHERE ${where}`).get(...args) as { n: number }
    ).n;
    const rows = this.sql(
      `SELECT data FROM resources WHERE ${where} ORDER BY sort_key DESC, id DESC LIMIT ? OFFSET ?`,
    ).all(...args, pageSize, (pageNumber - 1) * pageSize) as Array<{ data: string }>;
    return { items: rows.map((r) => JSON.parse(r.data) as Record<string, unknown>), totalCount: total };
  }

  /** All live resources of a type, oldest sort key first (for simulation steps). */
  all(
    vendorId: string,
    type: ResourceType,
    filter?: { jsonPath: string; value: string },
  ): Array<Record<string, unknown>> {
    const rows = this.sql(
      `SELECT data FROM resources WHERE vendor_id = ? AND type = ? AND deleted = 0${filter ? ' AND json_extract(data, ?) = ?' : ''} ORDER BY sort_key, id`,
    ).all(...(filter ? [vendorId, type, filter.jsonPath, filter.value] : [vendorId, type])) as Array<{
      data: string;
    }>;
    return rows.map((r) => JSON.parse(r.data) as Record<string, unknown>);
  }

  changesAfter(vendorId: string, afterSeq: number, limit: number): StoredChange[] {
    const rows = this.sql(
      'SELECT type, id, version, deleted, seq, data FROM resources WHERE vendor_id = ? AND seq > ? ORDER BY seq LIMIT ?',
    ).all(vendorId, afterSeq, limit) as Array<{
      type: ResourceType;
      id: string;
      version: number;
      deleted: number;
      seq: number;
      data: string;
    }>;
    return rows.map((r) => {
      const data = JSON.parse(r.data) as Record<string, unknown>;
      const deleted = r.deleted === 1;
      return {
        seq: r.seq,
        type: r.type,
        id: r.id,
        version: r.version,
        deleted,
        at: String(deleted ? data.deletedAt : (data.updatedAt ?? data.at ?? data.publishedAt ?? '')),
        data: deleted ? null : data,
      };
    });
  }

  /** Records a nonce; false when it was already used by this key (a replay). */
  useNonce(accessKey: string, nonce: string, nowMs: number, keepMs: number): boolean {
    this.sql('DELETE FROM nonces WHERE seen_at < ?').run(nowMs - keepMs);
    const result = this.sql('INSERT OR IGNORE INTO nonces (access_key, nonce, seen_at) VALUES (?, ?, ?)').run(
      accessKey,
      nonce,
      nowMs,
    );
    return result.changes === 1;
  }

  idempotent(vendorId: string, key: string): IdempotentResponse | null {
    const row = this.sql(
      'SELECT request_hash, status, body, headers FROM idempotency WHERE vendor_id = ? AND key = ?',
    ).get(vendorId, key) as
      { request_hash: string; status: number; body: string; headers: string } | undefined;
    return row
      ? {
          requestHash: row.request_hash,
          status: row.status,
          body: row.body,
          headers: JSON.parse(row.headers) as Record<string, string>,
        }
      : null;
  }

  saveIdempotent(vendorId: string, key: string, response: IdempotentResponse, nowMs: number): void {
    this.sql(
      'INSERT INTO idempotency (vendor_id, key, request_hash, status, body, headers, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ).run(
      vendorId,
      key,
      response.requestHash,
      response.status,
      response.body,
      JSON.stringify(response.headers),
      nowMs,
    );
  }
}
