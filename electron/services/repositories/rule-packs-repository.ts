/** Stored rule packs and their activations (migration 0010). */
import type { RulePackDiff } from '../../../shared/ipc/contract';
import type { Store } from '../db/database';

export interface StoredRulePack {
  key: string;
  packJson: string;
  source: 'file' | 'marketplace';
  sourceName: string | null;
  addedAt: string;
}

interface PackRow {
  key: string;
  pack_json: string;
  source: 'file' | 'marketplace';
  source_name: string | null;
  added_at: string;
}

const toStored = (r: PackRow): StoredRulePack => ({
  key: r.key,
  packJson: r.pack_json,
  source: r.source,
  sourceName: r.source_name,
  addedAt: r.added_at,
});

export class RulePacksRepository {
  constructor(private readonly store: Store) {}

  list(): StoredRulePack[] {
    return (this.store.sql('SELECT * FROM rule_packs ORDER BY added_at, key').all() as PackRow[]).map(
      toStored,
    );
  }

  get(key: string): StoredRulePack | undefined {
    const row = this.store.sql('SELECT * FROM rule_packs WHERE key = ?').get(key) as PackRow | undefined;
    return row && toStored(row);
  }

  /** Stores a validated pack; a key stored already keeps its first text (same id and version). */
  add(pack: StoredRulePack): void {
    this.store.write(() =>
      this.store
        .sql(
          'INSERT INTO rule_packs (key, pack_json, source, source_name, added_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING',
        )
        .run(pack.key, pack.packJson, pack.source, pack.sourceName, pack.addedAt),
    );
  }

  /** The keys activated, newest first (consecutive repeats folded). */
  activations(limit = 2): string[] {
    const rows = this.store.sql('SELECT key FROM rule_pack_activations ORDER BY seq DESC LIMIT 50').all() as {
      key: string;
    }[];
    const keys: string[] = [];
    for (const { key } of rows) if (keys.at(-1) !== key) keys.push(key);
    return keys.slice(0, limit);
  }

  recordActivation(key: string, at: string): number {
    return Number(
      this.store.sql('INSERT INTO rule_pack_activations (key, activated_at) VALUES (?, ?)').run(key, at)
        .lastInsertRowid,
    );
  }

  setDiff(seq: number, diff: RulePackDiff): void {
    this.store
      .sql('UPDATE rule_pack_activations SET diff_json = ? WHERE seq = ?')
      .run(JSON.stringify(diff), seq);
  }

  lastDiff(): RulePackDiff | null {
    const row = this.store
      .sql(
        'SELECT diff_json FROM rule_pack_activations WHERE diff_json IS NOT NULL ORDER BY seq DESC LIMIT 1',
      )
      .get() as { diff_json: string } | undefined;
    if (!row) return null;
    // Diffs stored before cancelling existed re-checked every stale listing.
    const diff = JSON.parse(row.diff_json) as Omit<RulePackDiff, 'total' | 'cancelled'> &
      Partial<RulePackDiff>;
    return { ...diff, total: diff.total ?? diff.listings, cancelled: diff.cancelled ?? false };
  }
}
