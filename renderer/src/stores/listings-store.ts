/**
 * Listings as the UI sees them: the list (one small summary row per listing, from the latest
 * stored check run) and the open editor — its draft and the live findings of the latest check
 * (possibly of a draft a few keystrokes old: the editors map them onto the current text). Fixes
 * and their undo live in the editors' own history (ListingForm).
 */
import { create } from 'zustand';
import type { Finding, OfficialSiteVerification } from '../../../shared/check/types';
import type { CheckRun, ListingRecord } from '../../../shared/ipc/contract';
import type { Listing } from '../../../shared/listing/schema';
import { call } from '../api';
import { localWrite } from './local-writes';

export interface EditorState {
  /** The stored record being edited; null for a listing not saved yet. */
  record: ListingRecord | null;
  draft: Listing;
  findings: Finding[];
  /** The draft the findings were computed for (identity): plain fields trust offsets only then. */
  findingsFor: Listing | null;
  checkMs: number | null;
  /**
   * The findings are of a check scheduled by typing (one per keystroke): views too large to
   * follow each keystroke wait until typing pauses (useSettledCheckResult).
   */
  findingsTyped: boolean;
  verification: OfficialSiteVerification | null;
  history: CheckRun[];
  /** The draft is an unsaved edit restored from the autosave (it starts out changed). */
  restored?: boolean;
  /** The finding selected with F8 or a click (an index into `findings`), -1: none. */
  selected: number;
}

interface ListingsState {
  /**
   * Bumped whenever the listings may have changed: the table (features/listings-table) reloads
   * the rows it shows from the core. The list itself is not kept here (10,000 rows).
   */
  version: number;
  editor: EditorState | null;
  load(): Promise<void>;
  duplicate(localId: string): Promise<ListingRecord>;
  remove(localId: string): Promise<void>;
  exportFile(localIds?: string[]): Promise<{ fileName: string; text: string; count: number }>;

  /**
   * Opens the editor on a stored listing (by id) or on a new one; `restored`: an autosaved draft
   * to edit instead of the stored listing (a draft of a listing deleted since opens as new).
   */
  openEditor(localId: string | null, blank: Listing, restored?: Listing): Promise<void>;
  closeEditor(): void;
  /** The user typed or a fix was applied: the draft changes. */
  setDraft(listing: Listing): void;
  /**
   * A check result of this editing session, for the current draft or an older one (results come
   * in order; the editors map an older one's spans through the edits made since).
   */
  setFindings(listing: Listing, findings: Finding[], ms: number, typed?: boolean): void;
  /** Selects a finding (outlined in its field and in the panel). */
  select(index: number): void;
  /** Saves the (validated) listing, records a check run, refreshes history and list. */
  save(listing: Listing): Promise<{ record: ListingRecord; run: CheckRun }>;
  verifyOfficialSite(url: string): Promise<OfficialSiteVerification>;
}

async function cachedVerification(listing: Listing): Promise<OfficialSiteVerification | null> {
  const url = listing.officialSite?.productPageUrl?.trim();
  return url ? (await call('checks.cachedVerification', { url })).verification : null;
}

export const useListings = create<ListingsState>((set, get) => {
  return {
    version: 0,
    editor: null,
    async load() {
      set({ version: get().version + 1 });
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
    exportFile(localIds) {
      return call('listings.export', localIds ? { localIds } : {});
    },

    async openEditor(localId, blank, restored) {
      const record = localId
        ? await call('listings.get', { localId }).catch((error: unknown) => {
            if (restored && error instanceof Error && (error as { code?: string }).code === 'not-found')
              return null;
            throw error;
          })
        : null;
      const draft = restored ?? record?.listing ?? blank;
      const [verification, history] = await Promise.all([
        cachedVerification(draft),
        record ? call('checks.history', { localId: record.localId }) : Promise.resolve([]),
      ]);
      set({
        editor: {
          record,
          draft,
          findings: [],
          findingsFor: null,
          checkMs: null,
          findingsTyped: false,
          verification,
          history,
          restored: restored !== undefined,
          selected: -1,
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
    setFindings(listing, findings, ms, typed = false) {
      const editor = get().editor;
      if (editor)
        set({ editor: { ...editor, findings, findingsFor: listing, checkMs: ms, findingsTyped: typed } });
    },
    select(index) {
      const editor = get().editor;
      if (editor && editor.selected !== index) set({ editor: { ...editor, selected: index } });
    },
    save: (listing) =>
      localWrite(async () => {
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
