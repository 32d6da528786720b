/**
 * The deposit ledger (formats.md §4): the opening requirement and the entries, money in fen.
 * Keyed by the entry id; re-import of the same id replaces the entry and keeps its file order.
 */
import type { DepositEntry, DepositEntryType } from '../../../shared/deposit/schema';
import type { Store } from '../db/database';
import {
  assertIdTypesMatch,
  containsPattern,
  extraJson,
  idKey,
  idValue,
  type Provenance,
  type UpsertCounts,
} from './tickets-repository';

export interface StoredLedgerEntry extends Provenance {
  id: string | number;
  at: number;
  type: DepositEntryType;
  /** yuan */
  amount: number;
  reason: string | null;
}

interface EntryRow {
  id: string;
  id_is_number: number;
  at: number;
  type: DepositEntryType;
  amount_fen: number;
  reason: string | null;
  source: Provenance['source'];
  source_at: number;
  source_file: string | null;
}

const knownEntryFields = ['id', 'at', 'type', 'amount', 'reason'] as const;
const toFen = (yuan: number): number => Math.round(yuan * 100);

export class DepositLedgerRepository {
  constructor(private readonly store: Store) {}

  /** The opening requirement (yuan), or null before any ledger was imported or set. */
  required(): number | null {
    const row = this.store.db.prepare('SELECT required_fen FROM deposit_account WHERE id = 1').get() as
      { required_fen: number } | undefined;
    return row ? row.required_fen / 100 : null;
  }

  setRequired(yuan: number, provenance: Pick<Provenance, 'source' | 'sourceAt'>): void {
    this.store.write((db) =>
      db
        .prepare(
          `INSERT INTO deposit_account (id, required_fen, source, source_at) VALUES (1, ?, ?, ?)
           ON CONFLICT (id) DO UPDATE SET required_fen = excluded.required_fen, source = excluded.source, source_at = excluded.source_at`,
        )
        .run(toFen(yuan), provenance.source, provenance.sourceAt),
    );
  }

  /** One ledger file: its requirement (when given) and entries, all or nothing. */
  upsertMany(entries: readonly DepositEntry[], provenance: Provenance, required?: number): UpsertCounts {
    return this.store.write((db) => {
      assertIdTypesMatch(
        db,
        'deposit_ledger',
        'entries',
        entries.map((e) => e.id),
      );
      if (required !== undefined) this.setRequired(required, provenance);
      const existing = db.prepare('SELECT seq FROM deposit_ledger WHERE id = ?');
      const nextSeq = db.prepare('SELECT coalesce(max(seq), 0) + 1 AS seq FROM deposit_ledger');
      const upsert = db.prepare(`
        INSERT INTO deposit_ledger (id, id_is_number, seq, at, type, amount_fen, reason, extra_json, source, source_at, source_file)
        VALUES (@id, @id_is_number, @seq, @at, @type, @amount_fen, @reason, @extra_json, @source, @source_at, @source_file)
        ON CONFLICT (id) DO UPDATE SET id_is_number = excluded.id_is_number, at = excluded.at, type = excluded.type,
          amount_fen = excluded.amount_fen, reason = excluded.reason, extra_json = excluded.extra_json,
          source = excluded.source, source_at = excluded.source_at, source_file = excluded.source_file`);
      const counts: UpsertCounts = { inserted: 0, updated: 0 };
      for (const entry of entries) {
        const id = idKey(entry.id);
        const row = existing.get(id) as { seq: number } | undefined;
        if (row) counts.updated++;
        else counts.inserted++;
        upsert.run({
          id,
          id_is_number: typeof entry.id === 'number' ? 1 : 0,
          seq: row?.seq ?? (nextSeq.get() as { seq: number }).seq,
          at: entry.at,
          type: entry.type,
          amount_fen: toFen(entry.amount),
          reason: entry.reason ?? null,
          extra_json: extraJson(entry, knownEntryFields),
          source: provenance.source,
          source_at: provenance.sourceAt,
          source_file: provenance.sourceFile,
        });
      }
      return counts;
    });
  }

  /** Entries in the order the engine's tie-break expects (time, then file order). */
  list(): StoredLedgerEntry[] {
    const rows = this.store.db.prepare('SELECT * FROM deposit_ledger ORDER BY at, seq').all() as EntryRow[];
    return rows.map(toStored);
  }

  /**
   * One page of the ledger table (issue 17), in list() order: `query` matches part of the id or
   * the reason, or is one of `types` (the entry types whose name the caller matched).
   */
  page(query: LedgerPageQuery): { rows: StoredLedgerEntry[]; total: number } {
    const text = query.query?.trim() ?? '';
    const types = query.types ?? [];
    const where = text
      ? `WHERE id LIKE @p ESCAPE '\\' OR reason LIKE @p ESCAPE '\\'${types.length ? ` OR type IN (${types.map((_, i) => `@t${i}`).join(', ')})` : ''}`
      : '';
    const params: Record<string, unknown> = text ? { p: containsPattern(text) } : {};
    types.forEach((type, i) => (params[`t${i}`] = type));
    const rows = this.store.db
      .prepare(`SELECT * FROM deposit_ledger ${where} ORDER BY at, seq LIMIT @limit OFFSET @offset`)
      .all({ ...params, limit: query.limit, offset: query.offset }) as EntryRow[];
    const total = (
      this.store.db.prepare(`SELECT count(*) AS n FROM deposit_ledger ${where}`).get(params) as { n: number }
    ).n;
    return { rows: rows.map(toStored), total };
  }
}

export interface LedgerPageQuery {
  offset: number;
  limit: number;
  query?: string | undefined;
  types?: readonly DepositEntryType[] | undefined;
}

function toStored(row: EntryRow): StoredLedgerEntry {
  return {
    id: idValue(row.id, row.id_is_number),
    at: row.at,
    type: row.type,
    amount: row.amount_fen / 100,
    reason: row.reason,
    source: row.source,
    sourceAt: row.source_at,
    sourceFile: row.source_file,
  };
}
