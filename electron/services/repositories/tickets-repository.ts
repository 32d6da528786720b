/**
 * Service tickets (formats.md §3). SQL stays here; callers get engine-ready objects (epoch ms).
 * Keyed by the file's id, so importing the same id again replaces the stored ticket.
 */
import {
  beijingDayIndex,
  beijingDayStart,
  dateStringOfDay,
  formatBeijingIso,
} from '../../../shared/calendar/beijing';
import { ticketKinds, type TicketKind } from '../../../shared/policy/schema';
import {
  slaStatusOf,
  type ComplianceRow,
  type SlaEvaluator,
  type SlaStatus,
  type SlaSummaryReport,
  type StatusCounts,
} from '../../../shared/sla/compute';
import type { Ticket } from '../../../shared/sla/schema';
import type Database from 'better-sqlite3';
import type { RecordSource } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import { chunksOf, paramRow, placeholders, valuesRows } from '../db/bulk-sql';
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

/** A LIKE pattern matching `text` anywhere, its wildcards taken literally (use with ESCAPE '\\'). */
export const containsPattern = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

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
      const stored = row.id_is_number
        ? `数字 ${idKey(id)} / the number ${idKey(id)}`
        : `文本 "${idKey(id)}" / the text "${idKey(id)}"`;
      const message = `与已保存的编号冲突（${stored}）/ collides with a stored record's id (${stored.split(' / ')[1]}); use the same type`;
      throw new AppError('invalid-input', `${path}: ${message}`, [{ path, message }]);
    }
  });
}

/** Fields of a loose (passthrough) object beyond the known ones, as JSON, or null. */
export function extraJson(value: Record<string, unknown>, known: readonly string[]): string | null {
  // Once per imported row: no intermediate arrays when (as usual) there is nothing extra. A
  // prototype-less object, so an own "__proto__" field is kept as a field, like fromEntries did.
  let extra: Record<string, unknown> | null = null;
  for (const key of Object.keys(value)) {
    if (known.includes(key)) continue;
    extra ??= Object.create(null) as Record<string, unknown>;
    extra[key] = value[key];
  }
  return extra ? JSON.stringify(extra) : null;
}

const knownTicketFields = ['id', 'kind', 'openedAt', 'firstResponseAt', 'staff'] as const;

export interface UpsertCounts {
  inserted: number;
  updated: number;
}

/** The settings the stored SLA columns are computed with (see compliance/ticket-sla.ts). */
export interface SlaContext {
  /** Changes whenever anything that moves a deadline changes (pack, service hours, calendar). */
  key: string;
  policy: string;
  evaluator: SlaEvaluator;
}

interface SlaColumns {
  deadline: number | null;
  answered_status: 'met' | 'breached' | null;
  calendar_confirmed: number | null;
  open_day: number | null;
  sla_key: string | null;
}

function slaColumns(
  sla: SlaContext | null,
  kind: TicketKind,
  openedAt: number,
  firstResponseAt: number | null,
): SlaColumns {
  if (!sla)
    return { deadline: null, answered_status: null, calendar_confirmed: null, open_day: null, sla_key: null };
  const { deadline, calendarConfirmed } = sla.evaluator.deadlineOf(kind, openedAt);
  return {
    deadline,
    answered_status: firstResponseAt === null ? null : firstResponseAt <= deadline ? 'met' : 'breached',
    calendar_confirmed: calendarConfirmed ? 1 : 0,
    open_day: beijingDayIndex(openedAt),
    sla_key: sla.key,
  };
}

/** A ticket with its SLA result as of `at` (the Service page's row). */
export interface TicketWithSla extends StoredTicket {
  deadline: number;
  status: SlaStatus;
  responseSeconds: number | null;
  timeLeftSeconds: number | null;
  serviceSecondsLeft: number | null;
  calendarConfirmed: boolean;
}

export interface TicketPageQuery {
  offset: number;
  limit: number;
  kind?: TicketKind | undefined;
  status?: SlaStatus | undefined;
  staff?: string | undefined;
  /** Beijing dates (YYYY-MM-DD) the ticket was opened on, inclusive. */
  fromDay?: number | undefined;
  toDay?: number | undefined;
  /** Part of the id or of the staff member's name. */
  query?: string | undefined;
  sort?: { field: TicketSortField; order: 'asc' | 'desc' } | undefined;
  /** A cursor (ticketCursor) of the same sort: the page starts after / ends before its row. */
  after?: string | undefined;
  before?: string | undefined;
  /** A ticket id (a deep link): the page that holds it under these filters, whatever `offset` says. */
  around?: string | number | undefined;
}

export type TicketSortField = 'openedAt' | 'deadline';

/** A page row: the ticket's columns and its rowid (the sort's tie-break). */
type PageRow = TicketRow & { _r: number; deadline: number; calendar_confirmed: number };

export interface TicketPage {
  rows: TicketWithSla[];
  total: number;
  /** Where the page starts among the matching rows (from `around`, else the request's offset). */
  offset: number;
  /** Where the first and last row are in the sort (null: no rows), for `before` / `after`. */
  firstCursor: string | null;
  lastCursor: string | null;
}

