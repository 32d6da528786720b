/**
 * Check history: one row per check run with the numbers the listings page shows (counts,
 * exposure, rule ids), and the per-listing summary built from each listing's latest run.
 */
import type Database from 'better-sqlite3';
import { maskOfRules } from '../../../shared/check/exposure';
import type {
  CheckRun,
  Exposure,
  ListingSummary,
  ListingsPageRequest,
  ListingSortField,
} from '../../../shared/ipc/contract';
import { ruleIds, type RuleId } from '../../../shared/check/types';
import type { Store } from '../db/database';
import { fenToYuan, yuanToFen } from './listings-repository';

interface RunRow {
  id: number;
  local_id: string;
  revision: number;
  checked_at: string;
  pack_id: string;
  pack_version: string;
  blockers: number;
  warnings: number;
  infos: number;
  exposure_points: number;
  exposure_freeze: number;
  exposure_deposit_fen: number;
  exposure_expel: number;
  exposure_deposit_all: number;
  penalty_rows_json: string;
  rules_json: string;
}

export interface SummaryRow {
  local_id: string;
  revision: number;
  status: 'draft';
  updated_at: string;
  title: string;
  listing_id: string | null;
  type: ListingSummary['type'];
  price_amount_fen: number;
  price_billing: string;
  check_revision: number | null;
  check_pack: string | null;
  checked_at: string | null;
  blockers: number | null;
  warnings: number | null;
  infos: number | null;
  exposure_points: number | null;
  exposure_freeze: number | null;
  exposure_deposit_fen: number | null;
  exposure_expel: number | null;
  exposure_deposit_all: number | null;
  rule_mask: number | null;
}

export interface NewRun {
  localId: string;
  revision: number;
  checkedAt: string;
  packId: string;
  packVersion: string;
  counts: CheckRun['counts'];
  exposure: Exposure;
  rules: RuleId[];
}

function toRun(row: RunRow): CheckRun {
  return {
    id: row.id,
    localId: row.local_id,
    revision: row.revision,
    checkedAt: row.checked_at,
    packId: row.pack_id,
    packVersion: row.pack_version,
    counts: { blockers: row.blockers, warnings: row.warnings, infos: row.infos },
    exposure: {
      points: row.exposure_points,
      freezeDays: row.exposure_freeze,
      depositYuan: fenToYuan(row.exposure_deposit_fen),
      expel: row.exposure_expel === 1,
      depositAll: row.exposure_deposit_all === 1,
      rows: JSON.parse(row.penalty_rows_json) as string[],
    },
    rules: JSON.parse(row.rules_json) as RuleId[],
  };
}

export class CheckRunsRepository {
  constructor(private readonly store: Store) {}

  private sql(text: string): Database.Statement {
    return this.store.sql(text);
  }

