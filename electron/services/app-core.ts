/**
 * The application core: storage, repositories and the contract handlers, wired once and shared
 * by both transports (Electron IPC in electron/main, HTTP in electron/web). Nothing here knows
 * which transport or which platform it runs on.
 */
import { createDispatcher, type Dispatch, type Handlers } from '../../shared/ipc/dispatch';
import { backupIfDue } from './db/backups';
import { openStore, type Store } from './db/database';
import { AlertService, DEFAULT_ALERT_INTERVAL_MS } from './alerts/alert-service';
import { appHandlers } from './handlers/app-handlers';
import { alertHandlers } from './handlers/alert-handlers';
import { complianceHandlers } from './handlers/compliance-handlers';
import { runEngines } from './compliance/engines';
import { listingHandlers } from './handlers/listing-handlers';
import { checkHandlers } from './handlers/check-handlers';
import { calendarHandlers } from './handlers/calendar-handlers';
import type { HandlerContext } from './handlers/types';
import { syncHandlers } from './handlers/sync-handlers';
import { clientFactory } from './sync/connection';
import { SyncEngine, type SyncEvent } from './sync/engine';
import { SyncScheduler, type Timer } from './sync/scheduler';
import { loadCredentials } from './api/credentials';
import type { Platform } from './platform';
import { AlertsRepository } from './repositories/alerts-repository';
import { DepositLedgerRepository } from './repositories/deposit-ledger-repository';
import { ListingsRepository } from './repositories/listings-repository';
import { SettingsRepository } from './repositories/settings-repository';
import { TicketsRepository } from './repositories/tickets-repository';
import { ViolationsRepository } from './repositories/violations-repository';

export interface AppCoreOptions {
  platform: Platform;
  mode: 'electron' | 'browser';
  nativeBinding?: string;
  log?: (message: string, error?: unknown) => void;
  /** How often the alert scheduler wakes at the latest (ms); 0: no timer (tests call `alerts.tick()`). */
  alertIntervalMs?: number;
  /** Marketplace sync events (progress, data changed, sync state), for the transport to forward. */
  onSyncEvent?: (event: SyncEvent) => void;
  /** The sync scheduler's timer (tests); `false`: do not start the scheduler. */
  syncTimer?: Timer | false;
}

export interface AppCore {
  dispatch: Dispatch;
  store: Store;
  listings: ListingsRepository;
  settings: SettingsRepository;
  /** The alert scheduler (issue 7); its timer runs from creation until close(). */
  alerts: AlertService;
  /** Marketplace sync (issue 10): the engine and its scheduler. */
  sync: { engine: SyncEngine; scheduler: SyncScheduler };
  /** Takes the daily backup if due (call at start and on a timer). */
  backup(): Promise<string | null>;
  close(): void;
}

export function createAppCore(options: AppCoreOptions): AppCore {
  const { platform } = options;
  const log = options.log ?? ((message, error) => console.error(`[vendordesk] ${message}`, error ?? ''));
  const now = () => platform.now();
  const store = openStore({ dataDir: platform.userDataDir, now, nativeBinding: options.nativeBinding });
  if (store.state.message) log(store.state.message);
  const ctx: HandlerContext = {
    platform,
    mode: options.mode,
    store,
    now,
    listings: new ListingsRepository(store, now),
    settings: new SettingsRepository(store, now),
    compliance: createComplianceServices(store, platform, log),
  };
  // Marketplace sync: one engine, reporting through onSyncEvent; the scheduler pulls on its interval.
  let lastSyncState: Extract<SyncEvent, { type: 'sync-state' }> | null = null;
  const syncClient = clientFactory({ settings: () => syncEngine.state(), secrets: platform.secrets });
  const syncEngine: SyncEngine = new SyncEngine({
    store,
    listings: ctx.listings,
    client: syncClient,
    now,
    emit: (event) => {
      if (event.type === 'sync-state') lastSyncState = event;
      options.onSyncEvent?.(event);
    },
  });
  const syncScheduler = new SyncScheduler({
    // Nothing to do until a connection with keys is saved (Settings → Marketplace connection).
    run: async () => {
      if (!store.writable || !syncEngine.state().endpoint || !(await loadCredentials(platform.secrets))) return;
      await syncEngine.syncOnce();
    },
    intervalMs: () => syncEngine.state().intervalSeconds * 1000,
    timer: options.syncTimer === false ? undefined : options.syncTimer,
    onError: (error) => log('sync pass failed', error instanceof Error ? error.message : error),
  });
  if (options.syncTimer !== false && store.writable) syncScheduler.start();

  // One group per feature; the type makes a missing or misspelt channel a compile error.
  const handlers: Handlers = {
    ...appHandlers(ctx),
    ...listingHandlers(ctx),
    ...complianceHandlers(ctx),
    ...alertHandlers(ctx),
    ...checkHandlers(ctx),
    ...calendarHandlers(ctx),
    // Last: a draft on the marketplace is saved together with its outbox entry.
    ...syncHandlers({ engine: syncEngine, scheduler: syncScheduler, secrets: platform.secrets, store, listings: ctx.listings, client: syncClient, lastState: () => lastSyncState }),
  };

  const alertInterval = options.alertIntervalMs ?? DEFAULT_ALERT_INTERVAL_MS;
  if (alertInterval > 0) ctx.compliance.alertService.start(alertInterval);

  return {
    dispatch: createDispatcher(handlers, (error, channel) => log(`handler ${channel} failed`, error)),
    store,
    listings: ctx.listings,
    settings: ctx.settings,
    backup: async () => (store.writable ? backupIfDue(store.db, platform.userDataDir, now()) : null),
    alerts: ctx.compliance.alertService,
    sync: { engine: syncEngine, scheduler: syncScheduler },
    close: () => {
      syncScheduler.stop();
      ctx.compliance.alertService.stop();
      store.close();
    },
  };
}

function createComplianceServices(store: Store, platform: Platform, log: (message: string, error?: unknown) => void) {
  const repos = {
    tickets: new TicketsRepository(store),
    ledger: new DepositLedgerRepository(store),
    violations: new ViolationsRepository(store),
    alerts: new AlertsRepository(store),
  };
  const settings = new SettingsRepository(store, () => platform.now());
  const alertService = new AlertService({
    alerts: repos.alerts,
    evaluate: (at) => {
      const current = settings.get();
      return { run: runEngines(repos, current, at), settings: current };
    },
    now: () => platform.now().getTime(),
    notify: (n) => platform.notifier.notify(n),
    log,
    writable: () => store.writable,
  });
  return { ...repos, alertService };
}
