/**
 * Sync state for the header indicator, the Sync page and the Settings card. Refreshed after each
 * user action, on page open, and when the core announces a change (`sync.state`, `data.changed`
 * with reason sync: stores/core-events.ts); no polling. After a sync the pages reload.
 */
import { create } from 'zustand';
import type { ConnectionView, RequestOf, SyncStatusView } from '../../../../shared/ipc/contract';
import { call } from '../../api';
import { useCompliance } from '../../stores/compliance-store';

interface SyncState {
  status: SyncStatusView | null;
  connection: ConnectionView | null;
  load(): Promise<void>;
  connect(request: RequestOf<'sync.connect'>): Promise<void>;
  test(): Promise<{ vendorId: string; name: string }>;
  disconnect(): Promise<void>;
  syncNow(): Promise<{ pushed: number; pulled: number }>;
  retry(id: number): Promise<void>;
  discard(id: number): Promise<void>;
  resolve(id: number, choice: 'keep-mine' | 'take-theirs'): Promise<void>;
}

export const useSync = create<SyncState>((set, get) => ({
  status: null,
  connection: null,
  load: async () => {
    const [status, connection] = await Promise.all([call('sync.status', {}), call('sync.connection', {})]);
    set({ status, connection });
  },
  connect: async (request) => {
    set({ connection: await call('sync.connect', request) });
    await get().load();
  },
  test: () => call('sync.testConnection', {}),
  disconnect: async () => {
    set({ connection: await call('sync.disconnect', {}) });
    await get().load();
  },
  syncNow: async () => {
    try {
      const report = await call('sync.now', {});
      void useCompliance.getState().load();
      return { pushed: report.pushed, pulled: report.pulled };
    } finally {
      await get().load();
    }
  },
  retry: async (id) => {
    await call('sync.retry', { id });
    await get().load();
  },
  discard: async (id) => {
    await call('sync.discard', { id });
    await get().load();
  },
  resolve: async (id, choice) => {
    await call('sync.resolveConflict', { id, choice });
    await get().load();
  },
}));