/** A row's place in a sort: `field~value~rowid` (value `-` for NULL). */
export const ticketCursor = (field: TicketSortField, value: number | null, rowid: number): string =>
  `${field}~${value === null ? '-' : value}~${rowid}`;

/** The cursor's value and rowid; refused when it is not of this sort (or not a cursor at all). */
export function parseTicketCursor(
  text: string,
  field: TicketSortField,
): { value: number | null; rowid: number } {
  const match = /^(openedAt|deadline)~(-|-?\d{1,16})~(\d{1,16})$/.exec(text);
  if (!match || match[1] !== field) {
    const message = `不是按 ${field} 排序的页游标 / not a page cursor of the ${field} sort`;
    throw new AppError('invalid-input', `cursor: ${message}`, [{ path: 'cursor', message }]);
  }
  return { value: match[2] === '-' ? null : Number(match[2]), rowid: Number(match[3]) };
}

const toStored = (row: TicketRow): StoredTicket => ({
  id: idValue(row.id, row.id_is_number),
  kind: row.kind,
  openedAt: row.opened_at,
  firstResponseAt: row.first_response_at,
  staff: row.staff ?? undefined,
  source: row.source,
  sourceAt: row.source_at,
  sourceFile: row.source_file,
});

const emptyCounts = (): StatusCounts => ({ met: 0, breached: 0, pending: 0 });
const toRow = (c: StatusCounts): ComplianceRow => {
  const decided = c.met + c.breached;
  return {
    met: c.met,
    breached: c.breached,
    pending: c.pending,
    rate: decided === 0 ? null : c.met / decided,
  };
};

interface CountedRow {
  open_day: number | null;
  kind: string;
  staff: string | null;
  answered_status: string | null;
}

interface CountGroup {
  day: number;
  kind: string;
  staffKey: string;
  met: number;
  breached: number;
  unanswered: number;
}

/** ticket_counts changes of a bulk write, added up per group and written once each. */
class CountDeltas {
  /** By kind, staff (null: none) and day: no key text built per row (this runs twice per imported row). */
  private readonly byKind = new Map<string, Map<string | null, Map<number, CountGroup>>>();
  private readonly groups: CountGroup[] = [];

  add(day: number | null, kind: string, staff: string | null, status: string | null, sign: 1 | -1): void {
    if (day === null) return;
    let byStaff = this.byKind.get(kind);
    if (!byStaff) this.byKind.set(kind, (byStaff = new Map()));
    let byDay = byStaff.get(staff);
    if (!byDay) byStaff.set(staff, (byDay = new Map()));
    let g = byDay.get(day);
    if (!g) {
      g = { day, kind, staffKey: staff === null ? '' : `=${staff}`, met: 0, breached: 0, unanswered: 0 };
      byDay.set(day, g);
      this.groups.push(g);
    }
    if (status === 'met') g.met += sign;
    else if (status === 'breached') g.breached += sign;
    else g.unanswered += sign;
  }

  apply(sql: (text: string) => Database.Statement): void {
    const upsert =
      sql(`INSERT INTO ticket_counts (open_day, kind, staff_key, met, breached, unanswered) VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT DO UPDATE SET met = met + excluded.met, breached = breached + excluded.breached, unanswered = unanswered + excluded.unanswered`);
    for (const g of this.groups) {
      if (g.met === 0 && g.breached === 0 && g.unanswered === 0) continue;
      upsert.run(g.day, g.kind, g.staffKey, g.met, g.breached, g.unanswered);
    }
  }
}

/** A ticket's counted columns and the type of its id, as stored or as a write stores it. */
type CountedTicket = CountedRow & { id_is_number: number };

/** Values per ticket row of the upsert statements, in the order of ticketColumns. */
const TICKET_COLUMNS = 15;
const ticketColumns = `id, id_is_number, kind, opened_at, first_response_at, staff, extra_json, source, source_at, source_file,
                       deadline, answered_status, calendar_confirmed, open_day, sla_key`;

/**
 * A statement's text for `rows` rows, made once per size: a 100-row upsert is kilobytes of SQL,
 * and building it (and hashing it to find the prepared statement) for every chunk showed in
 * import profiles.
 */
function textsBySize(make: (rows: number) => string): (rows: number) => string {
  const texts: string[] = [];
  return (rows) => (texts[rows] ??= make(rows));
}

/** INSERT … ON CONFLICT DO UPDATE of `rows` rows in one statement. */
const upsertSql = textsBySize(
  (rows) => `
        INSERT INTO tickets (${ticketColumns})
        VALUES ${valuesRows(rows, paramRow(TICKET_COLUMNS))}
        ON CONFLICT (id) DO UPDATE SET id_is_number = excluded.id_is_number, kind = excluded.kind,
          opened_at = excluded.opened_at, first_response_at = excluded.first_response_at, staff = excluded.staff,
          extra_json = excluded.extra_json, source = excluded.source, source_at = excluded.source_at,
          source_file = excluded.source_file, deadline = excluded.deadline, answered_status = excluded.answered_status,
          calendar_confirmed = excluded.calendar_confirmed, open_day = excluded.open_day, sla_key = excluded.sla_key`,
);

