/**
 * The sync engine: pull the change feed, push the outbox. Transport-independent: it is given the
 * Store, the listings repository, a client factory, a clock and an `emit(event)` callback, and
 * runs the same in the app core, the browser-mode host and `vendordesk sync`.
 *
 * Pull: each feed page is applied in ONE transaction together with the new cursor, so a crash
 * never leaves the cursor ahead of the data. Push: entries go out oldest first, one resource's
 * entries strictly in order; network errors, 5xx, 429 and lost answers stay pending with
 * backoff (the same idempotency key next time, so a mutation the server already committed is
 * replayed, not repeated); 412 becomes a conflict holding both versions; other 4xx answers mark
 * the entry failed with the server's message. Nothing is dropped: the user retries or discards.
 */
import { createHash } from 'node:crypto';
import { ApiError } from '../../../shared/api/errors';
import {
  listingResourceSchema,
  resourceTypes,
  type ListingResource,
  type RulePack,
} from '../../../shared/api/schemas';
import type { Listing } from '../../../shared/listing/schema';
import { AppError } from '../../../shared/ipc/errors';
import type { MarketplaceClient } from '../api/client';
import { nextRequestOnWire } from '../api/request-on-wire';
import type { Store } from '../db/database';
import type { ListingsRepository } from '../repositories/listings-repository';
import { Outbox, type OutboxEntry } from './outbox';
import {
  applyChange,
  applyListingDoc,
  applyPage,
  applyServerRecord,
  hasUnsettled,
  replaceLocalDraft,
  type ApplyContext,
} from './remote';

export type SyncEvent =
  | { type: 'sync-state'; state: 'syncing' | 'idle' | 'offline' | 'error'; message?: string }
  | { type: 'sync-progress'; phase: 'pull' | 'push'; done: number; hasMore: boolean }
  | { type: 'data-changed'; resources: string[] };

export interface SyncEngineOptions {
  store: Store;
  listings: ListingsRepository;
  /** Builds a client from the saved connection; throws (AppError) when there is none. */
  client: () => Promise<MarketplaceClient>;
  now?: () => Date;
  emit?: (event: SyncEvent) => void;
  pageSize?: number;
  /** Backoff of a pending entry after a transient failure. */
  retryBaseMs?: number;
  retryMaxMs?: number;
  random?: () => number;
  /**
   * Where rule packs from the feed go (the app's RulePackService): validated, compiled and stored
   * like a pack loaded from a file, then offered in Settings (not activated). Without it (the
   * CLI) a pack is only held as the remote copy.
   */
  rulePacks?: { addFromMarketplace(value: unknown, remoteId: string): unknown };
  /** For what must not stop a pull but someone should be able to read (a refused rule pack). */
  log?: (message: string) => void;
}

/** formats.md §7 output object. */
export interface SyncReport {
  cursor: string | null;
  asOf: string | null;
  pulled: number;
  pushed: number;
  conflicts: number;
  failed: number;
  pending: number;
  resources: { listings: number; orders: number; tickets: number; ledger: number; violations: number };
}

export interface PassResult {
  report: SyncReport;
  /** The whole feed was read. */
  caughtUp: boolean;
  retries: number;
}

/** The credentials were refused or the endpoint could not be reached: nothing local changed. */
export class SyncUnavailableError extends Error {
  constructor(
    message: string,
    readonly reason: 'unauthorized' | 'unreachable' | 'not-connected',
  ) {
    super(message);
  }
}

/** Offset ISO time in Beijing (the marketplace's zone), as §7 asks for `asOf`. */
export function beijingIso(date: Date): string {
  const shifted = new Date(date.getTime() + 8 * 3600_000);
  return shifted.toISOString().replace('Z', '+08:00');
}

export class SyncEngine {
  readonly outbox: Outbox;
  private readonly now: () => Date;
  private readonly emit: (event: SyncEvent) => void;
  private running: Promise<PassResult> | null = null;

  constructor(private readonly o: SyncEngineOptions) {
    this.now = o.now ?? (() => new Date());
    this.emit = o.emit ?? (() => {});
    this.outbox = new Outbox(
      () => o.store.db,
      () => beijingIso(this.now()),
    );
  }

