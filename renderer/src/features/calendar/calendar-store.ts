/**
 * Which years have an official holiday calendar (calendar.status), shared by the banner on the
 * Service and Settings pages and the Settings card, and the import/remove actions that change it.
 * After a change the compliance snapshot is reloaded, since every deadline may move.
 */
import { create } from 'zustand';
import type { CalendarStatus } from '../../../../shared/ipc/contract';
import { call } from '../../api';
import { useCompliance } from '../../stores/compliance-store';

interface CalendarState {
  status: CalendarStatus | null;
  load(): Promise<void>;
  importFile(file: { name: string; text: string }): Promise<{ year: number; replaced: boolean }>;
  removeYear(year: number): Promise<void>;
}

export const useCalendarStatus = create<CalendarState>((set) => ({
  status: null,
  load: async () => set({ status: await call('calendar.status', {}) }),
  importFile: async (file) => {
    const result = await call('calendar.importYear', file);
    set({ status: result.status });
    void useCompliance.getState().load();
    return { year: result.year, replaced: result.replaced };
  },
  removeYear: async (year) => {
    set({ status: await call('calendar.removeYear', { year }) });
    void useCompliance.getState().load();
  },
}));