/** INSERT of `rows` rows whose ids are not stored yet; a stored (or repeated) id's row is left as it is. */
const insertNewSql = textsBySize(
  (rows) => `INSERT INTO tickets (${ticketColumns}) VALUES ${valuesRows(rows, paramRow(TICKET_COLUMNS))}
        ON CONFLICT (id) DO NOTHING`,
);

const storedRowsSql = textsBySize(
  (rows) =>
    `SELECT rowid AS _r, id, id_is_number, open_day, kind, staff, answered_status FROM tickets WHERE id IN (${placeholders(rows)})`,
);

/** Positions of `keys` in ascending key order; equal keys keep their order (stable). */
function sortedByKey(keys: readonly string[]): number[] {
  return keys
    .map((_, i) => i)
    .sort((a, b) => {
      const x = keys[a]!;
      const y = keys[b]!;
      return x < y ? -1 : x > y ? 1 : a - b;
    });
}

/** Rows at a time when stored SLA columns are recomputed (settings changed). */
export const SLA_RECOMPUTE_BATCH = 20_000;

export class TicketsRepository {
  constructor(private readonly store: Store) {}

  private sql(text: string): Database.Statement {
    return this.store.sql(text);
  }

  /** Earliest and latest opening time of the stored tickets (epoch ms), from the index; null when none. */
  openedSpan(): { first: number; last: number } | null {
    const row = {
      first: (this.sql('SELECT MIN(opened_at) AS v FROM tickets').get() as { v: number | null }).v,
      last: (this.sql('SELECT MAX(opened_at) AS v FROM tickets').get() as { v: number | null }).v,
    };
    return row.first === null || row.last === null ? null : { first: row.first, last: row.last };
  }

