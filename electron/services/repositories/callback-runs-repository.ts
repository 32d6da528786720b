/** The delivery-callback endpoint under test and the history of tester runs (migration 0006). */
import type { CallbackCheckId } from '../../../shared/callbacks/checks';
import type { CallbackRun, CallbackRunSummary } from '../../../shared/ipc/contract';
import type { Store } from '../db/database';

interface RunRow {
  id: number;
  url: string;
  started_at: string;
  finished_at: string | null;
  state: CallbackRun['state'];
  timeout_ms: number;
  retry_interval_ms: number;
  pass: number;
  fail: number;
  skip: number;
  error: string | null;
  checks_json: string;
}

export interface SavedEndpoint {
  url: string;
  timeoutMs: number;
  retryIntervalMs: number;
}

const summaryOf = (row: RunRow): CallbackRunSummary => ({
  id: row.id,
  url: row.url,
  startedAt: row.started_at,
  finishedAt: row.finished_at,
  state: row.state,
  summary: { pass: row.pass, fail: row.fail, skip: row.skip },
});

export class CallbackRunsRepository {
  constructor(
    private readonly store: Store,
    private readonly now: () => Date,
  ) {}

  endpoint(): SavedEndpoint | null {
    const row = this.store.db
      .prepare('SELECT url, timeout_ms, retry_interval_ms FROM callback_endpoint WHERE id = 1')
      .get() as { url: string; timeout_ms: number; retry_interval_ms: number } | undefined;
    return row ? { url: row.url, timeoutMs: row.timeout_ms, retryIntervalMs: row.retry_interval_ms } : null;
  }

  saveEndpoint(endpoint: SavedEndpoint): void {
    this.store.write((db) =>
      db
        .prepare(
          `INSERT INTO callback_endpoint (id, url, timeout_ms, retry_interval_ms, updated_at) VALUES (1, ?, ?, ?, ?)
           ON CONFLICT (id) DO UPDATE SET url = excluded.url, timeout_ms = excluded.timeout_ms,
             retry_interval_ms = excluded.retry_interval_ms, updated_at = excluded.updated_at`,
        )
        .run(endpoint.url, endpoint.timeoutMs, endpoint.retryIntervalMs, this.now().toISOString()),
    );
  }

  start(url: string, startedAt: string, timeoutMs: number, retryIntervalMs: number): number {
    return this.store.write((db) =>
      Number(
        db
          .prepare(
            `INSERT INTO callback_runs (url, started_at, state, timeout_ms, retry_interval_ms) VALUES (?, ?, 'running', ?, ?)`,
          )
          .run(url, startedAt, timeoutMs, retryIntervalMs).lastInsertRowid,
      ),
    );
  }

  finish(id: number, run: Pick<CallbackRun, 'state' | 'finishedAt' | 'summary' | 'error' | 'checks'>): void {
    this.store.write((db) =>
      db
        .prepare(
          `UPDATE callback_runs SET state = ?, finished_at = ?, pass = ?, fail = ?, skip = ?, error = ?, checks_json = ? WHERE id = ?`,
        )
        .run(
          run.state,
          run.finishedAt,
          run.summary.pass,
          run.summary.fail,
          run.summary.skip,
          run.error,
          JSON.stringify(run.checks),
          id,
        ),
    );
  }

  /** Runs left "running" by a process that ended mid-run. */
  markInterrupted(message: string): void {
    if (!this.store.writable) return;
    this.store.write((db) =>
      db
        .prepare(
          `UPDATE callback_runs SET state = 'failed', error = ?, finished_at = ? WHERE state = 'running'`,
        )
        .run(message, this.now().toISOString()),
    );
  }

  get(id: number): CallbackRun | null {
    const row = this.store.db.prepare('SELECT * FROM callback_runs WHERE id = ?').get(id) as
      RunRow | undefined;
    if (!row) return null;
    return {
      ...summaryOf(row),
      timeoutMs: row.timeout_ms,
      retryIntervalMs: row.retry_interval_ms,
      checks: JSON.parse(row.checks_json) as CallbackRun['checks'],
      current: null,
      error: row.error,
    };
  }

  history(limit = 100): CallbackRunSummary[] {
    return (
      this.store.db.prepare('SELECT * FROM callback_runs ORDER BY id DESC LIMIT ?').all(limit) as RunRow[]
    ).map(summaryOf);
  }
}

export type { CallbackCheckId };