  private ctx(): ApplyContext {
    const now = this.now();
    return {
      db: this.o.store.db,
      listings: this.o.listings,
      nowMs: now.getTime(),
      nowIso: beijingIso(now),
      onRulePack: (record) => this.offerRulePack(record),
    };
  }

  /**
   * A rule pack from the feed, inside the page's transaction: its content must match the digest
   * the marketplace sent, then the RulePackService validates, compiles and stores it. A refused
   * pack is logged and stays only as the remote copy; the pull goes on (one bad pack must not
   * stop tickets and the ledger from arriving).
   */
  private offerRulePack(record: RulePack): void {
    const service = this.o.rulePacks;
    if (!service) return;
    const remoteId = `${record.id}@${record.packVersion}`;
    const digest = createHash('sha256').update(JSON.stringify(record.content)).digest('hex');
    const log = this.o.log ?? (() => {});
    if (digest !== record.sha256) {
      log(
        `市场规则包 ${remoteId} 的 SHA-256 不符，未采用 / the marketplace's rule pack ${remoteId} does not match its sha256 and was not taken`,
      );
      return;
    }
    try {
      service.addFromMarketplace(record.content, remoteId);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      log(error.message);
    }
  }

  // ── state ────────────────────────────────────────────────────────────────────────────────

  state(): {
    cursor: string | null;
    lastPullAt: string | null;
    endpoint: string | null;
    region: string | null;
    lastError: string | null;
    intervalSeconds: number;
  } {
    const row = this.o.store.db
      .prepare(
        'SELECT cursor, last_pull_at, endpoint, region, last_error, interval_seconds FROM sync_state WHERE id = 1',
      )
      .get() as {
      cursor: string | null;
      last_pull_at: string | null;
      endpoint: string | null;
      region: string | null;
      last_error: string | null;
      interval_seconds: number;
    };
    return {
      cursor: row.cursor,
      lastPullAt: row.last_pull_at,
      endpoint: row.endpoint,
      region: row.region,
      lastError: row.last_error,
      intervalSeconds: row.interval_seconds,
    };
  }

  setConnection(patch: { endpoint?: string | null; region?: string | null; intervalSeconds?: number }): void {
    this.o.store.write((db) => {
      if (patch.endpoint !== undefined)
        db.prepare('UPDATE sync_state SET endpoint = ? WHERE id = 1').run(patch.endpoint);
      if (patch.region !== undefined)
        db.prepare('UPDATE sync_state SET region = ? WHERE id = 1').run(patch.region);
      if (patch.intervalSeconds !== undefined)
        db.prepare('UPDATE sync_state SET interval_seconds = ? WHERE id = 1').run(patch.intervalSeconds);
      db.prepare('UPDATE sync_state SET updated_at = ? WHERE id = 1').run(this.now().toISOString());
    });
  }

  /** The §7 object from local data only. */
  report(pulled = 0, pushed = 0): SyncReport {
    const db = this.o.store.db;
    const st = this.state();
    const counts = this.outbox.counts();
    const byType = Object.fromEntries(resourceTypes.map((t) => [t, 0])) as Record<string, number>;
    for (const r of db
      .prepare('SELECT resource_type AS t, count(*) AS n FROM sync_remote GROUP BY resource_type')
      .all() as Array<{ t: string; n: number }>)
      byType[r.t] = r.n;
    return {
      cursor: st.cursor,
      asOf: st.lastPullAt,
      pulled,
      pushed,
      conflicts: counts.conflict,
      failed: counts.failed,
      pending: counts.pending,
      resources: {
        listings: byType.listing ?? 0,
        orders: byType.order ?? 0,
        tickets: byType.ticket ?? 0,
        ledger: byType.ledgerEntry ?? 0,
        violations: byType.violation ?? 0,
      },
    };
  }

  // ── a pass ───────────────────────────────────────────────────────────────────────────────

  /** One pull of the whole feed, one pass over the outbox, and a pull of what the push changed. Passes never overlap. */
  syncOnce(): Promise<PassResult> {
    this.running ??= this.pass().finally(() => (this.running = null));
    return this.running;
  }