  /**
   * Inserts or replaces every ticket, all or nothing (one import file = one transaction), with
   * one prepared statement, computing each ticket's SLA columns on the way (`sla`: the current
   * settings; null when no enabled pack has SLA rules).
   */
  upsertMany(
    tickets: readonly Ticket[],
    provenance: Provenance,
    sla: SlaContext | null = null,
  ): UpsertCounts {
    return this.store.write(() => {
      // Bulk (more than a few rows): the counts are added up here and written once per group.
      const bulk = tickets.length > 20 ? new CountDeltas() : null;
      // Only the triggers this write would fire: the insert trigger, and the update triggers once
      // an update comes (DDL is not free, and each drop makes the cached statements prepare again).
      const restores = bulk ? [this.liftCountTriggers('insert')] : [];
      let updatesLifted = false;
      const updateSql = (rows: number) => {
        if (bulk && !updatesLifted) {
          restores.push(this.liftCountTriggers('update'));
          updatesLifted = true;
        }
        return this.sql(upsertSql(rows));
      };
      const counts: UpsertCounts = { inserted: 0, updated: 0 };
      // A bulk write goes in id order: the primary-key index then takes its inserts page after
      // page instead of all over a million-entry tree (fewer pages touched, fewer cache misses;
      // ~15-30 % of an import file's time with 1,000,000 stored). The sort is stable, so a file's
      // later version of an id still comes after (and wins over) its earlier one.
      const keys = tickets.map((t) => idKey(t.id));
      const order = bulk ? sortedByKey(keys) : keys.map((_, i) => i);
      // Rows go in chunks of one multi-row statement each (db/bulk-sql.ts); each chunk is stored
      // before the next, so an id of an earlier chunk reads back as stored.
      // What this chunk wrote so far, by id: a repeated id's earlier version is its "stored" row.
      const written = new Map<string, CountedTicket>();
      const params: unknown[] = [];
      /** The counted columns of the chunk's row `j`, from its parameters. */
      const countedAt = (j: number): CountedTicket => {
        const at = j * TICKET_COLUMNS;
        return {
          id_is_number: params[at + 1] as number,
          kind: params[at + 2] as string,
          staff: params[at + 5] as string | null,
          answered_status: params[at + 11] as string | null,
          open_day: params[at + 13] as number | null,
        };
      };
      /** The chunk's row `j` replaces `old` (stored, or written earlier in this chunk). */
      const replaces = (old: CountedTicket, j: number) => {
        bulk?.add(old.open_day, old.kind, old.staff, old.answered_status, -1);
        // Ids are keyed by their text: a stored 1 and an incoming "1" would silently flip type.
        // Named in file order (a file never mixes the two, so rows written so far agree with it).
        if (old.id_is_number !== params[j * TICKET_COLUMNS + 1])
          assertIdTypesMatch(
            this.store.db,
            'tickets',
            'tickets',
            tickets.map((t) => t.id),
          );
        counts.updated++;
      };
      for (const chunk of chunksOf(order)) {
        params.length = 0;
        written.clear();
        for (const index of chunk) {
          const ticket = tickets[index]!;
          const staff = ticket.staff ?? null;
          const c = slaColumns(sla, ticket.kind, ticket.openedAt, ticket.firstResponseAt);
          // Every row counts once as what it now is; an update also takes its old version off (replaces).
          bulk?.add(c.open_day, ticket.kind, staff, c.answered_status, 1);
          params.push(
            keys[index]!,
            typeof ticket.id === 'number' ? 1 : 0,
            ticket.kind,
            ticket.openedAt,
            ticket.firstResponseAt,
            staff,
            extraJson(ticket, knownTicketFields),
            provenance.source,
            provenance.sourceAt,
            provenance.sourceFile,
            c.deadline,
            c.answered_status,
            c.calendar_confirmed,
            c.open_day,
            c.sla_key,
          );
        }
        const n = chunk.length;
        if (bulk && this.insertFirst) {
          // New ids (an import of new tickets): inserted without looking them up first — the
          // insert's own primary-key check tells. Only when some were stored already (or repeated)
          // are those looked up and written again as updates.
          const before =
            (this.sql('SELECT max(rowid) AS r FROM tickets').get() as { r: number | null }).r ?? 0;
          const { changes } = this.sql(insertNewSql(n)).run(...params);
          if (changes === n) {
            counts.inserted += n;
            continue;
          }
          // DO NOTHING left the stored rows as they were, so their counted columns are still the
          // old ones; the rows this statement inserted are those past the highest rowid before it.
          const found = this.storedRows(chunk.map((i) => keys[i]!));
          const fresh = new Set<string>();
          for (const [id, row] of found) if (row._r > before) fresh.add(id);
          if (fresh.size !== changes)
            throw new Error(`tickets: ${changes} rows inserted but ${fresh.size} found as new`);
          const again: unknown[] = [];
          for (let j = 0; j < n; j++) {
            const id = keys[chunk[j]!]!;
            // An id's first occurrence in the chunk is the row that was inserted; any other is an update.
            if (fresh.delete(id)) counts.inserted++;
            else {
              const old = written.get(id) ?? found.get(id);
              if (!old) throw new Error(`tickets: ${id} was neither inserted nor stored`);
              replaces(old, j);
              for (let k = j * TICKET_COLUMNS; k < (j + 1) * TICKET_COLUMNS; k++) again.push(params[k]);
            }
            written.set(id, countedAt(j));
          }
          const updates = again.length / TICKET_COLUMNS;
          updateSql(updates).run(...again);
          // A file of updates (imported again): looked up first from here on.
          this.insertFirst = updates * 2 < n;
          continue;
        }
        const stored = this.storedRows(chunk.map((i) => keys[i]!));
        let updates = 0;
        for (let j = 0; j < n; j++) {
          const id = keys[chunk[j]!]!;
          const old = written.get(id) ?? stored.get(id);
          if (old) {
            replaces(old, j);
            updates++;
          } else counts.inserted++;
          written.set(id, countedAt(j));
        }
        // A chunk of new ids needs no update (nor the update triggers lifted).
        if (bulk && updates === 0) this.sql(insertNewSql(n)).run(...params);
        else updateSql(n).run(...params);
        // Mostly new ids again: inserted first from here on.
        if (bulk) this.insertFirst = stored.size * 2 < n;
      }
      if (bulk) {
        bulk.apply(this.sql.bind(this));
        for (const restore of restores) restore();
      }
      return counts;
    });
  }

  /**
   * Whether a bulk write inserts its chunks before looking anything up (most imports bring new
   * ids), or looks up first (a file imported again: mostly updates). Learnt chunk by chunk; it
   * only decides which way is faster, never what is stored.
   */
  private insertFirst = true;

  /** The stored rows of these ids (the counted columns, the id's type and the rowid), by id. */
  private storedRows(ids: readonly string[]): Map<string, CountedTicket & { _r: number }> {
    const rows = this.sql(storedRowsSql(ids.length)).all(...ids) as (CountedTicket & {
      id: string;
      _r: number;
    })[];
    return new Map(rows.map((r) => [r.id, r]));
  }

  /** Whether some stored tickets' SLA columns are not for these settings (see recomputeSla). */
  slaStale(key: string): boolean {
    const state = this.sql('SELECT sla_key FROM ticket_sla_state').get() as { sla_key: string | null };
    if (state.sla_key !== key) return this.count() > 0 || (this.markSlaCurrent(key), false);
    return this.sql('SELECT 1 FROM tickets WHERE sla_key IS NULL LIMIT 1').get() !== undefined;
  }

  /**
   * For a bulk write inside a transaction: drops the ticket_counts triggers (all, or those on
   * insert or on update) and returns the call that re-creates them as the schema defined them
   * (read back, not restated). The caller adds up
   * the counts itself (CountDeltas) — a present trigger costs about as much as the insert. DDL is
   * transactional in SQLite: if the write fails, the rollback brings the triggers back too.
   */
  private liftCountTriggers(which: 'all' | 'insert' | 'update' = 'all'): () => void {
    if (!this.store.db.inTransaction) throw new Error('count triggers are lifted only inside a transaction');
    const name = which === 'all' ? 'ticket_counts_%' : `ticket_counts_${which}%`;
    const triggers = this.sql(
      "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'tickets' AND name LIKE ?",
    ).all(name) as { name: string; sql: string }[];
    for (const t of triggers) this.store.db.exec(`DROP TRIGGER ${t.name}`);
    return () => {
      for (const t of triggers) this.store.db.exec(t.sql);
    };
  }

