/**
 * The outbox: user actions waiting for the marketplace. An entry is written in the same
 * transaction as the local change it stands for; its idempotency key is made here, once, and
 * sent with every attempt, so a retry — also after a crash or restart — is the same mutation.
 * Entries are never removed: sent ones keep the server's answer, discarded ones say why.
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';

export type OutboxState = 'pending' | 'sent' | 'conflict' | 'failed' | 'discarded';
export type OutboxResource = 'listing' | 'ticket';
export type OutboxOp = 'create' | 'update' | 'submit' | 'delete' | 'respond';

export interface OutboxEntry {
  id: number;
  resource: OutboxResource;
  resourceId: string;
  op: OutboxOp;
  payload: Record<string, unknown> | null;
  baseVersion: number | null;
  idempotencyKey: string;
  state: OutboxState;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: number;
  server: Record<string, unknown> | null;
  result: Record<string, unknown> | null;
  createdAt: string;
  updatedAt: string;
}

interface Row {
  id: number;
  resource: OutboxResource;
  resource_id: string;
  op: OutboxOp;
  payload_json: string | null;
  base_version: number | null;
  idempotency_key: string;
  state: OutboxState;
  attempts: number;
  last_error: string | null;
  next_attempt_at: number;
  server_json: string | null;
  result_json: string | null;
  created_at: string;
  updated_at: string;
}

const parse = (text: string | null) => (text === null ? null : (JSON.parse(text) as Record<string, unknown>));

function toEntry(r: Row): OutboxEntry {
  return {
    id: r.id,
    resource: r.resource,
    resourceId: r.resource_id,
    op: r.op,
    payload: parse(r.payload_json),
    baseVersion: r.base_version,
    idempotencyKey: r.idempotency_key,
    state: r.state,
    attempts: r.attempts,
    lastError: r.last_error,
    nextAttemptAt: r.next_attempt_at,
    server: parse(r.server_json),
    result: parse(r.result_json),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export const newIdempotencyKey = (): string => `vd-${randomUUID()}`;

export class Outbox {
  constructor(
    private readonly db: () => Database.Database,
    private readonly nowIso: () => string,
  ) {}

  /** Call inside the transaction that makes the local change. */
  enqueue(entry: {
    resource: OutboxResource;
    resourceId: string;
    op: OutboxOp;
    payload?: unknown;
    baseVersion?: number | null;
  }): OutboxEntry {
    const now = this.nowIso();
    const result = this.db()
      .prepare(
        `INSERT INTO sync_outbox (resource, resource_id, op, payload_json, base_version, idempotency_key, state, attempts, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?)`,
      )
      .run(
        entry.resource,
        entry.resourceId,
        entry.op,
        entry.payload === undefined ? null : JSON.stringify(entry.payload),
        entry.baseVersion ?? null,
        newIdempotencyKey(),
        now,
        now,
      );
    return this.get(Number(result.lastInsertRowid))!;
  }

  get(id: number): OutboxEntry | null {
    const row = this.db().prepare('SELECT * FROM sync_outbox WHERE id = ?').get(id) as Row | undefined;
    return row ? toEntry(row) : null;
  }

  list(states?: readonly OutboxState[]): OutboxEntry[] {
    const rows = states
      ? (this.db()
          .prepare(
            `SELECT * FROM sync_outbox WHERE state IN (${states.map(() => '?').join(', ')}) ORDER BY id`,
          )
          .all(...states) as Row[])
      : (this.db().prepare('SELECT * FROM sync_outbox ORDER BY id').all() as Row[]);
    return rows.map(toEntry);
  }

  /** Entries that may go out now: the oldest unsettled entry of each resource, when pending and due. */
  ready(nowMs: number): OutboxEntry[] {
    const seen = new Set<string>();
    const ready: OutboxEntry[] = [];
    for (const entry of this.list(['pending', 'conflict', 'failed'])) {
      const key = `${entry.resource}:${entry.resourceId}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (entry.state === 'pending' && entry.nextAttemptAt <= nowMs) ready.push(entry);
    }
    return ready;
  }

  counts(): Record<OutboxState, number> {
    const rows = this.db()
      .prepare('SELECT state, count(*) AS n FROM sync_outbox GROUP BY state')
      .all() as Array<{ state: OutboxState; n: number }>;
    const counts: Record<OutboxState, number> = { pending: 0, sent: 0, conflict: 0, failed: 0, discarded: 0 };
    for (const r of rows) counts[r.state] = r.n;
    return counts;
  }

  update(
    id: number,
    patch: Partial<{
      state: OutboxState;
      attempts: number;
      lastError: string | null;
      nextAttemptAt: number;
      server: unknown;
      result: unknown;
      baseVersion: number | null;
      payload: unknown;
      newKey: boolean;
    }>,
  ): void {
    const sets: string[] = ['updated_at = @now'];
    const params: Record<string, unknown> = { id, now: this.nowIso() };
    const col = (name: string, value: unknown) => {
      sets.push(`${name} = @${name}`);
      params[name] = value;
    };
    if (patch.state !== undefined) col('state', patch.state);
    if (patch.attempts !== undefined) col('attempts', patch.attempts);
    if (patch.lastError !== undefined) col('last_error', patch.lastError);
    if (patch.nextAttemptAt !== undefined) col('next_attempt_at', patch.nextAttemptAt);
    if (patch.server !== undefined)
      col('server_json', patch.server === null ? null : JSON.stringify(patch.server));
    if (patch.result !== undefined)
      col('result_json', patch.result === null ? null : JSON.stringify(patch.result));
    if (patch.baseVersion !== undefined) col('base_version', patch.baseVersion);
    if (patch.payload !== undefined)
      col('payload_json', patch.payload === null ? null : JSON.stringify(patch.payload));
    // A new key only for a new request (re-based or edited after a definite refusal): the old
    // key's answer is remembered by the server and would be replayed.
    if (patch.newKey) col('idempotency_key', newIdempotencyKey());
    this.db()
      .prepare(`UPDATE sync_outbox SET ${sets.join(', ')} WHERE id = @id`)
      .run(params);
  }
}
