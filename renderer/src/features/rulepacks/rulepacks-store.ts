/** The rule packs the core has, the last activation's diff, and the re-check in progress. */
import { create } from 'zustand';
import type { RulePackDiff, RulePackInfo } from '../../../../shared/ipc/contract';
import { call, onEvent } from '../../api';

interface RulePacksState {
  packs: RulePackInfo[];
  diff: RulePackDiff | null;
  /** While an activation or "go back" re-checks every listing. */
  busy: { done: number; total: number } | null;
  load(): Promise<void>;
  importFile(file: { name: string; text: string }): Promise<RulePackInfo>;
  activate(key: string): Promise<RulePackDiff>;
  revert(): Promise<RulePackDiff>;
}

export const useRulePacks = create<RulePacksState>((set, get) => {
  /** Long work: the core re-checks every listing and reports progress for this operation. */
  const recheck = async (work: (operationId: string) => Promise<RulePackDiff>) => {
    const operationId = crypto.randomUUID();
    set({ busy: { done: 0, total: 0 } });
    const stop = onEvent('progress', (p) => {
      if (p.operationId === operationId) set({ busy: { done: p.done, total: p.total } });
    });
    try {
      const diff = await work(operationId);
      set({ diff });
      await get().load();
      return diff;
    } finally {
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
