/**
 * Violations (formats.md §5) with the vendor's appeal state. Keyed by the file's id; the
 * first time an id was seen is kept across re-imports (it is when "a new violation arrived").
 */
import type { AppealState } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import type { Violation } from '../../../shared/points/schema';
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

export interface StoredViolation extends Provenance {
  id: string | number;
  policy: string;
  code: string;
  occurredAt: number;
  decidedAt: number | null;
  points: number | undefined;
  freezeDays: number | 'expel' | undefined;
  depositDeduction: number | 'all' | undefined;
  appeal: { state: AppealState; note: string | null; at: number | null };
  firstSeenAt: number;
}

interface ViolationRow {
  id: string;
  id_is_number: number;
  policy: string;
  code: string;
  occurred_at: number;
  decided_at: number | null;
  points: number | null;
  freeze_json: string | null;
  deduction_json: string | null;
  appeal_state: AppealState;
  appeal_note: string | null;
  appeal_at: number | null;
  source: Provenance['source'];
  source_at: number;
  source_file: string | null;
  first_seen_at: number;
}

const knownFields = [
  'id',
  'code',
  'occurredAt',
  'decidedAt',
  'points',
  'freezeDays',
  'depositDeduction',
] as const;
const json = (value: unknown): string | null => (value === undefined ? null : JSON.stringify(value));
const parse = <T>(text: string | null): T | undefined =>
  text === null ? undefined : (JSON.parse(text) as T);

function toStored(row: ViolationRow): StoredViolation {
  return {
    id: idValue(row.id, row.id_is_number),
    policy: row.policy,
    code: row.code,
    occurredAt: row.occurred_at,
    decidedAt: row.decided_at,
    points: row.points ?? undefined,
    freezeDays: parse<number | 'expel'>(row.freeze_json),
    depositDeduction: parse<number | 'all'>(row.deduction_json),
    appeal: { state: row.appeal_state, note: row.appeal_note, at: row.appeal_at },
    source: row.source,
    sourceAt: row.source_at,
    sourceFile: row.source_file,
    firstSeenAt: row.first_seen_at,
  };
}

export class ViolationsRepository {
  constructor(private readonly store: Store) {}

  /** One violations file (validated against `policy`'s code table), all or nothing. */
  upsertMany(violations: readonly Violation[], policy: string, provenance: Provenance): UpsertCounts {
    return this.store.write((db) => {
      assertIdTypesMatch(
        db,
        'violations',
        'violations',
        violations.map((v) => v.id),
      );
      const exists = db.prepare('SELECT 1 FROM violations WHERE id = ?');
      // The appeal is the vendor's own record: a re-import of the marketplace's data keeps it.
      const upsert = db.prepare(`
        INSERT INTO violations (id, id_is_number, policy, code, occurred_at, decided_at, points, freeze_json, deduction_json,
          extra_json, source, source_at, source_file, first_seen_at)
        VALUES (@id, @id_is_number, @policy, @code, @occurred_at, @decided_at, @points, @freeze_json, @deduction_json,
          @extra_json, @source, @source_at, @source_file, @source_at)
        ON CONFLICT (id) DO UPDATE SET id_is_number = excluded.id_is_number, policy = excluded.policy, code = excluded.code,
          occurred_at = excluded.occurred_at, decided_at = excluded.decided_at, points = excluded.points,
          freeze_json = excluded.freeze_json, deduction_json = excluded.deduction_json, extra_json = excluded.extra_json,
          source = excluded.source, source_at = excluded.source_at, source_file = excluded.source_file`);
      const counts: UpsertCounts = { inserted: 0, updated: 0 };
      for (const violation of violations) {
        const id = idKey(violation.id);
        if (exists.get(id)) counts.updated++;
        else counts.inserted++;
        upsert.run({
          id,
          id_is_number: typeof violation.id === 'number' ? 1 : 0,
          policy,
          code: violation.code,
          occurred_at: violation.occurredAt,
          decided_at: violation.decidedAt,
          points: violation.points ?? null,
          freeze_json: json(violation.freezeDays),
          deduction_json: json(violation.depositDeduction),
          extra_json: extraJson(violation, knownFields),
          source: provenance.source,
          source_at: provenance.sourceAt,
          source_file: provenance.sourceFile,
        });
      }
      return counts;
    });
  }