  /** Stores runs (in the caller's transaction when inside `store.write`). */
  record(runs: NewRun[]): CheckRun[] {
    return this.store.write(() =>
      runs.map((run) => {
        const info = this.sql(
          `INSERT INTO check_runs (local_id, revision, checked_at, pack_id, pack_version, blockers, warnings, infos, exposure_points,
             exposure_freeze, exposure_deposit_fen, exposure_expel, exposure_deposit_all, penalty_rows_json, rules_json)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(
          run.localId,
          run.revision,
          run.checkedAt,
          run.packId,
          run.packVersion,
          run.counts.blockers,
          run.counts.warnings,
          run.counts.infos,
          run.exposure.points,
          run.exposure.freezeDays,
          yuanToFen(run.exposure.depositYuan),
          run.exposure.expel ? 1 : 0,
          run.exposure.depositAll ? 1 : 0,
          JSON.stringify(run.exposure.rows),
          JSON.stringify(run.rules),
        );
        // The listing's own row carries its latest summary (migration 0004): the list reads only that.
        this.sql(
          `UPDATE listings SET check_revision = ?, check_pack = ?, checked_at = ?, blockers = ?, warnings = ?, infos = ?,
             exposure_points = ?, exposure_freeze = ?, exposure_deposit_fen = ?, exposure_expel = ?, exposure_deposit_all = ?, rule_mask = ?
           WHERE local_id = ?`,
        ).run(
          run.revision,
          `${run.packId}@${run.packVersion}`,
          run.checkedAt,
          run.counts.blockers,
          run.counts.warnings,
          run.counts.infos,
          run.exposure.points,
          run.exposure.freezeDays,
          yuanToFen(run.exposure.depositYuan),
          run.exposure.expel ? 1 : 0,
          run.exposure.depositAll ? 1 : 0,
          maskOfRules(run.rules),
          run.localId,
        );
        return { ...run, id: Number(info.lastInsertRowid) };
      }),
    );
  }

  history(localId: string): CheckRun[] {
    return (this.sql('SELECT * FROM check_runs WHERE local_id = ? ORDER BY id').all(localId) as RunRow[]).map(
      toRun,
    );
  }

  /** Every listing with its latest run (null when never checked), newest listing first. */
  /**
   * Every listing's summary from its own row (no JSON, no join), newest first, with what was
   * checked (revision and pack) so the caller can tell a stale summary.
   */
  summaries(
    where = '',
    params: unknown[] = [],
  ): { summary: ListingSummary; checkRevision: number | null; checkPack: string | null }[] {
    const rows = this.sql(
      `SELECT ${summaryColumns} FROM listings ${where} ORDER BY updated_at DESC, local_id`,
    ).all(...params) as SummaryRow[];
    return rows.map(summaryOf);
  }

  /**
   * One page of the listings table: filtered, sorted and paged in SQL, only the table's columns,
   * with the count of matching and of all listings. Ties keep a stable order (local_id).
   */
  page(request: ListingsPageRequest): { rows: ListingSummary[]; total: number; all: number } {
    const { where, params } = listingFilterSql(request);
    const sort = request.sort ?? { field: 'updatedAt', order: 'desc' };
    const direction = sort.order === 'asc' ? 'ASC' : 'DESC';
    const rows = this.sql(
      `SELECT ${summaryColumns} FROM listings ${where}
        ORDER BY ${sortExpressions[sort.field]} ${direction}, local_id ${direction} LIMIT ? OFFSET ?`,
    ).all(...params, request.limit, request.offset) as SummaryRow[];
    const total = (this.sql(`SELECT count(*) AS n FROM listings ${where}`).get(...params) as { n: number }).n;
    const all = where ? (this.sql('SELECT count(*) AS n FROM listings').get() as { n: number }).n : total;
    return { rows: rows.map((row) => summaryOf(row).summary), total, all };
  }

  /** Listings whose stored summary is not of their current revision and pack (stored before issue 11, or by an older pack). */
  staleIds(packKey: string): string[] {
    // Two index lookups (migration 0008), not a scan: this runs before every page load.
    const ids = new Set(
      (
        this.sql(
          'SELECT local_id FROM listings WHERE check_revision IS NULL OR check_revision != revision',
        ).all() as { local_id: string }[]
      ).map((r) => r.local_id),
    );
    for (const r of this.sql(
      'SELECT local_id FROM listings WHERE check_pack IS NULL OR check_pack < ? OR check_pack > ?',
    ).all(packKey, packKey) as { local_id: string }[])
      ids.add(r.local_id);
    return [...ids];
  }
}

/** The SQL of each sortable column; NULL (never checked) sorts below every checked listing. */
const sortExpressions: Record<ListingSortField, string> = {
  title: 'title',
  blockers: 'coalesce(blockers, -1)',
  warnings: 'coalesce(warnings, -1)',
  // workspace-model's exposureRank: expulsion, then whole deposit, then points.
  exposure:
    'CASE WHEN checked_at IS NULL THEN -1 ELSE exposure_expel * 1000000 + exposure_deposit_all * 100000 + exposure_points END',
  checkedAt: "coalesce(checked_at, '')",
  updatedAt: 'updated_at',
};

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** WHERE clause and parameters of the listings table's filters (same meaning as filterSummaries did in the page). */
export function listingFilterSql(filter: Omit<ListingsPageRequest, 'offset' | 'limit' | 'sort'>): {
  where: string;
  params: unknown[];
} {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const q = filter.query?.trim();
  if (q) {
    clauses.push("(title LIKE ? ESCAPE '\\' OR coalesce(listing_id, '') LIKE ? ESCAPE '\\')");
    params.push(likePattern(q), likePattern(q));
  }
  if (filter.state === 'unchecked') clauses.push('checked_at IS NULL');
  else if (filter.state === 'blocked') clauses.push('checked_at IS NOT NULL AND blockers > 0');
  else if (filter.state === 'ready') clauses.push('checked_at IS NOT NULL AND blockers = 0');
  if (filter.rule) {
    clauses.push('checked_at IS NOT NULL AND (rule_mask & ?) != 0');
    params.push(1 << ruleIds.indexOf(filter.rule));
  }
  if (filter.severity) {
    const column = { blocker: 'blockers', warning: 'warnings', info: 'infos' }[filter.severity];
    clauses.push(`checked_at IS NOT NULL AND ${column} > 0`);
  }
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

export const summaryColumns = `local_id, revision, status, updated_at, title, listing_id, type, price_amount_fen, price_billing,
  check_revision, check_pack, checked_at, blockers, warnings, infos, exposure_points, exposure_freeze, exposure_deposit_fen,
  exposure_expel, exposure_deposit_all, rule_mask`;

export function summaryOf(row: SummaryRow): {
  summary: ListingSummary;
  checkRevision: number | null;
  checkPack: string | null;
} {
  return {
    checkRevision: row.check_revision,
    checkPack: row.check_pack,
    summary: {
      localId: row.local_id,
      revision: row.revision,
      status: row.status,
      updatedAt: row.updated_at,
      title: row.title,
      ...(row.listing_id === null ? {} : { listingId: row.listing_id }),
      type: row.type,
      priceAmount: fenToYuan(row.price_amount_fen),
      billing: row.price_billing,
      check:
        row.checked_at === null
          ? null
          : {
              checkedAt: row.checked_at,
              counts: { blockers: row.blockers ?? 0, warnings: row.warnings ?? 0, infos: row.infos ?? 0 },
              exposure: {
                points: row.exposure_points ?? 0,
                freezeDays: row.exposure_freeze ?? 0,
                depositYuan: fenToYuan(row.exposure_deposit_fen ?? 0),
                expel: row.exposure_expel === 1,
                depositAll: row.exposure_deposit_all === 1,
              } as Omit<Exposure, 'rows'>,
              ruleMask: row.rule_mask ?? 0,
            },
    },
  };
}
