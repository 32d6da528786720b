/**
 * Listings as the UI sees them: the list (one small summary row per listing, from the latest
 * stored check run) and the open editor — its draft, the live findings for exactly that draft,
 * and an undo stack of the listing states before each applied fix.
 */
import { create } from 'zustand';
import type { Finding, OfficialSiteVerification, RuleId } from '../../../shared/check/types';
import type { CheckRun, ImportFileResult, ListingRecord, ListingSummary } from '../../../shared/ipc/contract';
import type { Listing } from '../../../shared/listing/schema';
import { call } from '../api';
import { localWrite } from './local-writes';
import { applyFixes, fixableOfRule, fixApplies } from '../pages/listings/workspace-model';

export const UNDO_LIMIT = 100;

export interface EditorState {
  /** The stored record being edited; null for a listing not saved yet. */
  record: ListingRecord | null;
  draft: Listing;
  /** Listing states before each applied fix, newest last. */
  undoStack: Listing[];
  findings: Finding[];
  /** The draft the findings were computed for (identity): fixes trust offsets only then. */
  findingsFor: Listing | null;
  checkMs: number | null;
  verification: OfficialSiteVerification | null;
  history: CheckRun[];
}

interface ListingsState {
  rows: ListingSummary[];
  loading: boolean;
  editor: EditorState | null;
  load(): Promise<void>;
  duplicate(localId: string): Promise<ListingRecord>;
  remove(localId: string): Promise<void>;
  /** One file per call, so every file reported imported is already committed. */
  importFiles(
    files: { name: string; text: string }[],
    onProgress: (done: number) => void,
  ): Promise<ImportFileResult[]>;
  exportFile(localIds?: string[]): Promise<{ fileName: string; text: string; count: number }>;

  /** Opens the editor on a stored listing (by id) or on a new one. */
  openEditor(localId: string | null, blank: Listing): Promise<void>;
  closeEditor(): void;
  /** The user typed: the draft changes, the undo stack of fixes does not. */
  setDraft(listing: Listing): void;
  /** A check result; ignored unless it is for the current draft. */
  setFindings(listing: Listing, findings: Finding[], ms: number): void;
  /** Applies one finding's fix; returns how many fixes were applied (0: stale). */
  applyFix(finding: Finding): number;
  /** Applies every non-overlapping fix of a rule in one undoable step. */
  applyAllOfRule(ruleId: RuleId): number;
  undo(): boolean;
  /** Saves the (validated) listing, records a check run, refreshes history and list. */
  save(listing: Listing): Promise<{ record: ListingRecord; run: CheckRun }>;
  verifyOfficialSite(url: string): Promise<OfficialSiteVerification>;
}

function withFix(editor: EditorState, next: Listing): EditorState {
  return { ...editor, draft: next, undoStack: [...editor.undoStack, editor.draft].slice(-UNDO_LIMIT) };
}

async function cachedVerification(listing: Listing): Promise<OfficialSiteVerification | null> {
  const url = listing.officialSite?.productPageUrl?.trim();
  return url ? (await call('checks.cachedVerification', { url })).verification : null;
}

export const useListings = create<ListingsState>((set, get) => {
  const applyIfFresh = (findings: Finding[]): number => {
    const editor = get().editor;
    if (!editor) return 0;
    // Offsets are trusted for the draft they were computed on; after typing, only a span whose
    // text is still there (checked by fixApplies) may be fixed.
    const fresh = editor.findingsFor === editor.draft;
    const usable = findings.filter((f) => fixApplies(editor.draft, f) && (fresh || f.start !== undefined));
    const { listing, applied } = applyFixes(editor.draft, usable);
    if (applied > 0) set({ editor: withFix(editor, listing) });
    return applied;
  };

  return {
    rows: [],
    loading: false,
    editor: null,
    async load() {
      set({ loading: true });
      try {
        set({ rows: await call('checks.summary', {}) });
      } finally {
        set({ loading: false });
      }
    },
    duplicate: (localId) =>
      localWrite(async () => {
        const record = await call('listings.duplicate', { localId });
        await get().load();
        return record;
      }),
    remove: (localId) =>
      localWrite(async () => {
        await call('listings.delete', { localId });
        await get().load();
      }),
    importFiles: (files, onProgress) => localWrite(async () => {
      const results: ImportFileResult[] = [];
      for (const file of files) {
        const {
          files: [result],
        } = await call('listings.import', { files: [file] });
        if (result) results.push(result);
        onProgress(results.length);
      }
      await get().load();
      return results;
    }),
    exportFile(localIds) {
      return call('listings.export', localIds ? { localIds } : {});
    },

    async openEditor(localId, blank) {
      const record = localId ? await call('listings.get', { localId }) : null;
      const draft = record?.listing ?? blank;
      const [verification, history] = await Promise.all([
        cachedVerification(draft),
        record ? call('checks.history', { localId: record.localId }) : Promise.resolve([]),
      ]);
      set({
        editor: {
          record,
          draft,
          undoStack: [],
          findings: [],
          findingsFor: null,
          checkMs: null,
          verification,
          history,
        },
      });
    },
    closeEditor() {
      set({ editor: null });
    },
    setDraft(listing) {
      const editor = get().editor;
      if (editor) set({ editor: { ...editor, draft: listing } });
    },
    setFindings(listing, findings, ms) {
      const editor = get().editor;
      if (editor && editor.draft === listing)
        set({ editor: { ...editor, findings, findingsFor: listing, checkMs: ms } });
    },
    applyFix(finding) {
      return applyIfFresh([finding]);
    },
    applyAllOfRule(ruleId) {
      const editor = get().editor;
      return editor ? applyIfFresh(fixableOfRule(editor.findings, ruleId)) : 0;
    },
    undo() {
      const editor = get().editor;
      const previous = editor?.undoStack.at(-1);
      if (!editor || !previous) return false;
      set({ editor: { ...editor, draft: previous, undoStack: editor.undoStack.slice(0, -1) } });
      return true;
    },
    save: (listing) => localWrite(async () => {
      const editor = get().editor;
      const record = editor?.record
        ? await call('listings.update', {
            localId: editor.record.localId,
            revision: editor.record.revision,
            listing,
          })
        : await call('listings.create', { listing });
      const { run } = await call('checks.run', { localId: record.localId });
      const history = await call('checks.history', { localId: record.localId });
      const current = get().editor;
      if (current) set({ editor: { ...current, record, history } });
      await get().load();
      return { record, run };
    }),
    async verifyOfficialSite(url) {
      const editor = get().editor;
      const verification = await call('checks.verifyOfficialSite', { url, title: editor?.draft.title ?? '' });
      const current = get().editor;
      if (current) set({ editor: { ...current, verification } });
      return verification;
    },
  };
});
