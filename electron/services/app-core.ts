/**
 * The application core: storage, repositories and the contract handlers, wired once and shared
 * by both transports (Electron IPC in electron/main, HTTP in electron/web). Nothing here knows
 * which transport or which platform it runs on.
 */
import type { ChannelName } from '../../shared/ipc/channels';
import {
  createDispatcher,
  type CallContext,
  type Dispatch,
  type Handlers,
  type ProgressDetail,
} from '../../shared/ipc/dispatch';
import type { DataTopic, EventName, EventPayload } from '../../shared/ipc/events';
import { RulePackService } from './checks/rule-pack-service';
import { rulePackHandlers } from './handlers/rule-pack-handlers';
import { ListingChecker } from './checks/listing-checker';
import { backupIfDue } from './db/backups';
import { openStore, type Store } from './db/database';
import { AlertService, DEFAULT_ALERT_INTERVAL_MS } from './alerts/alert-service';
import { appHandlers } from './handlers/app-handlers';
import { alertHandlers, alertRecord } from './handlers/alert-handlers';
import { complianceHandlers } from './handlers/compliance-handlers';
import { runEngines } from './compliance/engines';
import { listingHandlers } from './handlers/listing-handlers';
import { checkHandlers } from './handlers/check-handlers';
import { calendarHandlers } from './handlers/calendar-handlers';
import { policyPackHandlers } from './handlers/policy-pack-handlers';
import { PolicyPackService } from './compliance/policy-packs';
import { callbackHandlers } from './handlers/callback-handlers';
import { draftHandlers } from './handlers/draft-handlers';
import { dataOpsHandlers } from './handlers/data-ops-handlers';
import { sampleDataHandlers } from './handlers/sample-data-handlers';
import type { HandlerContext } from './handlers/types';
import { syncHandlers } from './handlers/sync-handlers';
import { clientFactory } from './sync/connection';
import { SyncEngine, SyncUnavailableError, type SyncEvent } from './sync/engine';
import { SyncScheduler, type Timer } from './sync/scheduler';
import { loadCredentials } from './api/credentials';
import type { Platform } from './platform';
import { AlertsRepository } from './repositories/alerts-repository';
import { DepositLedgerRepository } from './repositories/deposit-ledger-repository';
import { ListingsRepository } from './repositories/listings-repository';
import { SettingsRepository } from './repositories/settings-repository';
import { TicketsRepository } from './repositories/tickets-repository';
import { ViolationsRepository } from './repositories/violations-repository';
import { OrdersRepository } from './repositories/orders-repository';
import { Operations } from './operations';

export interface AppCoreOptions {
  platform: Platform;
  mode: 'electron' | 'browser';
  nativeBinding?: string;
  log?: (message: string, error?: unknown) => void;
  /** How often the alert scheduler wakes at the latest (ms); 0: no timer (tests call `alerts.tick()`). */
  alertIntervalMs?: number;
  /** Where the core's events go (the worker posts them to the transport); default: nowhere. */
  emit?: CoreEmit;
  /** Marketplace sync events as the engine reports them (tests); they also go out through `emit`. */
  onSyncEvent?: (event: SyncEvent) => void;
  /** The sync scheduler's timer (tests); `false`: do not start the scheduler. */
  syncTimer?: Timer | false;
}

export type CoreEmit = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

/** The stored data each write channel changes: a successful call emits `data.changed` with these topics. */
export const writeTopics: Partial<Record<ChannelName, DataTopic[]>> = {
  'settings.update': ['settings'],
  'listings.create': ['listings'],
  'listings.update': ['listings'],
  'listings.duplicate': ['listings'],
  'listings.delete': ['listings'],
  'listings.import': ['listings'],
  'checks.run': ['checks'],
  'checks.dismiss': ['checks', 'listings'],
  'checks.restore': ['checks', 'listings'],
  'rulepacks.import': ['rulepacks'],
  'rulepacks.activate': ['rulepacks', 'checks', 'listings'],
  'rulepacks.revert': ['rulepacks', 'checks', 'listings'],
  'compliance.import': ['tickets', 'ledger', 'violations'],
  'compliance.saveTicket': ['tickets'],
  'compliance.saveLedgerEntry': ['ledger'],
  'compliance.setDepositRequired': ['ledger'],
  'compliance.saveViolation': ['violations'],
  'compliance.appeal': ['violations'],
  // An official year changes workdays, so every deadline (the settings topic reloads the pages).
  'calendar.importYear': ['settings'],
  'calendar.removeYear': ['settings'],
  // A policy pack changes rules and may carry official years: every deadline, points, the catalog.
  'policypacks.import': ['policypacks', 'settings'],
  'policypacks.remove': ['policypacks', 'settings'],
  'listings.deleteMany': ['listings'],
  'compliance.delete': ['tickets', 'ledger', 'violations'],
  'app.undoDelete': ['listings', 'checks', 'tickets', 'ledger', 'violations'],
  'app.loadSampleData': ['tickets', 'ledger', 'violations', 'listings', 'checks'],
  'app.removeSampleData': ['tickets', 'ledger', 'violations', 'listings', 'checks', 'alerts'],
  // The reply stops the ticket's SLA locally (its first response), before it is sent.
  'sync.respondToTicket': ['tickets'],
};

