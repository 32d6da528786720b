/**
 * Service tickets (formats.md §3). SQL stays here; callers get engine-ready objects (epoch ms).
 * Keyed by the file's id, so importing the same id again replaces the stored ticket.
 */
import type { Ticket } from '../../../shared/sla/schema';
import type { RecordSource } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import type { Store } from '../db/database';

/** Where a record came from, and when (epoch ms). */
export interface Provenance {
  source: RecordSource;
  sourceAt: number;
  sourceFile: string | null;
}

export interface StoredTicket extends Provenance {
  id: string | number;
  kind: Ticket['kind'];
  openedAt: number;
  firstResponseAt: number | null;
  staff: string | undefined;
}

interface TicketRow {
  id: string;
  id_is_number: number;
  kind: Ticket['kind'];
  opened_at: number;
  first_response_at: number | null;
  staff: string | null;
  source: RecordSource;
  source_at: number;
  source_file: string | null;
}

/** File ids are strings or numbers; the key is their text, the flag restores the type. */
export const idKey = (id: string | number): string => String(id);
export const idValue = (key: string, isNumber: number): string | number => (isNumber ? Number(key) : key);

/**
 * Ids are keyed by their text, so a stored `1` (number) and an incoming `"1"` (text) would be one
 * record whose type silently flips. Refused, naming the field (`list[index].id`); called inside the
 * write transaction, so nothing is stored.
 */
export function assertIdTypesMatch(
  db: Store['db'],
  table: 'tickets' | 'deposit_ledger' | 'violations',
  list: string,
  ids: readonly (string | number)[],
): void {
  const stmt = db.prepare(`SELECT id_is_number FROM ${table} WHERE id = ?`);
  ids.forEach((id, index) => {
    const row = stmt.get(idKey(id)) as { id_is_number: number } | undefined;
    if (row && row.id_is_number !== (typeof id === 'number' ? 1 : 0)) {
      const path = `${list}[${index}].id`;
      const stored = row.id_is_number ? `数字 ${idKey(id)} / the number ${idKey(id)}` : `文本 "${idKey(id)}" / the text "${idKey(id)}"`;
      const message = `与已保存的编号冲突（${stored}）/ collides with a stored record's id (${stored.split(' / ')[1]}); use the same type`;
      throw new AppError('invalid-input', `${path}: ${message}`, [{ path, message }]);
    }
  });
}

/** Fields of a loose (passthrough) object beyond the known ones, as JSON, or null. */
export function extraJson(value: Record<string, unknown>, known: readonly string[]): string | null {
  const extra = Object.fromEntries(Object.entries(value).filter(([key]) => !known.includes(key)));
  return Object.keys(extra).length ? JSON.stringify(extra) : null;
}

const knownTicketFields = ['id', 'kind', 'openedAt', 'firstResponseAt', 'staff'] as const;

export interface UpsertCounts {
  inserted: number;
  updated: number;
}

export class TicketsRepository {
  constructor(private readonly store: Store) {}

  /** Earliest and latest opening time of the stored tickets (epoch ms), from the index; null when none. */
  openedSpan(): { first: number; last: number } | null {
    const row = this.store.db.prepare('SELECT MIN(opened_at) AS first, MAX(opened_at) AS last FROM tickets').get() as {
      first: number | null;
      last: number | null;
    };
    return row.first === null || row.last === null ? null : { first: row.first, last: row.last };
  }

  /** Inserts or replaces every ticket, all or nothing (one import file = one transaction). */
  upsertMany(tickets: readonly Ticket[], provenance: Provenance): UpsertCounts {
    return this.store.write((db) => {
      assertIdTypesMatch(db, 'tickets', 'tickets', tickets.map((t) => t.id));
      const exists = db.prepare('SELECT 1 FROM tickets WHERE id = ?');
      const upsert = db.prepare(`
        INSERT INTO tickets (id, id_is_number, kind, opened_at, first_response_at, staff, extra_json, source, source_at, source_file)
        VALUES (@id, @id_is_number, @kind, @opened_at, @first_response_at, @staff, @extra_json, @source, @source_at, @source_file)
        ON CONFLICT (id) DO UPDATE SET id_is_number = excluded.id_is_number, kind = excluded.kind,
          opened_at = excluded.opened_at, first_response_at = excluded.first_response_at, staff = excluded.staff,
          extra_json = excluded.extra_json, source = excluded.source, source_at = excluded.source_at,
          source_file = excluded.source_file`);
      const counts: UpsertCounts = { inserted: 0, updated: 0 };
      for (const ticket of tickets) {
        const id = idKey(ticket.id);
        if (exists.get(id)) counts.updated++;
        else counts.inserted++;
        upsert.run({
          id,
          id_is_number: typeof ticket.id === 'number' ? 1 : 0,
          kind: ticket.kind,
          opened_at: ticket.openedAt,
          first_response_at: ticket.firstResponseAt,
          staff: ticket.staff ?? null,
          extra_json: extraJson(ticket, knownTicketFields),
          source: provenance.source,
          source_at: provenance.sourceAt,
          source_file: provenance.sourceFile,
        });
      }
      return counts;
    });
  }

  list(): StoredTicket[] {
    const rows = this.store.db.prepare('SELECT * FROM tickets ORDER BY opened_at, id').all() as TicketRow[];
    return rows.map((row) => ({
      id: idValue(row.id, row.id_is_number),
      kind: row.kind,
      openedAt: row.opened_at,
      firstResponseAt: row.first_response_at,
      staff: row.staff ?? undefined,
      source: row.source,
      sourceAt: row.source_at,
      sourceFile: row.source_file,
    }));
  }

  get(id: string | number): StoredTicket | undefined {
    return this.list().find((t) => idKey(t.id) === idKey(id));
  }

  count(): number {
    return (this.store.db.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number }).n;
  }
}
