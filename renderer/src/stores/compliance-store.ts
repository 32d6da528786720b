/**
 * The compliance pages' data: one snapshot of the engines' reports as of the core's clock,
 * reloaded after every change — this window's own, and any the core announces with a
 * `data.changed` event (another import, a deadline passing, an alert; see core-events.ts).
 * Every change goes through the contract.
 */
import { create } from 'zustand';
import type {
  ComplianceCatalog,
  ComplianceSnapshot,
  RequestOf,
  ResponseOf,
} from '../../../shared/ipc/contract';
import { call } from '../api';
import { localWrite } from './local-writes';
import { appNow } from './compliance-view';
import { errorText } from '../features/errors/error-text';

interface ComplianceState {
  snapshot: ComplianceSnapshot | null;
  catalog: ComplianceCatalog | null;
  /** performance.now() when the snapshot arrived (see appNow). */
  receivedAt: number;
  loading: boolean;
  error: string | null;
  load(): Promise<void>;
  /** The app's clock now (ms), consistent with the snapshot's. */
  now(): number;
  saveTicket(ticket: RequestOf<'compliance.saveTicket'>['ticket']): Promise<void>;
  saveLedgerEntry(entry: RequestOf<'compliance.saveLedgerEntry'>['entry']): Promise<void>;
  setDepositRequired(required: number): Promise<void>;
  saveViolation(request: RequestOf<'compliance.saveViolation'>): Promise<void>;
  appeal(request: RequestOf<'compliance.appeal'>): Promise<void>;
  whatIf(request: RequestOf<'compliance.whatIf'>): Promise<ResponseOf<'compliance.whatIf'>>;
  markSeen(): Promise<void>;
}

export const useCompliance = create<ComplianceState>((set, get) => {
  const thenReload = (work: Promise<unknown>) =>
    localWrite(async () => {
      await work;
      await get().load();
    });
  let inFlight: Promise<void> | null = null;
  let again = false;
  const loadOnce = async () => {
    set({ loading: true });
    try {
      const [snapshot, catalog] = await Promise.all([
        call('compliance.snapshot', {}),
        call('compliance.catalog', {}),
      ]);
      set({ snapshot, catalog, receivedAt: performance.now(), error: null });
    } catch (error) {
      set({ error: errorText(error) });
    } finally {
      set({ loading: false });
    }
  };
  return {
    snapshot: null,
    catalog: null,
    receivedAt: 0,
    loading: false,
    error: null,
    async load() {
      // Coalesce: a load asked for while one runs becomes one more load after it.
      if (inFlight) {
        again = true;
        return inFlight;
      }
      inFlight = (async () => {
        do {
          again = false;
          await loadOnce();
        } while (again);
      })().finally(() => (inFlight = null));
      return inFlight;
    },
    now() {
      const { snapshot, receivedAt } = get();
      return snapshot ? appNow(snapshot.atMs, receivedAt, performance.now()) : Date.now();
    },
    saveTicket: (ticket) => thenReload(call('compliance.saveTicket', { ticket })),
    saveLedgerEntry: (entry) => thenReload(call('compliance.saveLedgerEntry', { entry })),
    setDepositRequired: (required) => thenReload(call('compliance.setDepositRequired', { required })),
    saveViolation: (request) => thenReload(call('compliance.saveViolation', request)),
    appeal: (request) => thenReload(call('compliance.appeal', request)),
    whatIf: (request) => call('compliance.whatIf', request),
    markSeen: () => thenReload(call('compliance.markSeen', {})),
  };
});