/** Progress events of one operation at most this often (the last one always goes). */
const PROGRESS_EVENT_MS = 100;

function operationIdOf(payload: unknown): string | null {
  const id =
    typeof payload === 'object' && payload !== null
      ? (payload as { operationId?: unknown }).operationId
      : undefined;
  return typeof id === 'string' ? id : null;
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
  const emit: CoreEmit = options.emit ?? (() => undefined);
  const store = openStore({ dataDir: platform.userDataDir, now, nativeBinding: options.nativeBinding });
  if (store.state.message) log(store.state.message);
  const ctx: HandlerContext = {
    platform,
    mode: options.mode,
    store,
    now,
    listings: new ListingsRepository(store, now),
    settings: new SettingsRepository(store, now),
    compliance: createComplianceServices(store, platform, log, emit),
    checker: new ListingChecker(store, now),
    emit,
  };
  const operations = new Operations();
  // Marketplace sync: one engine, reporting through onSyncEvent; the scheduler pulls on its interval.
  let lastSyncState: Extract<SyncEvent, { type: 'sync-state' }> | null = null;
  // Chooses the active rule pack before anything is checked (and before a pull can offer one).
  const rulePacks = new RulePackService({
    store,
    checker: ctx.checker,
    listings: ctx.listings,
    now,
    log: (message) => log(message),
  });

  const syncClient = clientFactory({ settings: () => syncEngine.state(), secrets: platform.secrets });
  const syncEngine: SyncEngine = new SyncEngine({
    store,
    listings: ctx.listings,
    client: syncClient,
    now,
    emit: (event) => syncEngineEvent(event),
    rulePacks,
    log: (message) => log('sync', message),
  });
  function syncEngineEvent(event: SyncEvent): void {
    if (event.type === 'sync-state') lastSyncState = event;
    options.onSyncEvent?.(event);
    forwardSyncEvent(event);
  }
  /** The engine's events in the contract's terms (shared/ipc/events.ts), so pages follow a sync live. */
  const forwardSyncEvent = (event: SyncEvent) => {
    if (event.type === 'sync-state') {
      const state = event.state === 'syncing' ? 'running' : event.state;
      emit('sync.state', {
        state,
        pending: syncEngine.report().pending,
        ...(event.message ? { message: event.message } : {}),
      });
    } else if (event.type === 'sync-progress') {
      emit('progress', {
        operationId: `sync:${event.phase}`,
        channel: 'sync.now',
        done: event.done,
        total: event.hasMore ? event.done + 1 : event.done,
        ...(event.hasMore ? {} : { finished: 'ok' as const }),
      });
    } else {
      const topics = new Set<DataTopic>();
      for (const resource of event.resources) {
        if (resource === 'listing') topics.add('listings');
        else if (resource === 'ticket') topics.add('tickets');
        else if (resource === 'ledgerEntry' || resource === 'deposit') topics.add('ledger');
        // Points follow violations and, for jd-store-2021's delayed shipment, orders.
        else if (resource === 'violation' || resource === 'order') topics.add('violations');
        else if (resource === 'rulePack') topics.add('rulepacks');
      }
      if (topics.size > 0) emit('data.changed', { topics: [...topics], reason: 'sync' });
    }
  };
  const syncScheduler = new SyncScheduler({
    // Nothing to do until a connection with keys is saved (Settings → Marketplace connection).
    run: async () => {
      if (!store.writable || !syncEngine.state().endpoint || !(await loadCredentials(platform.secrets)))
        return;
      await syncEngine.syncOnce();
    },
    intervalMs: () => syncEngine.state().intervalSeconds * 1000,
    isUnreachable: (error) => error instanceof SyncUnavailableError && error.reason === 'unreachable',
    timer: options.syncTimer === false ? undefined : options.syncTimer,
    onError: (error) => log('sync pass failed', error instanceof Error ? error.message : error),
  });
  if (options.syncTimer !== false && store.writable) syncScheduler.start();
  // The OS's network state and wake-ups (Electron; browser mode has none and relies on the backoff).
  const stopConnectivity = platform.connectivity?.subscribe((change) => {
    if (change.type === 'resumed') return syncScheduler.wake();
    syncScheduler.setOnline(change.type === 'online');
    // No pass runs while paused, so the indicator is told here.
    if (change.type === 'offline')
      syncEngineEvent({
        type: 'sync-state',
        state: 'offline',
        message: '系统报告没有网络连接 / the system reports no network',
      });
  });

  // One group per feature; the type makes a missing or misspelt channel a compile error.
  const handlers: Handlers = {
    ...appHandlers(ctx),
    'app.cancel': ({ operationId }) => {
      return { cancelled: operations.cancel(operationId) };
    },
    ...listingHandlers(ctx),
    ...complianceHandlers(ctx),
    ...alertHandlers(ctx),
    ...checkHandlers(ctx),
    ...rulePackHandlers(rulePacks),
    ...calendarHandlers(ctx),
    ...policyPackHandlers(ctx),
    ...callbackHandlers(ctx),
    ...draftHandlers(ctx),
    ...dataOpsHandlers(ctx),
    ...sampleDataHandlers(ctx),
    // Last: a draft on the marketplace is saved together with its outbox entry.
    ...syncHandlers({
      engine: syncEngine,
      scheduler: syncScheduler,
      secrets: platform.secrets,
      store,
      listings: ctx.listings,
      client: syncClient,
      lastState: () => lastSyncState,
    }),
  };

  const alertInterval = options.alertIntervalMs ?? DEFAULT_ALERT_INTERVAL_MS;
  if (alertInterval > 0) ctx.compliance.alertService.start(alertInterval);

  const inner = createDispatcher(handlers, (error, channel) => log(`handler ${channel} failed`, error));
  /** The single entry: the dispatcher, plus operations (progress, cancel) and `data.changed` after writes. */
  const dispatch: Dispatch = async (channel, payload, call?: CallContext) => {
    // app.cancel names the operation it stops; it is not one itself.
    const operationId = channel === 'app.cancel' ? null : operationIdOf(payload);
    const controller = new AbortController();
    if (call?.signal.aborted) controller.abort();
    call?.signal.addEventListener('abort', () => controller.abort(), { once: true });
    if (operationId !== null && !operations.start(operationId, controller)) {
      return {
        ok: false,
        error: { code: 'conflict', message: `operation ${operationId} is already running` },
      };
    }
    const name = String(channel);
    let last: { done: number; total: number; at: number; detail?: ProgressDetail } = {
      done: 0,
      total: 0,
      at: 0,
    };
    const progress = (done: number, total: number, detail?: ProgressDetail) => {
      call?.progress(done, total, detail);
      last = { done, total, at: last.at, detail };
      const at = Date.now();
      if (operationId === null || at - last.at < PROGRESS_EVENT_MS) return;
      last.at = at;
      emit('progress', { operationId, channel: name, done, total, ...detail });
    };
    try {
      const result = await inner(channel, payload, { signal: controller.signal, progress });
      const topics = writeTopics[name as ChannelName];
      if (result.ok && topics) emit('data.changed', { topics, reason: 'write' });
      if (operationId !== null) {
        const finished = !result.ok ? 'failed' : controller.signal.aborted ? 'cancelled' : 'ok';
        emit('progress', {
          operationId,
          channel: name,
          done: last.done,
          total: last.total,
          ...last.detail,
          finished,
        });
      }
      return result;
    } finally {
      if (operationId !== null) operations.finish(operationId);
    }
  };

  return {
    dispatch,
    store,
    listings: ctx.listings,
    settings: ctx.settings,
    backup: async () => (store.writable ? backupIfDue(store.db, platform.userDataDir, now()) : null),
    alerts: ctx.compliance.alertService,
    sync: { engine: syncEngine, scheduler: syncScheduler },
    close: () => {
      stopConnectivity?.();
      syncScheduler.stop();
      ctx.compliance.alertService.stop();
      store.close();
    },
  };
}

function createComplianceServices(
  store: Store,
  platform: Platform,
  log: (message: string, error?: unknown) => void,
  emit: CoreEmit,
) {
  const repos = {
    policyPacks: new PolicyPackService({ store, now: () => platform.now(), log: (message) => log(message) }),
    tickets: new TicketsRepository(store),
    ledger: new DepositLedgerRepository(store),
    violations: new ViolationsRepository(store),
    orders: new OrdersRepository(store),
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
    onRaised: (raised) => {
      emit('alerts.raised', { alerts: raised.map(alertRecord) });
      emit('data.changed', { topics: ['alerts'], reason: 'time' });
    },
    onDeadlinePassed: () => emit('data.changed', { topics: ['tickets'], reason: 'time' }),
  });
  return { ...repos, alertService };
}
