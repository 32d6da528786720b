/** Policy packs loaded from a file (migration 0014), one per id. */
import type { Store } from '../db/database';

export interface StoredPolicyPack {
  id: string;
  version: string;
  packJson: string;
  fileName: string;
  addedAt: string;
}

interface Row {
  id: string;
  version: string;
  pack_json: string;
  file_name: string;
  added_at: string;
}

const toStored = (r: Row): StoredPolicyPack => ({
  id: r.id,
  version: r.version,
  packJson: r.pack_json,
  fileName: r.file_name,
  addedAt: r.added_at,
});

export class PolicyPacksRepository {
  constructor(private readonly store: Store) {}

  list(): StoredPolicyPack[] {
    return (this.store.sql('SELECT * FROM policy_packs ORDER BY id').all() as Row[]).map(toStored);
  }

  get(id: string): StoredPolicyPack | undefined {
    const row = this.store.sql('SELECT * FROM policy_packs WHERE id = ?').get(id) as Row | undefined;
    return row && toStored(row);
  }

  /** Stores a validated pack, replacing the loaded pack of the same id. */
  put(pack: StoredPolicyPack): void {
    this.store.write(() =>
      this.store
        .sql(
          `INSERT INTO policy_packs (id, version, pack_json, file_name, added_at) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (id) DO UPDATE SET version = excluded.version, pack_json = excluded.pack_json,
             file_name = excluded.file_name, added_at = excluded.added_at`,
        )
        .run(pack.id, pack.version, pack.packJson, pack.fileName, pack.addedAt),
    );
  }

  /** Whether a row was deleted. */
  remove(id: string): boolean {
    return this.store.write(
      () => this.store.sql('DELETE FROM policy_packs WHERE id = ?').run(id).changes > 0,
    );
  }
}
