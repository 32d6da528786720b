/** The latest online verification of each product-page URL, with the time it was taken. */
import type Database from 'better-sqlite3';
import type { OfficialSiteVerification } from '../../../shared/check/types';
import type { Store } from '../db/database';

export class OfficialSiteCacheRepository {
  private getStatement?: Database.Statement;

  constructor(private readonly store: Store) {}

  get(url: string): OfficialSiteVerification | null {
    this.getStatement ??= this.store.db.prepare('SELECT result_json FROM official_site_cache WHERE url = ?');
    const row = this.getStatement.get(url.trim()) as { result_json: string } | undefined;
    return row ? (JSON.parse(row.result_json) as OfficialSiteVerification) : null;
  }

  put(result: OfficialSiteVerification): void {
    this.store.write((db) =>
      db
        .prepare(
          `INSERT INTO official_site_cache (url, checked_at, result_json) VALUES (?, ?, ?)
           ON CONFLICT (url) DO UPDATE SET checked_at = excluded.checked_at, result_json = excluded.result_json`,
        )
        .run(result.url.trim(), result.checkedAt, JSON.stringify(result)),
    );
  }
}
