/**
 * Marketplace sync channels (shared/ipc/contracts/sync.ts). Keys go to the secret store and only
 * their masked description comes back. Also overrides `listings.update`/`listings.delete` for
 * drafts that are on the marketplace: the local change and its outbox entry in one transaction.
 */
import type { ConnectionView, OutboxEntryView, SyncStatusView } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import { ApiError } from '../../../shared/api/errors';
import { clearCredentials, describeCredentials, saveCredentials } from '../api/credentials';
import type { MarketplaceClient } from '../api/client';
import type { SecretStore } from '../platform';
import type { ListingsRepository } from '../repositories/listings-repository';
import type { Store } from '../db/database';
import { validateEndpoint, validateRegion } from '../sync/connection';
import type { SyncEngine, SyncEvent } from '../sync/engine';
import type { OutboxEntry } from '../sync/outbox';
import type { SyncScheduler } from '../sync/scheduler';
import type { HandlerGroup } from './types';

export interface SyncServices {
  engine: SyncEngine;
  scheduler: SyncScheduler;
  secrets: SecretStore;
  store: Store;
  listings: ListingsRepository;
  client: () => Promise<MarketplaceClient>;
  /** The last sync-state event, for the indicator. */
  lastState: () => Extract<SyncEvent, { type: 'sync-state' }> | null;
}

type SyncChannels =
  | 'sync.connection'
  | 'sync.connect'
  | 'sync.testConnection'
  | 'sync.disconnect'
  | 'sync.now'
  | 'sync.status'
  | 'sync.retry'
  | 'sync.discard'
  | 'sync.conflict'
  | 'sync.resolveConflict'
  | 'sync.pushListing'
  | 'sync.submitListing'
  | 'sync.respondToTicket'
  | 'listings.update'
  | 'listings.delete';

function label(s: SyncServices, e: OutboxEntry): string {
  if (e.resource === 'ticket') return `${e.resourceId}: ${String(e.payload?.text ?? '').slice(0, 60)}`;
  const draft = e.payload?.draft as { title?: string } | undefined;
  if (draft?.title) return draft.title;
  const row = s.store.db.prepare('SELECT title FROM listings WHERE local_id = ?').get(e.resourceId) as
    { title: string } | undefined;
  return row?.title ?? e.resourceId;
}

function view(s: SyncServices, e: OutboxEntry): OutboxEntryView {
  return {
    id: e.id,
    resource: e.resource,
    resourceId: e.resourceId,
    op: e.op,
    label: label(s, e),
    state: e.state,
    attempts: e.attempts,
    lastError: e.lastError,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
  };
}

async function connection(s: SyncServices): Promise<ConnectionView> {
  const st = s.engine.state();
  const keys = await describeCredentials(s.secrets);
  return {
    endpoint: st.endpoint,
    region: st.region,
    accessKey: keys.accessKey,
    hasSecret: keys.hasSecret,
    intervalSeconds: st.intervalSeconds,
    connected: Boolean(st.endpoint && keys.hasSecret),
  };
}

/** Linked to a marketplace listing, or already queued for one. */
function onMarketplace(s: SyncServices, localId: string): boolean {
  return (
    s.store.db.prepare('SELECT 1 FROM sync_listing_links WHERE local_id = ?').get(localId) !== undefined ||
    s.store.db
      .prepare(
        "SELECT 1 FROM sync_outbox WHERE resource = 'listing' AND resource_id = ? AND state IN ('pending', 'conflict', 'failed')",
      )
      .get(localId) !== undefined
  );
}

export function syncHandlers(s: SyncServices): HandlerGroup<SyncChannels> {
  const status = (): SyncStatusView => {
    const report = s.engine.report();
    const st = s.engine.state();
    const last = s.lastState();
    const connected = Boolean(st.endpoint);
    const indicator: SyncStatusView['indicator'] = !connected
      ? 'not-connected'
      : last?.state === 'syncing'
        ? 'syncing'
        : last?.state === 'offline'
          ? 'offline'
          : last?.state === 'error' || report.failed + report.conflicts > 0
            ? 'error'
            : report.pending > 0
              ? 'waiting'
              : 'up-to-date';
    const outbox = s.engine.outbox
      .list()
      .reverse()
      .slice(0, 500)
      .map((e) => view(s, e));
    return {
      indicator,
      message: last?.message ?? null,
      report,
      outbox,
      scheduler: { ...s.scheduler.state, intervalSeconds: st.intervalSeconds },
    };
  };
  return {
    'sync.connection': () => connection(s),
    'sync.connect': async ({ endpoint, region, accessKey, secretKey, intervalSeconds }) => {
      const e = validateEndpoint(endpoint);
      const r = validateRegion(region);
      if ((accessKey === undefined) !== (secretKey === undefined))
        throw new AppError(
          'invalid-input',
          '请同时填写 AccessKey 和 SecretKey / give both the AccessKey and the SecretKey',
        );
      if (accessKey !== undefined && secretKey !== undefined) {
        try {
          await saveCredentials(s.secrets, { accessKey, secretKey });
        } catch (error) {
          throw new AppError('invalid-input', (error as Error).message);
        }
      }
      s.engine.setConnection({ endpoint: e, region: r, intervalSeconds });
      s.scheduler.start();
      return connection(s);
    },
    'sync.testConnection': async () => {
      try {
        const vendor = await (await s.client()).getVendor();
        return { vendorId: vendor.vendorId, name: vendor.name };
      } catch (error) {
        if (error instanceof ApiError)
          throw new AppError('invalid-input', `连接失败 / connection failed: ${error.message}`, {
            code: error.code,
            httpStatus: error.httpStatus,
          });
        throw error;
      }
    },
    'sync.disconnect': async () => {
      await clearCredentials(s.secrets);
      s.scheduler.stop();
      return connection(s);
    },
    'sync.now': async () => {
      try {
        return (await s.engine.syncOnce()).report;
      } catch (error) {
        throw new AppError('invalid-input', (error as Error).message);
      }
    },
    'sync.status': () => status(),
    'sync.retry': ({ id }) => view(s, s.engine.retry(id)),
    'sync.discard': ({ id }) => view(s, s.engine.discard(id)),
    'sync.conflict': ({ id }) => {
      const { mine, theirs } = s.engine.conflictVersions(id);
      return {
        mine,
        theirs: theirs
          ? { version: theirs.version, draft: theirs.draft, reviewState: theirs.review.state }
          : null,
      };
    },
    'sync.resolveConflict': async ({ id, choice }) => view(s, await s.engine.resolveConflict(id, choice)),
    'sync.pushListing': ({ localId }) => {
      const record = s.listings.get(localId);
      s.engine.updateDraft(localId, record.revision, record.listing);
      return view(s, s.engine.outbox.list().at(-1)!);
    },
    'sync.submitListing': ({ localId }) => view(s, s.engine.submitDraft(localId)),
    'sync.respondToTicket': ({ ticketId, text }) => view(s, s.engine.respondToTicket(ticketId, text)),
    'listings.update': ({ localId, revision, listing }) =>
      onMarketplace(s, localId)
        ? s.engine.updateDraft(localId, revision, listing)
        : s.listings.update(localId, revision, listing),
    'listings.delete': ({ localId }) => {
      if (!onMarketplace(s, localId)) return { deleted: s.listings.delete(localId) };
      s.listings.assertExists(localId);
      s.engine.deleteDraft(localId);
      return { deleted: true };
    },
  };
}