  private markSlaCurrent(key: string): void {
    if (this.store.writable) this.sql('UPDATE ticket_sla_state SET sla_key = ?').run(key);
  }

  /**
   * Recomputes the SLA columns for these settings, `limit` tickets per call (in rowid order,
   * resuming where the last call stopped); returns how many it did (0: all current). After a
   * settings change every ticket is recomputed once; otherwise only tickets written without columns.
   */
  recomputeSla(sla: SlaContext, limit = SLA_RECOMPUTE_BATCH): number {
    if (!this.store.writable || !this.slaStale(sla.key)) return 0;
    return this.store.write(() => {
      const state = this.sql('SELECT sla_key FROM ticket_sla_state').get() as { sla_key: string | null };
      const all = state.sla_key !== sla.key;
      if (this.recomputeKey !== sla.key) {
        this.recomputeKey = sla.key;
        this.recomputeFrom = 0;
      }
      // Mixed until every ticket is done: a change back to the old settings must recompute too.
      if (all && state.sla_key !== null) this.sql('UPDATE ticket_sla_state SET sla_key = NULL').run();
      const columns = 'rowid AS r, id, kind, opened_at, first_response_at, open_day, staff, answered_status';
      // Settings changed: tickets not yet at this key, in rowid order; else: the ones without columns.
      const rows = (
        all
          ? this.sql(
              `SELECT ${columns} FROM tickets WHERE rowid > ? AND (sla_key IS NULL OR sla_key != ?) ORDER BY rowid LIMIT ?`,
            ).all(this.recomputeFrom, sla.key, limit)
          : this.sql(`SELECT ${columns} FROM tickets WHERE sla_key IS NULL LIMIT ?`).all(limit)
      ) as (CountedRow & {
        r: number;
        id: string;
        kind: TicketKind;
        opened_at: number;
        first_response_at: number | null;
      })[];
      if (rows.length === 0) {
        this.recomputeFrom = 0;
        this.markSlaCurrent(sla.key);
        return 0;
      }
      const deltas = new CountDeltas();
      const restoreTriggers = this.liftCountTriggers();
      const update = this.sql(
        'UPDATE tickets SET deadline = ?, answered_status = ?, calendar_confirmed = ?, open_day = ?, sla_key = ? WHERE id = ?',
      );
      for (const r of rows) {
        const c = slaColumns(sla, r.kind, r.opened_at, r.first_response_at);
        deltas.add(r.open_day, r.kind, r.staff, r.answered_status, -1);
        deltas.add(c.open_day, r.kind, r.staff, c.answered_status, 1);
        update.run(c.deadline, c.answered_status, c.calendar_confirmed, c.open_day, c.sla_key, r.id);
      }
      deltas.apply(this.sql.bind(this));
      restoreTriggers();
      if (all) this.recomputeFrom = rows.at(-1)!.r;
      return rows.length;
    });
  }

  private recomputeFrom = 0;
  private recomputeKey: string | null = null;

