/**
 * The policy packs the core has (bundled, loaded from a file), loading and removing one. A change
 * may move every deadline and confirm or unconfirm a calendar year, so the compliance snapshot,
 * the catalog and the calendar status are reloaded after it.
 */
import { create } from 'zustand';
import type { PolicyPackInfo, ResponseOf } from '../../../../shared/ipc/contract';
import { call, onEvent } from '../../api';
import { useCompliance } from '../../stores/compliance-store';
import { useCalendarStatus } from '../calendar/calendar-store';

interface PolicyPacksState {
  packs: PolicyPackInfo[];
  load(): Promise<void>;
  importFile(file: { name: string; text: string }): Promise<ResponseOf<'policypacks.import'>>;
  remove(id: string): Promise<void>;
}

const reloadDependents = () => {
  void useCompliance.getState().load();
  void useCalendarStatus
    .getState()
    .load()
    .catch(() => undefined);
};

export const usePolicyPacks = create<PolicyPacksState>((set) => ({
  packs: [],
  async load() {
    set({ packs: (await call('policypacks.list', {})).packs });
  },
  async importFile(file) {
    const result = await call('policypacks.import', file);
    set({ packs: result.packs });
    reloadDependents();
    return result;
  },
  async remove(id) {
    set({ packs: (await call('policypacks.remove', { id })).packs });
    reloadDependents();
  },
}));

// Another window may load or remove a pack: follow the core's events.
onEvent('data.changed', ({ topics }) => {
  if (!topics.includes('policypacks')) return;
  void usePolicyPacks
    .getState()
    .load()
    .catch(() => undefined);
  void useCalendarStatus
    .getState()
    .load()
    .catch(() => undefined);
});
