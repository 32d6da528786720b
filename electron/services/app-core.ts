/**
 * The application core: storage, repositories and the contract handlers, wired once and shared
 * by both transports (Electron IPC in electron/main, HTTP in electron/web). Nothing here knows
 * which transport or which platform it runs on.
 */
import { createDispatcher, type Dispatch, type Handlers } from '../../shared/ipc/dispatch';
import { backupIfDue } from './db/backups';
import { openStore, type Store } from './db/database';
import { appHandlers } from './handlers/app-handlers';
import { listingHandlers } from './handlers/listing-handlers';
import { checkHandlers } from './handlers/check-handlers';
import type { HandlerContext } from './handlers/types';
import type { Platform } from './platform';
import { ListingsRepository } from './repositories/listings-repository';
import { SettingsRepository } from './repositories/settings-repository';

export interface AppCoreOptions {
  platform: Platform;
  mode: 'electron' | 'browser';
  nativeBinding?: string;
  log?: (message: string, error?: unknown) => void;
}

export interface AppCore {
  dispatch: Dispatch;
  store: Store;
  listings: ListingsRepository;
  settings: SettingsRepository;
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
  };
  // One group per feature; the type makes a missing or misspelt channel a compile error.
  const handlers: Handlers = {
    ...appHandlers(ctx),
    ...listingHandlers(ctx),
    ...checkHandlers(ctx),
  };

  return {
    dispatch: createDispatcher(handlers, (error, channel) => log(`handler ${channel} failed`, error)),
    store,
    listings: ctx.listings,
    settings: ctx.settings,
    backup: async () => (store.writable ? backupIfDue(store.db, platform.userDataDir, now()) : null),
    close: () => store.close(),
  };
}
