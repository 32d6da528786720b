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
import { callbackHandlers } from './handlers/callback-handlers';
import type { HandlerContext } from './handlers/types';
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
}

export interface AppCore {
  dispatch: Dispatch;
  store: Store;
  listings: ListingsRepository;
  settings: SettingsRepository;
  /** The alert scheduler (issue 7); its timer runs from creation until close(). */
  alerts: AlertService;
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
  // One group per feature; the type makes a missing or misspelt channel a compile error.
  const handlers: Handlers = {
    ...appHandlers(ctx),
    ...listingHandlers(ctx),
    ...complianceHandlers(ctx),
    ...alertHandlers(ctx),
    ...checkHandlers(ctx),
    ...callbackHandlers(ctx),
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
    close: () => {
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