  private async pass(): Promise<PassResult> {
    this.emit({ type: 'sync-state', state: 'syncing' });
    let client: MarketplaceClient;
    try {
      client = await this.o.client();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.emit({ type: 'sync-state', state: 'error', message });
      throw new SyncUnavailableError(message, 'not-connected');
    }
    try {
      let pulled = await this.pull(client);
      const push = await this.push(client);
      if (push.pushed > 0) pulled += await this.pull(client);
      const report = this.report(pulled, push.pushed);
      this.emit({ type: 'sync-state', state: 'idle' });
      return { report, caughtUp: true, retries: push.retries };
    } catch (error) {
      if (error instanceof ApiError && (error.code === 'unauthorized' || error.code === 'forbidden')) {
        this.emit({ type: 'sync-state', state: 'error', message: error.message });
        throw new SyncUnavailableError(
          `凭据被拒绝 / the marketplace refused the credentials: ${error.message}`,
          'unauthorized',
        );
      }
      // Offline only for what may pass by itself; a complete answer that breaks the contract is an error.
      if (error instanceof ApiError && error.retryable) {
        this.emit({ type: 'sync-state', state: 'offline', message: error.message });
        throw new SyncUnavailableError(
          `无法连接云市场 / marketplace unreachable: ${error.message}`,
          'unreachable',
        );
      }
      this.emit({
        type: 'sync-state',
        state: 'error',
        message: error instanceof Error ? error.message : String(error),
      });
      throw error;
    }
  }

  /** Reads the feed to its end; returns the number of changes applied. */
  async pull(client: MarketplaceClient): Promise<number> {
    let pulled = 0;
    const pageSize = this.o.pageSize ?? 1000;
    let next = client.listChanges(this.state().cursor ?? undefined, pageSize);
    for (;;) {
      const page = await next;
      // Ask for the following page while this one is applied (the server works meanwhile); its
      // cursor is only stored after this page's transaction, so order and safety are unchanged.
      if (page.hasMore) {
        // Subscribed before the call, so the request cannot be written unseen.
        const onWire = nextRequestOnWire();
        next = client.listChanges(page.nextCursor, pageSize);
        next.catch(() => {}); // awaited on the next turn; a failure surfaces there
        // Let it leave before this page's synchronous transaction blocks the thread: the server
        // then builds the next page while this one is stored (a fast failure ends the wait too).
        await Promise.race([onWire.sent, next.then(onWire.cancel, onWire.cancel)]);
      }
      const { applied, types } = this.o.store.write((db) => {
        const result = applyPage(this.ctx(), page.changes);
        db.prepare('UPDATE sync_state SET cursor = ?, updated_at = ? WHERE id = 1').run(
          page.nextCursor,
          this.now().toISOString(),
        );
        if (!page.hasMore)
          db.prepare('UPDATE sync_state SET last_pull_at = ?, last_error = NULL WHERE id = 1').run(
            beijingIso(this.now()),
          );
        return result;
      });
      pulled += applied;
      this.emit({ type: 'sync-progress', phase: 'pull', done: pulled, hasMore: page.hasMore });
      if (types.size) this.emit({ type: 'data-changed', resources: [...types] });
      if (!page.hasMore) return pulled;
    }
  }

  /** One pass over the outbox. */
  async push(client: MarketplaceClient): Promise<{ pushed: number; retries: number }> {
    let pushed = 0;
    let retries = 0;
    // Re-read after each entry: a sent entry releases the next one of its resource.
    for (;;) {
      const ready = this.outbox.ready(this.now().getTime());
      if (ready.length === 0) break;
      let progressed = false;
      for (const entry of ready) {
        const outcome = await this.pushOne(client, entry);
        if (outcome === 'sent') {
          pushed++;
          progressed = true;
        } else if (outcome === 'retry') retries++;
      }
      this.emit({ type: 'sync-progress', phase: 'push', done: pushed, hasMore: progressed });
      if (!progressed) break;
    }
    if (pushed) this.emit({ type: 'data-changed', resources: ['outbox'] });
    return { pushed, retries };
  }

  private link(localId: string): { remoteId: string | null; baseVersion: number | null } | null {
    const row = this.o.store.db
      .prepare('SELECT remote_id, base_version FROM sync_listing_links WHERE local_id = ?')
      .get(localId) as { remote_id: string | null; base_version: number | null } | undefined;
    return row ? { remoteId: row.remote_id, baseVersion: row.base_version } : null;
  }