  setAppeal(id: string | number, state: AppealState, note: string | null, at: number): StoredViolation {
    return this.store.write((db) => {
      const result = db
        .prepare('UPDATE violations SET appeal_state = ?, appeal_note = ?, appeal_at = ? WHERE id = ?')
        .run(state, note, at, idKey(id));
      if (result.changes === 0)
        throw new AppError('not-found', `违规记录不存在 / violation ${String(id)} not found`);
      return this.get(id)!;
    });
  }

  get(id: string | number): StoredViolation | undefined {
    const row = this.store.db.prepare('SELECT * FROM violations WHERE id = ?').get(idKey(id)) as
      ViolationRow | undefined;
    return row ? toStored(row) : undefined;
  }

  /**
   * Every violation, in decision order. Kept until the table's write counter (migration 0013)
   * moves (outside transactions): the engines read them on every tick, snapshot and save. The
   * array and its records are shared between callers — read only.
   */
  list(): readonly StoredViolation[] {
    const version = (
      this.store.sql("SELECT version FROM table_versions WHERE name = 'violations'").get() as {
        version: number;
      }
    ).version;
    if (this.listed?.version !== version) {
      const rows = this.store
        .sql('SELECT * FROM violations ORDER BY coalesce(decided_at, occurred_at), id')
        .all() as ViolationRow[];
      const listed = { version, rows: rows.map(toStored) };
      // Inside a transaction the count may yet roll back and be reached again by other writes.
      if (this.store.db.inTransaction) return listed.rows;
      this.listed = listed;
    }
    return this.listed.rows;
  }

  private listed: { version: number; rows: readonly StoredViolation[] } | undefined;

  /**
   * One page of the violations table (issue 17), in list() order: `query` matches part of the id
   * or of the code, or the violation is one of `codes` (policy/code pairs whose name the caller
   * matched in the packs' code tables). With `around`, the page that holds that violation (a deep
   * link from an alert) instead of the one at `offset`; `offset` in the answer says which it is.
   */
  page(query: ViolationPageQuery): { rows: StoredViolation[]; total: number; offset: number } {
    const text = query.query?.trim() ?? '';
    const codes = query.codes ?? [];
    const byName = codes.map((_, i) => `(policy = @p${i} AND code = @c${i})`);
    const match = text
      ? `(${["id LIKE @q ESCAPE '\\'", "code LIKE @q ESCAPE '\\'", ...byName].join(' OR ')})`
      : '';
    const where = match ? `WHERE ${match}` : '';
    const params: Record<string, unknown> = text ? { q: containsPattern(text) } : {};
    codes.forEach((c, i) => {
      params[`p${i}`] = c.policy;
      params[`c${i}`] = c.code;
    });
    const offset =
      query.around === undefined ? query.offset : this.pageOffsetOf(query.around, match, params, query.limit);
    const rows = this.store.db
      .prepare(`SELECT * FROM violations ${where} ORDER BY ${ORDER} LIMIT @limit OFFSET @offset`)
      .all({ ...params, limit: query.limit, offset }) as ViolationRow[];
    const total = (
      this.store.db.prepare(`SELECT count(*) AS n FROM violations ${where}`).get(params) as { n: number }
    ).n;
    return { rows: rows.map(toStored), total, offset };
  }

  /** Where the page holding `id` starts: the rows before it in list() order (0 when it is not among them). */
  private pageOffsetOf(
    id: string | number,
    match: string,
    params: Record<string, unknown>,
    limit: number,
  ): number {
    const target = this.store.db
      .prepare(
        `SELECT coalesce(decided_at, occurred_at) AS at, id FROM violations WHERE id = @id ${match ? `AND ${match}` : ''}`,
      )
      .get({ ...params, id: idKey(id) }) as { at: number; id: string } | undefined;
    if (!target) return 0;
    const before = (
      this.store.db
        .prepare(
          `SELECT count(*) AS n FROM violations WHERE (coalesce(decided_at, occurred_at) < @at
             OR (coalesce(decided_at, occurred_at) = @at AND id < @id)) ${match ? `AND ${match}` : ''}`,
        )
        .get({ ...params, at: target.at, id: target.id }) as { n: number }
    ).n;
    return Math.floor(before / limit) * limit;
  }
}

/** list() and page() order: by decision (or occurrence), then id. */
const ORDER = 'coalesce(decided_at, occurred_at), id';

export interface ViolationPageQuery {
  offset: number;
  limit: number;
  query?: string | undefined;
  codes?: readonly { policy: string; code: string }[] | undefined;
  /** A violation id: answer the page that holds it. */
  around?: string | number | undefined;
}
