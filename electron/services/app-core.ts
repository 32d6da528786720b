/**
 * The application core: storage, repositories and the contract handlers, wired once and shared
 * by both transports (Electron IPC in electron/main, HTTP in electron/web). Nothing here knows
 * which transport or which platform it runs on.
 */
import { createDispatcher, type Dispatch, type Handlers } from '../../shared/ipc/dispatch';
import { AppError } from '../../shared/ipc/errors';
import { backupIfDue } from './db/backups';
import { openStore, type Store } from './db/database';
import { exportListingsFile, importListingFiles } from './listing-files';
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
  const listings = new ListingsRepository(store, now);
  const settings = new SettingsRepository(store, now);

  const handlers: Handlers = {
    'app.status': () => ({
      version: platform.appVersion,
      mode: options.mode,
      database: store.state,
      dataDir: platform.userDataDir,
    }),
    'settings.get': () => settings.get(),
    'settings.update': (patch) => settings.update(patch),
    'listings.list': () => listings.list(),
    'listings.get': ({ localId }) => listings.get(localId),
    'listings.create': ({ listing }) => listings.create(listing),
    'listings.update': ({ localId, revision, listing }) => listings.update(localId, revision, listing),
    'listings.duplicate': ({ localId }) =>
      listings.duplicate(localId, settings.get().locale === 'en' ? ' (copy)' : '（副本）'),
    'listings.delete': ({ localId }) => ({ deleted: listings.delete(localId) }),
    'listings.import': ({ files }) => {
      if (!store.writable) throw new AppError('read-only', store.state.message ?? 'read-only');
      return { files: importListingFiles(listings, files) };
    },
    'listings.export': ({ localIds }) => {
      const records = localIds ? localIds.map((id) => listings.get(id)) : listings.list();
      return exportListingsFile(records, now());
    },
  };

  return {
    dispatch: createDispatcher(handlers, (error, channel) => log(`handler ${channel} failed`, error)),
    store,
    listings,
    settings,
    backup: async () => (store.writable ? backupIfDue(store.db, platform.userDataDir, now()) : null),
    close: () => store.close(),
  };
}