  private async pushOne(
    client: MarketplaceClient,
    entry: OutboxEntry,
  ): Promise<'sent' | 'retry' | 'conflict' | 'failed'> {
    const key = { idempotencyKey: entry.idempotencyKey };
    const attempts = entry.attempts + 1;
    try {
      if (entry.resource === 'ticket') {
        const text = String(entry.payload?.text ?? '');
        const ticket = await client.respondToTicket(entry.resourceId, text, undefined, key);
        this.o.store.write(() => {
          this.outbox.update(entry.id, {
            state: 'sent',
            attempts,
            lastError: null,
            result: { id: ticket.id, version: ticket.version },
          });
          applyServerRecord(this.ctx(), 'ticket', ticket);
        });
        return 'sent';
      }
      const link = this.link(entry.resourceId);
      if (entry.op === 'create') {
        const draft = entry.payload?.draft as Listing;
        const doc = await client.createListing(draft, key);
        this.o.store.write((db) => {
          this.outbox.update(entry.id, {
            state: 'sent',
            attempts,
            lastError: null,
            result: { id: doc.id, version: doc.version },
          });
          const ctx = this.ctx();
          if (!this.link(entry.resourceId)) {
            db.prepare(
              'INSERT INTO sync_listing_links (local_id, remote_id, base_version, remote_version, updated_at) VALUES (?, NULL, NULL, NULL, ?)',
            ).run(entry.resourceId, ctx.nowIso);
          }
          db.prepare('UPDATE sync_listing_links SET base_version = ? WHERE local_id = ?').run(
            doc.version,
            entry.resourceId,
          );
          applyListingDoc(ctx, doc, entry.resourceId);
          applyServerRecord(ctx, 'listing', doc);
        });
        return 'sent';
      }
      if (!link?.remoteId) {
        return this.fail(
          entry,
          attempts,
          '该商品尚未在云市场创建 / this listing does not exist on the marketplace yet',
        );
      }
      const ifMatch = entry.baseVersion ?? link.baseVersion ?? undefined;
      if (entry.op === 'delete') {
        await client.deleteListing(link.remoteId, ifMatch ?? 0, key);
        this.o.store.write((db) => {
          this.outbox.update(entry.id, {
            state: 'sent',
            attempts,
            lastError: null,
            result: { id: link.remoteId, deleted: true },
          });
          applyChange(this.ctx(), {
            cursor: '',
            resourceType: 'listing',
            resourceId: link.remoteId!,
            op: 'delete',
            version: (ifMatch ?? 0) + 1,
            at: this.ctx().nowIso,
            data: null,
          });
          db.prepare('DELETE FROM sync_listing_links WHERE local_id = ?').run(entry.resourceId);
        });
        return 'sent';
      }
      const doc: ListingResource =
        entry.op === 'update'
          ? await client.updateListing(link.remoteId, entry.payload?.draft as Listing, ifMatch ?? 0, key)
          : await client.submitListing(link.remoteId, ifMatch, key);
      this.o.store.write((db) => {
        this.outbox.update(entry.id, {
          state: 'sent',
          attempts,
          lastError: null,
          result: { id: doc.id, version: doc.version },
        });
        db.prepare('UPDATE sync_listing_links SET base_version = ? WHERE local_id = ?').run(
          doc.version,
          entry.resourceId,
        );
        const ctx = this.ctx();
        applyListingDoc(ctx, doc, entry.resourceId);
        applyServerRecord(ctx, 'listing', doc);
      });
      return 'sent';
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (error.code === 'unauthorized' || error.code === 'forbidden') throw error;
      if (error.retryable) {
        const base = this.o.retryBaseMs ?? 1000;
        const delay =
          Math.min(this.o.retryMaxMs ?? 60_000, base * 2 ** Math.min(attempts - 1, 16)) *
          (0.5 + 0.5 * (this.o.random ?? Math.random)());
        this.o.store.write(() =>
          this.outbox.update(entry.id, {
            attempts,
            lastError: error.message,
            nextAttemptAt: this.now().getTime() + Math.round(delay),
          }),
        );
        return 'retry';
      }
      if (error.code === 'precondition-failed' && entry.resource === 'listing') {
        const link = this.link(entry.resourceId);
        let server: ListingResource | null = null;
        try {
          server = link?.remoteId ? await client.getListing(link.remoteId) : null;
        } catch {
          server = null; // shown as "server version unknown"; resolving fetches it again
        }
        this.o.store.write(() =>
          this.outbox.update(entry.id, { state: 'conflict', attempts, lastError: error.message, server }),
        );
        return 'conflict';
      }
      return this.fail(entry, attempts, error.message);
    }
  }

