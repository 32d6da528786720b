/**
 * The editor's unsaved draft (issue 17), kept in the settings table under its own key (no schema
 * change: the settings reader only reads the keys it knows). One slot; saving replaces it.
 */
import { editorDraftSchema, maxDraftChars, type EditorDraft } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import type { Store } from '../db/database';

export const DRAFT_KEY = 'editorDraft';

export class DraftsRepository {
  constructor(
    private readonly store: Store,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The stored draft, or null (none, or one in a shape this version does not read). */
  get(): EditorDraft | null {
    const row = this.store.db.prepare('SELECT value_json FROM settings WHERE key = ?').get(DRAFT_KEY) as
      { value_json: string } | undefined;
    if (!row) return null;
    try {
      const parsed = editorDraftSchema.safeParse(JSON.parse(row.value_json));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  save(draft: EditorDraft): void {
    const text = JSON.stringify(draft);
    if (text.length > maxDraftChars)
      throw new AppError(
        'invalid-input',
        `草稿太大（${text.length} 字符，上限 ${maxDraftChars}），未自动保存：请先保存商品 / draft too large to keep (${text.length} characters, limit ${maxDraftChars}): save the listing`,
      );
    this.store.write((db) =>
      db
        .prepare(
          'INSERT INTO settings (key, value_json, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at',
        )
        .run(DRAFT_KEY, text, this.now().toISOString()),
    );
  }

  discard(): boolean {
    return this.store.write(
      (db) => db.prepare('DELETE FROM settings WHERE key = ?').run(DRAFT_KEY).changes > 0,
    );
  }
}