  /**
   * The SLA report without its per-ticket rows, from ticket_counts and the pending tickets only
   * (found through the partial index on deadline): the same numbers computeSla gives over every
   * ticket. Requires current SLA columns (recomputeSla).
   */
  slaSummary(sla: SlaContext, at: number): SlaSummaryReport {
    const groups = this.sql(
      'SELECT open_day, kind, staff_key, met, breached, unanswered FROM ticket_counts',
    ).all() as {
      open_day: number;
      kind: TicketKind;
      staff_key: string;
      met: number;
      breached: number;
      unanswered: number;
    }[];
    const pending = new Map<string, number>();
    for (const p of this.sql(
      `SELECT open_day, kind, CASE WHEN staff IS NULL THEN '' ELSE '=' || staff END AS staff_key, count(*) AS n
         FROM tickets INDEXED BY tickets_deadline WHERE deadline >= ? AND first_response_at IS NULL GROUP BY 1, 2, 3`,
    ).all(at) as { open_day: number; kind: string; staff_key: string; n: number }[])
      pending.set(`${p.open_day}|${p.kind}|${p.staff_key}`, p.n);
    const summary = emptyCounts();
    const byDay = new Map<number, StatusCounts>();
    const byDayKind = new Map<string, StatusCounts>();
    const byKind = new Map<TicketKind, StatusCounts>();
    const byStaff = new Map<string, StatusCounts>();
    const add = <K>(map: Map<K, StatusCounts>, key: K, c: StatusCounts) => {
      let into = map.get(key);
      if (!into) map.set(key, (into = emptyCounts()));
      into.met += c.met;
      into.breached += c.breached;
      into.pending += c.pending;
    };
    for (const g of groups) {
      if (g.met + g.breached + g.unanswered === 0) continue;
      const p = pending.get(`${g.open_day}|${g.kind}|${g.staff_key}`) ?? 0;
      const c = { met: g.met, breached: g.breached + g.unanswered - p, pending: p };
      summary.met += c.met;
      summary.breached += c.breached;
      summary.pending += c.pending;
      add(byDay, g.open_day, c);
      add(byDayKind, `${g.open_day}|${g.kind}`, c);
      add(byKind, g.kind, c);
      if (g.staff_key !== '') add(byStaff, g.staff_key.slice(1), c);
    }
    // Two statements: SQLite answers one MIN or MAX from an index, two in one statement by a full scan.
    const span = {
      first: (this.sql('SELECT MIN(opened_at) AS v FROM tickets').get() as { v: number | null }).v,
      last: (this.sql('SELECT MAX(deadline) AS v FROM tickets').get() as { v: number | null }).v,
    };
    return {
      policy: sla.policy,
      at: formatBeijingIso(at),
      summary,
      compliance: {
        byDay: [...byDay.entries()]
          .sort(([a], [b]) => a - b)
          .map(([day, c]) => ({
            date: dateStringOfDay(day),
            ...toRow(c),
            byKind: ticketKinds.flatMap((kind) => {
              const kc = byDayKind.get(`${day}|${kind}`);
              return kc ? [{ kind, ...toRow(kc) }] : [];
            }),
          })),
        byKind: ticketKinds.flatMap((kind) => {
          const c = byKind.get(kind);
          return c ? [{ kind, ...toRow(c) }] : [];
        }),
        byStaff: [...byStaff.entries()]
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([staff, c]) => ({ staff, ...toRow(c) })),
      },
      warnings:
        span.first === null || span.last === null
          ? []
          : sla.evaluator.calendar.dataWarnings(span.first, span.last),
    };
  }

  private withSla(
    row: TicketRow & { deadline: number; calendar_confirmed: number },
    sla: SlaContext,
    at: number,
  ): TicketWithSla {
    const stored = toStored(row);
    const status = slaStatusOf(row.deadline, row.first_response_at, at);
    const pending = status === 'pending';
    return {
      ...stored,
      deadline: row.deadline,
      status,
      responseSeconds: row.first_response_at === null ? null : (row.first_response_at - row.opened_at) / 1000,
      timeLeftSeconds: pending ? (row.deadline - at) / 1000 : null,
      serviceSecondsLeft:
        pending && sla.evaluator.serviceClock(row.kind)
          ? sla.evaluator.calendar.serviceSecondsBetween(Math.max(at, row.opened_at), row.deadline)
          : null,
      calendarConfirmed: row.calendar_confirmed === 1,
    };
  }

  /**
   * One page of the tickets table with SLA results as of `at`: filters, sort and paging in SQL.
   *
   * Rows are in (sort column, rowid) order — the rowid breaks ties, and since every index holds
   * the rowid, the sort index alone gives that order: nothing is sorted, and skipping rows reads
   * only the index. `after` / `before` (a cursor of an earlier page) seek to a row through the
   * index instead of skipping every row before it (keyset paging). A plain offset in the back
   * half of the rows is read from the other end of the index, in reverse.
   */
  page(query: TicketPageQuery, sla: SlaContext, at: number): TicketPage {
    const clauses: string[] = [];
    const params: unknown[] = [];
    if (query.kind) {
      clauses.push('kind = ?');
      params.push(query.kind);
    }
    if (query.staff !== undefined) {
      clauses.push('staff = ?');
      params.push(query.staff);
    }
    // A Beijing day is a range of instants: the opened_at index serves the filter (and tickets
    // whose SLA columns are not computed yet are found too).
    if (query.fromDay !== undefined) {
      clauses.push('opened_at >= ?');
      params.push(beijingDayStart(query.fromDay));
    }
    if (query.toDay !== undefined) {
      clauses.push('opened_at < ?');
      params.push(beijingDayStart(query.toDay + 1));
    }
    if (query.query) {
      clauses.push("(id LIKE ? ESCAPE '\\' OR staff LIKE ? ESCAPE '\\')");
      params.push(containsPattern(query.query), containsPattern(query.query));
    }
    if (query.status === 'met') clauses.push("answered_status = 'met'");
    else if (query.status === 'breached') {
      clauses.push("(answered_status = 'breached' OR (first_response_at IS NULL AND deadline < ?))");
      params.push(at);
    } else if (query.status === 'pending') {
      clauses.push('first_response_at IS NULL AND deadline >= ?');
      params.push(at);
    }
    const sort = query.sort ?? { field: 'openedAt', order: 'asc' };
    const column = sort.field === 'deadline' ? 'deadline' : 'opened_at';
    const total = query.query
      ? (
          this.sql(
            `SELECT count(*) AS n FROM tickets ${clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''}`,
          ).get(...params) as { n: number }
        ).n
      : this.countMatching(query, at);
    const cursorText = query.around === undefined ? (query.after ?? query.before) : undefined;
    const cursor = cursorText === undefined ? null : parseTicketCursor(cursorText, sort.field);
    const pageOffset =
      query.around === undefined
        ? query.offset
        : this.pageOffsetOf(query.around, clauses, params, sort, query.limit);
    // Reading backwards: rows before a cursor, or a plain offset closer to the end than to the start.
    let backwards = cursor !== null && query.before !== undefined;
    let offset = pageOffset;
    let limit = query.limit;
    if (!cursor && offset > 0 && total - offset - limit < offset) {
      backwards = true;
      limit = Math.max(0, Math.min(limit, total - offset));
      offset = Math.max(0, total - offset - limit);
    }
    const ascending = (sort.order === 'asc') !== backwards;
    const dir = ascending ? 'ASC' : 'DESC';
    const order = `ORDER BY ${column} ${dir}, _r ${dir}`;
    const select = 'SELECT rowid AS _r, * FROM tickets';
    let rows: PageRow[] = [];
    if (limit > 0 && !cursor) {
      const where = clauses.length ? `WHERE ${clauses.join(' AND ')}` : '';
      rows = this.sql(`${select} ${where} ${order} LIMIT ? OFFSET ?`).all(
        ...params,
        limit,
        offset,
      ) as PageRow[];
    } else if (limit > 0 && cursor) {
      // The rows after the cursor in this direction. SQLite sorts NULL first: ascending, the NULL
      // deadlines (tickets without SLA columns) come before every value; descending, after them
      // (opened_at is NOT NULL). Each part is one index range, read in order; the union holds at
      // most 2 × (offset + limit) rows.
      const parts: { sql: string; params: unknown[] }[] = [];
      const seek = ascending ? '>' : '<';
      const nullable = column === 'deadline';
      if (cursor.value === null) {
        parts.push({ sql: `${column} IS NULL AND rowid ${seek} ?`, params: [cursor.rowid] });
        if (ascending) parts.push({ sql: `${column} IS NOT NULL`, params: [] });
      } else {
        parts.push({ sql: `(${column}, rowid) ${seek} (?, ?)`, params: [cursor.value, cursor.rowid] });
        if (!ascending && nullable) parts.push({ sql: `${column} IS NULL`, params: [] });
      }
      const n = offset + limit;
      const sql = parts
        .map(
          (part) =>
            `SELECT * FROM (${select} WHERE ${[...clauses, part.sql].join(' AND ')} ${order} LIMIT ${n})`,
        )
        .join(' UNION ALL ');
      rows = this.sql(`${sql} ${order} LIMIT ? OFFSET ?`).all(
        ...parts.flatMap((part) => [...params, ...part.params]),
        limit,
        offset,
      ) as PageRow[];
    }
    if (backwards) rows.reverse();
    const cursorOf = (row: PageRow | undefined) =>
      row ? ticketCursor(sort.field, sort.field === 'deadline' ? row.deadline : row.opened_at, row._r) : null;
    return {
      rows: rows.map((r) => this.withSla(r, sla, at)),
      total,
      offset: cursor ? query.offset : pageOffset,
      firstCursor: cursorOf(rows[0]),
      lastCursor: cursorOf(rows.at(-1)),
    };
  }

  /**
   * Where the page holding ticket `id` starts under these filters and this sort: the matching rows
   * before it in (sort column, rowid) order, rounded down to a page. 0 when no matching ticket has
   * that id. SQLite sorts NULL deadlines (tickets without SLA columns) first ascending, last
   * descending, as page() reads them.
   */
  private pageOffsetOf(
    id: string | number,
    clauses: readonly string[],
    params: readonly unknown[],
    sort: { field: TicketSortField; order: 'asc' | 'desc' },
    limit: number,
  ): number {
    const column = sort.field === 'deadline' ? 'deadline' : 'opened_at';
    const filters = clauses.map((c) => `AND ${c}`).join(' ');
    const target = this.sql(`SELECT rowid AS r, ${column} AS v FROM tickets WHERE id = ? ${filters}`).get(
      idKey(id),
      ...params,
    ) as { r: number; v: number | null } | undefined;
    if (!target) return 0;
    const asc = sort.order === 'asc';
    const cmp = asc ? '<' : '>';
    let before: string;
    let values: unknown[];
    if (target.v === null) {
      before = asc
        ? `${column} IS NULL AND rowid < ?`
        : `(${column} IS NOT NULL OR (${column} IS NULL AND rowid > ?))`;
      values = [target.r];
    } else {
      before = `((${column}, rowid) ${cmp} (?, ?)${asc ? ` OR ${column} IS NULL` : ''})`;
      values = [target.v, target.r];
    }
    const n = (
      this.sql(`SELECT count(*) AS n FROM tickets WHERE ${before} ${filters}`).get(...values, ...params) as {
        n: number;
      }
    ).n;
    return Math.floor(n / limit) * limit;
  }

  /**
   * How many tickets match kind/staff/day/status filters, from ticket_counts and the pending
   * tickets (an index range), not by counting a million rows. Tickets without SLA columns
   * (no pack with SLA rules) only count when no status is asked for.
   */
  private countMatching(query: TicketPageQuery, at: number): number {
    const clauses: string[] = [];
    const params: unknown[] = [];
    if (query.kind) {
      clauses.push('kind = ?');
      params.push(query.kind);
    }
    if (query.staff !== undefined) {
      clauses.push('staff_key = ?');
      params.push(`=${query.staff}`);
    }
    if (query.fromDay !== undefined) {
      clauses.push('open_day >= ?');
      params.push(query.fromDay);
    }
    if (query.toDay !== undefined) {
      clauses.push('open_day <= ?');
      params.push(query.toDay);
    }
    const where = clauses.length ? `WHERE ${clauses.join(' AND ')}` : '';
    const sums = this.sql(
      `SELECT coalesce(sum(met), 0) AS met, coalesce(sum(breached), 0) AS breached, coalesce(sum(unanswered), 0) AS unanswered FROM ticket_counts ${where}`,
    ).get(...params) as { met: number; breached: number; unanswered: number };
    const pendingWhere = clauses
      .map((c) => c.replace('staff_key = ?', "CASE WHEN staff IS NULL THEN '' ELSE '=' || staff END = ?"))
      .join(' AND ');
    const pending =
      query.status === 'met'
        ? 0
        : (
            this.sql(
              `SELECT count(*) AS n FROM tickets INDEXED BY tickets_deadline WHERE deadline >= ? AND first_response_at IS NULL${pendingWhere ? ` AND ${pendingWhere}` : ''}`,
            ).get(at, ...params) as { n: number }
          ).n;
    if (query.status === 'met') return sums.met;
    if (query.status === 'pending') return pending;
    if (query.status === 'breached') return sums.breached + sums.unanswered - pending;
    return sums.met + sums.breached + sums.unanswered + this.withoutSlaCount(query);
  }

  private withoutSlaCount(query: TicketPageQuery): number {
    if (query.kind || query.staff !== undefined || query.fromDay !== undefined || query.toDay !== undefined)
      return 0;
    return (this.sql('SELECT count(*) AS n FROM tickets WHERE sla_key IS NULL').get() as { n: number }).n;
  }

  /** Pending tickets (unanswered, deadline not passed), soonest deadline first — from the partial index. */
  pending(sla: SlaContext, at: number, limit = 10_000): TicketWithSla[] {
    return (
      this.sql(
        'SELECT * FROM tickets WHERE first_response_at IS NULL AND deadline >= ? ORDER BY deadline LIMIT ?',
      ).all(at, limit) as (TicketRow & { deadline: number; calendar_confirmed: number })[]
    ).map((r) => this.withSla(r, sla, at));
  }

  /** Ids of tickets whose deadline passed in (since, at] unanswered or answered late (up to `limit`), and how many. */
  breachedBetween(since: number, at: number, limit = 200): { ids: (string | number)[]; count: number } {
    const where = `WHERE deadline > ? AND deadline <= ? AND (first_response_at IS NULL OR answered_status = 'breached')`;
    const ids = (
      this.sql(`SELECT id, id_is_number FROM tickets ${where} ORDER BY deadline, id LIMIT ?`).all(
        since,
        at,
        limit,
      ) as {
        id: string;
        id_is_number: number;
      }[]
    ).map((r) => idValue(r.id, r.id_is_number));
    const count = (this.sql(`SELECT count(*) AS n FROM tickets ${where}`).get(since, at) as { n: number }).n;
    return { ids, count };
  }

  changedSince(since: number): number {
    return (this.sql('SELECT count(*) AS n FROM tickets WHERE source_at > ?').get(since) as { n: number }).n;
  }

  /** Staff names on stored tickets (the Service page's staff filter). */
  staffNames(): string[] {
    return (
      this.sql(
        "SELECT DISTINCT staff_key FROM ticket_counts WHERE staff_key != '' AND met + breached + unanswered > 0 ORDER BY 1",
      ).all() as {
        staff_key: string;
      }[]
    ).map((r) => r.staff_key.slice(1));
  }

  /** Every ticket (the CLI-equivalent engine run and export); opening order. */
  list(): StoredTicket[] {
    return (this.sql('SELECT * FROM tickets ORDER BY opened_at, id').all() as TicketRow[]).map(toStored);
  }

  get(id: string | number): StoredTicket | undefined {
    const row = this.sql('SELECT * FROM tickets WHERE id = ?').get(idKey(id)) as TicketRow | undefined;
    return row ? toStored(row) : undefined;
  }

  /** Tickets stored: ticket_counts plus those without SLA columns (count(*) would read a million rows). */
  count(): number {
    const counted = this.sql(
      'SELECT coalesce(sum(met + breached + unanswered), 0) AS n FROM ticket_counts',
    ).get() as { n: number };
    return (
      counted.n +
      (this.sql('SELECT count(*) AS n FROM tickets WHERE sla_key IS NULL').get() as { n: number }).n
    );
  }
}