  private fail(entry: OutboxEntry, attempts: number, message: string): 'failed' {
    this.o.store.write(() => this.outbox.update(entry.id, { state: 'failed', attempts, lastError: message }));
    return 'failed';
  }

  // ── user actions: the local change and its outbox entry in one transaction ───────────────

  private unsettledBase(localId: string): number | null {
    // The first unsettled entry carries the base; later ones follow the version it leaves.
    const chained = hasUnsettled(this.o.store.db, 'listing', localId);
    return chained ? null : (this.link(localId)?.baseVersion ?? null);
  }

  createDraft(draft: Listing) {
    return this.o.store.write(() => {
      const record = this.o.listings.create(draft);
      this.outbox.enqueue({
        resource: 'listing',
        resourceId: record.localId,
        op: 'create',
        payload: { draft },
      });
      return record;
    });
  }

  /** Saves the draft and queues it; a draft never sent (e.g. imported from a file) is queued as a create. */
  updateDraft(localId: string, revision: number, draft: Listing) {
    return this.o.store.write(() => {
      const record = this.o.listings.update(localId, revision, draft);
      const link = this.link(localId);
      const created =
        link?.remoteId ||
        this.outbox
          .list(['pending', 'conflict', 'failed'])
          .some((e) => e.resource === 'listing' && e.resourceId === localId && e.op === 'create');
      if (created)
        this.outbox.enqueue({
          resource: 'listing',
          resourceId: localId,
          op: 'update',
          payload: { draft },
          baseVersion: this.unsettledBase(localId),
        });
      else
        this.outbox.enqueue({ resource: 'listing', resourceId: localId, op: 'create', payload: { draft } });
      return record;
    });
  }

  submitDraft(localId: string) {
    return this.o.store.write(() => {
      this.o.listings.assertExists(localId);
      return this.outbox.enqueue({
        resource: 'listing',
        resourceId: localId,
        op: 'submit',
        baseVersion: this.unsettledBase(localId),
      });
    });
  }

  deleteDraft(localId: string) {
    return this.o.store.write(() => {
      const base = this.unsettledBase(localId);
      const known = this.link(localId)?.remoteId || hasUnsettled(this.o.store.db, 'listing', localId);
      this.o.listings.delete(localId);
      return known
        ? this.outbox.enqueue({ resource: 'listing', resourceId: localId, op: 'delete', baseVersion: base })
        : null;
    });
  }

  respondToTicket(ticketId: string, text: string) {
    if (text.trim() === '' || text.length > 5000)
      throw new AppError(
        'invalid-input',
        '回复内容应为 1–5000 个字符 / the response must be 1–5000 characters',
      );
    return this.o.store.write((db) => {
      // Only the marketplace's tickets can be answered there; one imported from a file is not on it.
      if (
        !db
          .prepare("SELECT 1 FROM sync_remote WHERE resource_type = 'ticket' AND resource_id = ?")
          .get(ticketId)
      )
        throw new AppError(
          'not-found',
          `工单 ${ticketId} 不是云市场同步的工单 / ticket ${ticketId} is not a marketplace ticket`,
        );
      const entry = this.outbox.enqueue({
        resource: 'ticket',
        resourceId: ticketId,
        op: 'respond',
        payload: { text },
      });
      // The SLA stops when the reply is written, not when it reaches the server; sla_key = NULL
      // makes the stored SLA result (met/breached) be recomputed from the new first response.
      db.prepare(
        "UPDATE tickets SET first_response_at = ?, sla_key = NULL WHERE id = ? AND source = 'sync' AND first_response_at IS NULL",
      ).run(this.now().getTime(), ticketId);
      return entry;
    });
  }

  // ── resolving ────────────────────────────────────────────────────────────────────────────

