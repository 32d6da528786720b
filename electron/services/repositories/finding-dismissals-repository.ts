/** Dismissed findings per listing (migration 0005). */
import type { Dismissal } from '../../../shared/check/dismissals';
import type { Store } from '../db/database';

interface Row {
  fingerprint: string;
  rule_id: string;
  field: string;
  match: string | null;
  reason: string;
  dismissed_by: string;
  dismissed_at: string;
}

const toDismissal = (r: Row): Dismissal => ({
  fingerprint: r.fingerprint,
  ruleId: r.rule_id,
  field: r.field,
  match: r.match,
  reason: r.reason,
  dismissedBy: r.dismissed_by,
  dismissedAt: r.dismissed_at,
});

export class FindingDismissalsRepository {
  constructor(private readonly store: Store) {}

  forListing(localId: string): Dismissal[] {
    // Asked once per listing checked (an import of 10,000 asks 10,000 times): a cached statement.
    const rows = this.store
      .sql(
        'SELECT fingerprint, rule_id, field, match, reason, dismissed_by, dismissed_at FROM finding_dismissals WHERE local_id = ? ORDER BY dismissed_at, fingerprint',
      )
      .all(localId) as Row[];
    return rows.map(toDismissal);
  }

  /** Stores (or replaces, with the new reason) a dismissal. The reason must say something. */
  dismiss(localId: string, d: Dismissal): Dismissal {
    if (d.reason.trim() === '') throw new RangeError('a dismissal needs a reason');
    this.store.write((db) =>
      db
        .prepare(
          `INSERT INTO finding_dismissals (local_id, fingerprint, rule_id, field, match, reason, dismissed_by, dismissed_at)
           VALUES (@localId, @fingerprint, @ruleId, @field, @match, @reason, @dismissedBy, @dismissedAt)
           ON CONFLICT (local_id, fingerprint) DO UPDATE SET reason = excluded.reason, dismissed_by = excluded.dismissed_by, dismissed_at = excluded.dismissed_at`,
        )
        .run({ localId, ...d, reason: d.reason.trim() }),
    );
    return { ...d, reason: d.reason.trim() };
  }

  /** Takes a dismissal back; false when there was none. */
  restore(localId: string, fingerprint: string): boolean {
    return this.store.write(
      (db) =>
        db
          .prepare('DELETE FROM finding_dismissals WHERE local_id = ? AND fingerprint = ?')
          .run(localId, fingerprint).changes > 0,
    );
  }
}
