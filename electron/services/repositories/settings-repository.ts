/** Settings: one JSON value per key, validated against the contract's schema when read. */
import { settingsSchema, type Settings } from '../../../shared/ipc/contract';
import type { Store } from '../db/database';

const defaults: Settings = { locale: 'zh-CN' };

export class SettingsRepository {
  constructor(
    private readonly store: Store,
    private readonly now: () => Date = () => new Date(),
  ) {}

  get(): Settings {
    const rows = this.store.db.prepare('SELECT key, value_json FROM settings').all() as {
      key: string;
      value_json: string;
    }[];
    const stored = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value_json) as unknown]));
    // A value a future version wrote in another shape falls back to the default, field by field.
    const merged: Record<string, unknown> = { ...defaults };
    for (const key of Object.keys(settingsSchema.shape) as (keyof Settings)[]) {
      const parsed = settingsSchema.shape[key].safeParse(stored[key]);
      if (parsed.success) merged[key] = parsed.data;
    }
    return merged as Settings;
  }

  update(patch: Partial<Settings>): Settings {
    this.store.write((db) => {
      const upsert = db.prepare(
        'INSERT INTO settings (key, value_json, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at',
      );
      for (const [key, value] of Object.entries(patch)) {
        if (value !== undefined) upsert.run(key, JSON.stringify(value), this.now().toISOString());
      }
    });
    return this.get();
  }
}
