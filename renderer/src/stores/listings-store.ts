/** Listing drafts as the UI sees them; every change goes through the contract and reloads. */
import { create } from 'zustand';
import type { ImportFileResult, ListingRecord } from '../../../shared/ipc/contract';
import type { Listing } from '../../../shared/listing/schema';
import { call } from '../api';

interface ListingsState {
  records: ListingRecord[];
  loading: boolean;
  load(): Promise<void>;
  create(listing: Listing): Promise<ListingRecord>;
  update(record: ListingRecord, listing: Listing): Promise<ListingRecord>;
  duplicate(localId: string): Promise<ListingRecord>;
  remove(localId: string): Promise<void>;
  /** One file per call, so every file reported imported is already committed. */
  importFiles(files: { name: string; text: string }[], onProgress: (done: number) => void): Promise<ImportFileResult[]>;
  exportFile(localIds?: string[]): Promise<{ fileName: string; text: string; count: number }>;
}

export const useListings = create<ListingsState>((set, get) => ({
  records: [],
  loading: false,
  async load() {
    set({ loading: true });
    try {
      set({ records: await call('listings.list', {}) });
    } finally {
      set({ loading: false });
    }
  },
  async create(listing) {
    const record = await call('listings.create', { listing });
    await get().load();
    return record;
  },
  async update(record, listing) {
    const updated = await call('listings.update', { localId: record.localId, revision: record.revision, listing });
    await get().load();
    return updated;
  },
  async duplicate(localId) {
    const record = await call('listings.duplicate', { localId });
    await get().load();
    return record;
  },
  async remove(localId) {
    await call('listings.delete', { localId });
    await get().load();
  },
  async importFiles(files, onProgress) {
    const results: ImportFileResult[] = [];
    for (const file of files) {
      const { files: [result] } = await call('listings.import', { files: [file] });
      if (result) results.push(result);
      onProgress(results.length);
    }
    await get().load();
    return results;
  },
  exportFile(localIds) {
    return call('listings.export', localIds ? { localIds } : {});
  },
}));
