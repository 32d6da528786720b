/**
 * Alerts raised by the scheduler. The unique (kind, record_id, deadline) key is the memory that
 * survives a restart: inserting an alert that was already raised changes nothing, and only alerts
 * that were actually inserted are delivered.
 */
import { alertMessageSchema, type AlertKind, type AlertMessage } from '../../../shared/ipc/contract';
import type { Store } from '../db/database';

export interface AlertDraft {
  kind: AlertKind;
  recordId: string;
  /** epoch ms */
  deadline: number;
  /** The words at the moment it was raised (the fallback when `message` cannot be read). */
  title: string;
  body: string;
  /** What it says as code and parameters, worded when shown; null for rows older than 0009. */
  message: AlertMessage | null;
  route: string;
}

export interface StoredAlert extends AlertDraft {
  id: number;
  createdAt: number;
}

interface AlertRow {
  id: number;
  kind: AlertKind;
  record_id: string;
  deadline: number;
  title: string;
  body: string;
  message_json: string | null;
  route: string;
  created_at: number;
}

const toStored = (row: AlertRow): StoredAlert => ({
  id: row.id,
  kind: row.kind,
  recordId: row.record_id,
  deadline: row.deadline,
  title: row.title,
  body: row.body,
  message: messageOf(row.message_json),
  route: row.route,
  createdAt: row.created_at,
});

/** A stored message that no longer parses (a newer or damaged row) shows the stored words. */
function messageOf(json: string | null): AlertMessage | null {
  if (json === null) return null;
  try {
    const parsed = alertMessageSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The identity of an alert: one per record and deadline, ever. */
export const alertKey = (a: Pick<AlertDraft, 'kind' | 'recordId' | 'deadline'>): string =>
  `${a.kind}\u0000${a.recordId}\u0000${a.deadline}`;

export class AlertsRepository {
  constructor(private readonly store: Store) {}

  /** Keys of every alert raised since `sinceMs` (deadline), for the scheduler's duplicate check. */
  keysSince(sinceMs: number): Set<string> {
    const rows = this.store.db
      .prepare('SELECT kind, record_id, deadline FROM alerts WHERE deadline >= ?')
      .all(sinceMs) as Pick<AlertRow, 'kind' | 'record_id' | 'deadline'>[];
    return new Set(rows.map((r) => alertKey({ kind: r.kind, recordId: r.record_id, deadline: r.deadline })));
  }

  /** Inserts the drafts not raised before; returns those that are new. */
  insertNew(drafts: readonly AlertDraft[], now: number): StoredAlert[] {
    if (drafts.length === 0) return [];
    return this.store.write((db) => {
      const insert = db.prepare(
        `INSERT INTO alerts (kind, record_id, deadline, title, body, message_json, route, created_at)
         VALUES (@kind, @recordId, @deadline, @title, @body, @messageJson, @route, @createdAt)
         ON CONFLICT (kind, record_id, deadline) DO NOTHING`,
      );
      const inserted: StoredAlert[] = [];
      for (const draft of drafts) {
        const { message, ...row } = draft;
        const messageJson = message === null ? null : JSON.stringify(message);
        const result = insert.run({ ...row, messageJson, createdAt: now });
        if (result.changes > 0)
          inserted.push({ ...draft, id: Number(result.lastInsertRowid), createdAt: now });
      }
      return inserted;
    });
  }

  /** Alerts with id > afterId, oldest first (at most `limit`, the newest ones). */
  after(afterId: number, limit = 50): StoredAlert[] {
    const rows = this.store.db
      .prepare('SELECT * FROM alerts WHERE id > ? ORDER BY id DESC LIMIT ?')
      .all(afterId, limit) as AlertRow[];
    return rows.reverse().map(toStored);
  }

  countCreatedSince(ms: number): number {
    return (
      this.store.db.prepare('SELECT count(*) AS n FROM alerts WHERE created_at > ?').get(ms) as { n: number }
    ).n;
  }
}
