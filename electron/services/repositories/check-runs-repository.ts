/**
 * Check history: one row per check run with the numbers the listings page shows (counts,
 * exposure, rule ids), and the per-listing summary built from each listing's latest run.
 */
import type Database from 'better-sqlite3';
import { maskOfRules } from '../../../shared/check/exposure';
import type { CheckRun, Exposure, ListingSummary } from '../../../shared/ipc/contract';
import type { RuleId } from '../../../shared/check/types';
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

interface SummaryRow {
  l_local_id: string;
  l_revision: number;
  l_status: 'draft';
  l_updated_at: string;
  l_title: string;
  l_listing_id: string | null;
  l_type: ListingSummary['type'];
  l_price_amount_fen: number;
  l_price_billing: string;
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

const runColumns = [
  'id',
  'local_id',
  'revision',
  'checked_at',
  'pack_id',
  'pack_version',
  'blockers',
  'warnings',
  'infos',
  'exposure_points',
  'exposure_freeze',
  'exposure_deposit_fen',
  'exposure_expel',
  'exposure_deposit_all',
  'penalty_rows_json',
  'rules_json',
];

export class CheckRunsRepository {
  private readonly statements = new Map<string, Database.Statement>();

  constructor(private readonly store: Store) {}

  // Prepared once per repository: the summary of 10,000 listings records thousands of runs.
  private sql(text: string): Database.Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.store.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
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
  summaries(): { summary: ListingSummary; latestRun: CheckRun | null }[] {
    const rows = this.sql(
      `SELECT l.local_id AS l_local_id, l.revision AS l_revision, l.status AS l_status, l.updated_at AS l_updated_at, l.title AS l_title,
              l.listing_id AS l_listing_id, l.type AS l_type, l.price_amount_fen AS l_price_amount_fen, l.price_billing AS l_price_billing,
              ${runColumns.map((c) => `r.${c}`).join(', ')}
         FROM listings l
         LEFT JOIN check_runs r ON r.id = (SELECT max(id) FROM check_runs WHERE local_id = l.local_id)
        ORDER BY l.updated_at DESC, l.local_id`,
    ).all() as (SummaryRow & Partial<RunRow>)[];
    return rows.map((row) => {
      const latestRun = row.id === null || row.id === undefined ? null : toRun(row as RunRow);
      const { rows: _penaltyRows, ...exposure } = latestRun?.exposure ?? { rows: [] };
      return {
        latestRun,
        summary: {
          localId: row.l_local_id,
          revision: row.l_revision,
          status: row.l_status,
          updatedAt: row.l_updated_at,
          title: row.l_title,
          ...(row.l_listing_id === null ? {} : { listingId: row.l_listing_id }),
          type: row.l_type,
          priceAmount: fenToYuan(row.l_price_amount_fen),
          billing: row.l_price_billing,
          check: latestRun
            ? {
                checkedAt: latestRun.checkedAt,
                counts: latestRun.counts,
                exposure: exposure as Omit<Exposure, 'rows'>,
                ruleMask: maskOfRules(latestRun.rules),
              }
            : null,
        },
      };
    });
  }
}
