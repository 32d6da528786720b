/** The rule packs the core has, the last activation's diff, and the re-check in progress. */
import { create } from 'zustand';
import type { RulePackDiff, RulePackInfo } from '../../../../shared/ipc/contract';
import { call, onEvent } from '../../api';

interface RulePacksState {
  packs: RulePackInfo[];
  diff: RulePackDiff | null;
  /** While an activation or "go back" re-checks every listing (`cancelling` once asked to stop). */
  busy: { done: number; total: number; cancelling: boolean } | null;
  load(): Promise<void>;
  importFile(file: { name: string; text: string }): Promise<RulePackInfo>;
  activate(key: string): Promise<RulePackDiff>;
  revert(): Promise<RulePackDiff>;
  /** Stops the re-check in progress (the core answers with what it re-checked so far). */
  cancel(): Promise<void>;
}

export const useRulePacks = create<RulePacksState>((set, get) => {
  let operationId: string | null = null;
  /** Long work: the core re-checks every listing and reports progress for this operation. */
  const recheck = async (work: (operationId: string) => Promise<RulePackDiff>) => {
    const id = crypto.randomUUID();
    operationId = id;
    set({ busy: { done: 0, total: 0, cancelling: false } });
    const stop = onEvent('progress', (p) => {
      const busy = get().busy;
      if (p.operationId === id && busy) set({ busy: { ...busy, done: p.done, total: p.total } });
    });
    try {
      const diff = await work(id);
      set({ diff });
      await get().load();
      return diff;
    } finally {
      operationId = null;
      stop();
      set({ busy: null });
    }
  };
  return {
    packs: [],
    diff: null,
    busy: null,
    async load() {
      const listed = await call('rulepacks.list', {});
      set({ packs: listed.packs, diff: listed.lastDiff });
    },
    async importFile(file) {
      const info = await call('rulepacks.import', file);
      await get().load();
      return info;
    },
    activate: (key) => recheck((operationId) => call('rulepacks.activate', { key, operationId })),
    revert: () => recheck((operationId) => call('rulepacks.revert', { operationId })),
    async cancel() {
      const busy = get().busy;
      if (!busy || busy.cancelling || !operationId) return;
      set({ busy: { ...busy, cancelling: true } });
      await call('app.cancel', { operationId });
    },
  };
});

// Another window (or the marketplace) may change the packs: follow the core's events.
onEvent('data.changed', ({ topics }) => {
  if (topics.includes('rulepacks'))
    void useRulePacks
      .getState()
      .load()
      .catch(() => undefined);
});