  private mustGet(id: number, states: readonly string[]): OutboxEntry {
    const entry = this.outbox.get(id);
    if (!entry) throw new AppError('not-found', `outbox entry ${id} not found`);
    if (!states.includes(entry.state))
      throw new AppError('invalid-input', `outbox entry ${id} is ${entry.state}, not ${states.join(' or ')}`);
    return entry;
  }

  /** A failed entry (maybe edited since: the payload is the current draft) goes out again, as a new request. */
  retry(id: number): OutboxEntry {
    return this.o.store.write(() => {
      const entry = this.mustGet(id, ['failed', 'pending']);
      const patch: Parameters<Outbox['update']>[1] = { state: 'pending', nextAttemptAt: 0 };
      if (entry.state === 'failed') {
        patch.newKey = true;
        if (entry.resource === 'listing' && (entry.op === 'update' || entry.op === 'create')) {
          const row = this.o.store.db
            .prepare('SELECT 1 FROM listings WHERE local_id = ?')
            .get(entry.resourceId);
          if (row) patch.payload = { draft: this.o.listings.get(entry.resourceId).listing };
        }
      }
      this.outbox.update(id, patch);
      return this.outbox.get(id)!;
    });
  }

  /** The user gives up on an entry (failed, conflict or pending); it stays in the list as discarded. */
  discard(id: number): OutboxEntry {
    return this.o.store.write(() => {
      this.mustGet(id, ['failed', 'conflict', 'pending']);
      this.outbox.update(id, { state: 'discarded', lastError: '用户已放弃 / discarded by the user' });
      return this.outbox.get(id)!;
    });
  }

  /**
   * keep-mine: the entry is re-based on the server's version and sent again (a new request, new
   * key); take-theirs: the local draft becomes the server's, this entry and the later ones of the
   * same listing are discarded (they were built on the refused edit).
   */
  async resolveConflict(id: number, choice: 'keep-mine' | 'take-theirs'): Promise<OutboxEntry> {
    let entry = this.mustGet(id, ['conflict']);
    let server = entry.server ? listingResourceSchema.safeParse(entry.server) : null;
    if (!server?.success) {
      const link = this.link(entry.resourceId);
      if (!link?.remoteId)
        throw new AppError('invalid-input', 'the server version of this listing is unknown');
      const client = await this.o.client();
      const doc = await client.getListing(link.remoteId);
      this.o.store.write(() => this.outbox.update(id, { server: doc }));
      entry = this.mustGet(id, ['conflict']);
      server = listingResourceSchema.safeParse(entry.server);
    }
    const doc = server.data!;
    return this.o.store.write((db) => {
      if (choice === 'keep-mine') {
        this.outbox.update(id, {
          state: 'pending',
          baseVersion: doc.version,
          newKey: true,
          nextAttemptAt: 0,
          lastError: null,
        });
      } else {
        const later = this.outbox
          .list(['pending', 'conflict', 'failed'])
          .filter((e) => e.resource === 'listing' && e.resourceId === entry.resourceId);
        for (const e of later)
          this.outbox.update(e.id, {
            state: 'discarded',
            lastError:
              e.id === id
                ? '采用云端版本 / took the server version'
                : `随 #${id} 采用云端版本而放弃 / discarded with #${id} (took the server version)`,
          });
        const ctx = this.ctx();
        applyServerRecord(ctx, 'listing', doc);
        db.prepare(
          'UPDATE sync_listing_links SET review_state = ?, review_comments_json = ? WHERE local_id = ?',
        ).run(doc.review.state, JSON.stringify(doc.review.comments), entry.resourceId);
        replaceLocalDraft(ctx, entry.resourceId, doc);
      }
      return this.outbox.get(id)!;
    });
  }

  /** Both versions of a conflicted listing, for the Sync page. */
  conflictVersions(id: number): { mine: Listing | null; theirs: ListingResource | null } {
    const entry = this.mustGet(id, ['conflict']);
    const mine =
      (entry.payload?.draft as Listing | undefined) ??
      (this.o.store.db.prepare('SELECT 1 FROM listings WHERE local_id = ?').get(entry.resourceId)
        ? this.o.listings.get(entry.resourceId).listing
        : null);
    const parsed = entry.server ? listingResourceSchema.safeParse(entry.server) : null;
    return { mine, theirs: parsed?.success ? parsed.data : null };
  }
}
