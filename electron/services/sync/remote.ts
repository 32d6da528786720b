/**
 * Applying the change feed to the local database. Runs inside the caller's transaction (one per
 * feed page, together with the new cursor). `sync_remote` holds the server's copy of each
 * record, version-gated; the feature tables get projections with `source = 'sync'` that never
 * overwrite a row imported from a file or typed in (those stay as they are, shown apart).
 */
import type Database from 'better-sqlite3';
import type {
  FeedChange,
  LedgerEntry,
  ListingResource,
  Order,
  ResourceRecord,
  ResourceType,
  RulePack,
  Ticket,
  Violation,
} from '../../../shared/api/schemas';
import { DEFAULT_POLICY_ID } from '../../../shared/policy/packs';
import type { Listing } from '../../../shared/listing/schema';
import { chunksOf, paramRow, valuesRows } from '../db/bulk-sql';
import type { ListingsRepository } from '../repositories/listings-repository';

/** Prepared statements by SQL text, per connection: preparing is the slow part of a small query. */
const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>();
function sql(db: Database.Database, text: string): Database.Statement {
  let byText = cache.get(db);
  if (!byText) cache.set(db, (byText = new Map()));
  let statement = byText.get(text);
  if (!statement) byText.set(text, (statement = db.prepare(text)));
  return statement;
}

const ms = (iso: string | null | undefined): number | null => (iso ? Date.parse(iso) : null);

export interface ApplyContext {
  db: Database.Database;
  listings: ListingsRepository;
  nowMs: number;
  nowIso: string;
  /** Tickets with a response still in the outbox → when it was written (read once per page). */
  pendingResponses?: Map<string, string>;
  /**
   * A feed page's ticket rows and server copies, written by multi-row statements in `flushPage`
   * (before the page's cursor): one INSERT per ticket costs ~3× as much, as the tickets table's
   * triggers give every statement its own statement journal, and every statement call has a fixed
   * cost (db/bulk-sql.ts). Keyed by id, so the last version in a page wins and a tombstone drops a
   * row not yet written. Absent: each record is written at once.
   */
  ticketBatch?: Map<string, TicketProjection>;
  remoteBatch?: Map<string, RemoteRow>;
  /**
   * Set by applyPage: the stored versions of the page's resources, read by one query instead of
   * one per change, keyed by `type \0 id` and kept up to date as the page is applied.
   */
  page?: PageState;
  /** A rule pack the feed delivered (the engine offers it to the RulePackService). */
  onRulePack?: (record: RulePack) => void;
}

interface PageState {
  /** Newest version known per resource (stored, tombstoned or applied earlier in this page). */
  versions: Map<string, { newest: number; tomb: boolean; stored: boolean }>;
}

/** The columns projectTicket writes: id, kind, opened_at, first_response_at, extra_json, source_at. */
type TicketProjection = [string, string, number | null, number | null, string, number];

/** A sync_remote row: resource_type, resource_id, version, data_json, changed_at, pulled_at. */
type RemoteRow = [string, string, number, string, string, number];

export function pendingResponses(db: Database.Database): Map<string, string> {
  const rows = sql(
    db,
    "SELECT resource_id AS id, min(created_at) AS at FROM sync_outbox WHERE resource = 'ticket' AND op = 'respond' AND state IN ('pending', 'failed', 'conflict') GROUP BY resource_id",
  ).all() as Array<{ id: string; at: string }>;
  return new Map(rows.map((r) => [r.id, r.at]));
}

/** Outbox states that mean "the local copy of this resource has changes the server has not accepted". */
export const UNSETTLED = "('pending', 'conflict', 'failed')";

export function hasUnsettled(
  db: Database.Database,
  resource: 'listing' | 'ticket',
  resourceId: string,
): boolean {
  return (
    sql(
      db,
      `SELECT 1 FROM sync_outbox WHERE resource = ? AND resource_id = ? AND state IN ${UNSETTLED} LIMIT 1`,
    ).get(resource, resourceId) !== undefined
  );
}

const pageKey = (type: string, id: string) => `${type}\u0000${id}`;

/**
 * Applies one feed page inside the caller's transaction; the number of changes that changed
 * something and their types. The same result as applyChange one by one (tested), with the version
 * lookups, the sync_remote writes and the ticket rows done once per page.
 */
export function applyPage(
  ctx: ApplyContext,
  changes: readonly FeedChange[],
): { applied: number; types: Set<ResourceType> } {
  const page: PageState = { versions: new Map() };
  if (changes.length) {
    const rows = sql(
      ctx.db,
      `SELECT j.value ->> 0 AS type, j.value ->> 1 AS id, r.version AS stored, t.version AS tomb
         FROM json_each(?) AS j
         LEFT JOIN sync_remote AS r ON r.resource_type = j.value ->> 0 AND r.resource_id = j.value ->> 1
         LEFT JOIN sync_tombstones AS t ON t.resource_type = j.value ->> 0 AND t.resource_id = j.value ->> 1
        WHERE r.version IS NOT NULL OR t.version IS NOT NULL`,
    ).all(JSON.stringify(changes.map((c) => [c.resourceType, c.resourceId]))) as Array<{
      type: string;
      id: string;
      stored: number | null;
      tomb: number | null;
    }>;
    for (const r of rows)
      page.versions.set(pageKey(r.type, r.id), {
        newest: Math.max(r.stored ?? -1, r.tomb ?? -1),
        tomb: r.tomb !== null,
        stored: r.stored !== null,
      });
  }
  const batched: ApplyContext = { ...ctx, page, ticketBatch: new Map(), remoteBatch: new Map() };
  const types = new Set<ResourceType>();
  let applied = 0;
  for (const change of changes) {
    if (applyChange(batched, change)) {
      applied++;
      types.add(change.resourceType);
    }
  }
  flushPage(batched);
  return { applied, types };
}

/** Applies one change; true when it changed something (newer than what is stored). */
export function applyChange(ctx: ApplyContext, change: FeedChange): boolean {
  const { db, page } = ctx;
  const type = change.resourceType;
  const id = change.resourceId;
  const key = page ? pageKey(type, id) : '';
  let newest: number;
  let tomb: boolean;
  if (page) {
    const known = page.versions.get(key);
    newest = known?.newest ?? -1;
    tomb = known?.tomb ?? false;
  } else {
    const known = sql(
      db,
      `SELECT (SELECT version FROM sync_remote WHERE resource_type = @type AND resource_id = @id) AS stored,
              (SELECT version FROM sync_tombstones WHERE resource_type = @type AND resource_id = @id) AS tomb`,
    ).get({ type, id }) as { stored: number | null; tomb: number | null };
    newest = Math.max(known.stored ?? -1, known.tomb ?? -1);
    tomb = known.tomb !== null;
  }
  if (change.version <= newest) return false;
  if (change.op === 'delete' || change.data === null) {
    page?.versions.set(key, { newest: change.version, tomb: true, stored: false });
    ctx.remoteBatch?.delete(key);
    sql(db, 'DELETE FROM sync_remote WHERE resource_type = ? AND resource_id = ?').run(type, id);
    sql(
      db,
      'INSERT INTO sync_tombstones (resource_type, resource_id, version) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET version = excluded.version',
    ).run(type, id, change.version);
    unproject(ctx, type, id);
    return true;
  }
  if (tomb) sql(db, 'DELETE FROM sync_tombstones WHERE resource_type = ? AND resource_id = ?').run(type, id);
  page?.versions.set(key, { newest: change.version, tomb: false, stored: true });
  const row: RemoteRow = [type, id, change.version, JSON.stringify(change.data), change.at, ctx.nowMs];
  if (ctx.remoteBatch) {
    ctx.remoteBatch.delete(key); // re-inserted last: the map's order is the feed's order
    ctx.remoteBatch.set(key, row);
  } else sql(db, `${REMOTE_UPSERT} VALUES (?, ?, ?, ?, ?, ?) ${REMOTE_ON_CONFLICT}`).run(...row);
  project(ctx, change);
  return true;
}

const REMOTE_UPSERT =
  'INSERT INTO sync_remote (resource_type, resource_id, version, data_json, changed_at, pulled_at)';
const REMOTE_ON_CONFLICT =
  'ON CONFLICT DO UPDATE SET version = excluded.version, data_json = excluded.data_json, changed_at = excluded.changed_at, pulled_at = excluded.pulled_at';

/** Stores a record the server returned to a push (same version gate as the feed). */
export function applyServerRecord<T extends ResourceType>(
  ctx: ApplyContext,
  type: T,
  record: ResourceRecord<T> & { id: string; version: number; updatedAt?: string },
): boolean {
  return applyChange(ctx, {
    cursor: '',
    resourceType: type,
    resourceId: record.id,
    op: 'upsert',
    version: record.version,
    at: record.updatedAt ?? ctx.nowIso,
    data: record,
  } as FeedChange);
}

/** The feature tables' projection of a record; its data was checked against its schema by the client. */
function project(ctx: ApplyContext, change: FeedChange): void {
  const { data, resourceId: id } = change;
  if (data === null) return;
  // (Loose objects carry an index signature, so TypeScript cannot narrow `data` by resourceType.)
  switch (change.resourceType) {
    case 'ticket':
      return projectTicket(ctx, id, data as Ticket);
    case 'ledgerEntry':
      return projectLedger(ctx, id, data as LedgerEntry);
    case 'violation':
      return projectViolation(ctx, id, data as Violation);
    case 'order':
      return projectOrder(ctx, id, data as Order);
    case 'listing':
      return applyListingDoc(ctx, data as ListingResource);
    case 'rulePack':
      return ctx.onRulePack?.(data as RulePack);
    default:
      return; // vendor profile: the remote copy is the record
  }
}

function unproject(ctx: ApplyContext, type: ResourceType, id: string): void {
  const { db } = ctx;
  if (type === 'ticket') {
    ctx.ticketBatch?.delete(id);
    sql(db, "DELETE FROM tickets WHERE id = ? AND source = 'sync'").run(id);
  } else if (type === 'ledgerEntry')
    sql(db, "DELETE FROM deposit_ledger WHERE id = ? AND source = 'sync'").run(id);
  else if (type === 'violation') sql(db, "DELETE FROM violations WHERE id = ? AND source = 'sync'").run(id);
  else if (type === 'order') sql(db, "DELETE FROM orders WHERE id = ? AND source = 'sync'").run(id);
  else if (type === 'listing') {
    const link = sql(db, 'SELECT local_id FROM sync_listing_links WHERE remote_id = ?').get(id) as
      { local_id: string } | undefined;
    if (!link) return;
    if (hasUnsettled(db, 'listing', link.local_id)) {
      // The user still has changes for it: keep the draft; the push will say it is gone.
      sql(db, 'UPDATE sync_listing_links SET review_state = ?, updated_at = ? WHERE local_id = ?').run(
        'deleted',
        ctx.nowIso,
        link.local_id,
      );
      return;
    }
    sql(db, 'DELETE FROM listings WHERE local_id = ?').run(link.local_id);
    sql(db, 'DELETE FROM sync_listing_links WHERE local_id = ?').run(link.local_id);
  }
}

function projectTicket(ctx: ApplyContext, id: string, t: Ticket): void {
  // A response still in the outbox counts as the first response (the SLA stops when it was written).
  const pendingAt = (ctx.pendingResponses ??= pendingResponses(ctx.db)).get(id) ?? null;
  const firstResponse = ms(t.firstResponseAt) ?? ms(pendingAt);
  const extra = JSON.stringify({
    subject: t.subject,
    status: t.status,
    orderId: t.orderId,
    version: t.version,
  });
  const row: TicketProjection = [id, t.kind, ms(t.openedAt), firstResponse, extra, ctx.nowMs];
  if (ctx.ticketBatch) {
    ctx.ticketBatch.delete(id); // re-inserted last: the map's order is the feed's order
    ctx.ticketBatch.set(id, row);
    return;
  }
  sql(ctx.db, `${TICKET_UPSERT} VALUES ${TICKET_ROW} ${TICKET_ON_CONFLICT}`).run(...row);
}

/** Writes the batched ticket rows and server copies (see ApplyContext.ticketBatch). */
export function flushPage(ctx: ApplyContext): void {
  writeRows(
    ctx.db,
    ctx.remoteBatch,
    (n) => `${REMOTE_UPSERT} VALUES ${valuesRows(n, paramRow(6))} ${REMOTE_ON_CONFLICT}`,
  );
  writeRows(
    ctx.db,
    ctx.ticketBatch,
    (n) => `${TICKET_UPSERT} VALUES ${valuesRows(n, TICKET_ROW)} ${TICKET_ON_CONFLICT}`,
  );
}

/** Writes a batch's rows BULK_ROWS at a time with the statement `text` gives for n rows, then empties it. */
function writeRows(
  db: Database.Database,
  batch: Map<string, readonly unknown[]> | undefined,
  text: (rows: number) => string,
): void {
  if (!batch?.size) return;
  for (const rows of chunksOf([...batch.values()])) sql(db, text(rows.length)).run(...rows.flat());
  batch.clear();
}

/** A TicketProjection's VALUES row (the columns of TICKET_UPSERT). */
const TICKET_ROW = "(?, 0, ?, ?, ?, NULL, ?, 'sync', ?, NULL)";
const TICKET_UPSERT =
  'INSERT INTO tickets (id, id_is_number, kind, opened_at, first_response_at, staff, extra_json, source, source_at, source_file)';
const TICKET_ON_CONFLICT = `ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, opened_at = excluded.opened_at, first_response_at = excluded.first_response_at,
         extra_json = excluded.extra_json, source_at = excluded.source_at,
         -- The stored SLA result is of the old times: NULL has it recomputed (tickets_sla_missing).
         sla_key = CASE WHEN tickets.kind IS excluded.kind AND tickets.opened_at IS excluded.opened_at
                         AND tickets.first_response_at IS excluded.first_response_at THEN tickets.sla_key END
       WHERE tickets.source = 'sync'`;

function projectLedger(ctx: ApplyContext, id: string, e: LedgerEntry): void {
  const { db } = ctx;
  sql(
    db,
    "INSERT OR IGNORE INTO deposit_account (id, required_fen, source, source_at) VALUES (1, 0, 'sync', ?)",
  ).run(ctx.nowMs);
  const existing = sql(db, 'SELECT seq FROM deposit_ledger WHERE id = ?').get(id) as
    { seq: number } | undefined;
  const seq =
    existing?.seq ??
    (sql(db, 'SELECT coalesce(max(seq), 0) + 1 AS seq FROM deposit_ledger').get() as { seq: number }).seq;
  sql(
    db,
    `INSERT INTO deposit_ledger (id, id_is_number, seq, at, type, amount_fen, reason, extra_json, source, source_at, source_file)
     VALUES (?, 0, ?, ?, ?, ?, ?, ?, 'sync', ?, NULL)
     ON CONFLICT (id) DO UPDATE SET at = excluded.at, type = excluded.type, amount_fen = excluded.amount_fen, reason = excluded.reason,
       extra_json = excluded.extra_json, source_at = excluded.source_at
     WHERE deposit_ledger.source = 'sync'`,
  ).run(
    id,
    seq,
    ms(e.at),
    e.type,
    Math.round(e.amount * 100),
    e.reason,
    JSON.stringify({ balanceAfter: e.balanceAfter }),
    ctx.nowMs,
  );
}

const appealMap: Record<string, string> = {
  none: 'none',
  pending: 'filed',
  accepted: 'overturned',
  rejected: 'upheld',
};

function projectViolation(ctx: ApplyContext, id: string, v: Violation): void {
  sql(
    ctx.db,
    `INSERT INTO violations (id, id_is_number, policy, code, occurred_at, decided_at, appeal_state, appeal_at, extra_json, source, source_at, source_file, first_seen_at)
       VALUES (?, 0, ?, ?, ?, ?, ?, ?, ?, 'sync', ?, NULL, ?)
       ON CONFLICT (id) DO UPDATE SET code = excluded.code, occurred_at = excluded.occurred_at, decided_at = excluded.decided_at,
         appeal_state = excluded.appeal_state, appeal_at = excluded.appeal_at, extra_json = excluded.extra_json, source_at = excluded.source_at
       WHERE violations.source = 'sync'`,
  ).run(
    id,
    DEFAULT_POLICY_ID,
    v.code,
    ms(v.occurredAt),
    ms(v.decidedAt),
    appealMap[v.appeal.state] ?? 'none',
    ms(v.appeal.submittedAt),
    JSON.stringify({ listingId: v.listingId, description: v.description }),
    ctx.nowMs,
    ctx.nowMs,
  );
}

function projectOrder(ctx: ApplyContext, id: string, o: Order): void {
  sql(
    ctx.db,
    `INSERT INTO orders (id, listing_id, type, amount_fen, purchased_at, service_confirmed_at, warranty_ends_at, waybill_uploaded_at, picked_up_at, data_json, version, source, source_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'sync', ?)
       ON CONFLICT (id) DO UPDATE SET listing_id = excluded.listing_id, type = excluded.type, amount_fen = excluded.amount_fen,
         purchased_at = excluded.purchased_at, service_confirmed_at = excluded.service_confirmed_at, warranty_ends_at = excluded.warranty_ends_at,
         waybill_uploaded_at = excluded.waybill_uploaded_at, picked_up_at = excluded.picked_up_at, data_json = excluded.data_json,
         version = excluded.version, source_at = excluded.source_at
       WHERE orders.source = 'sync'`,
  ).run(
    id,
    o.listingId,
    o.type,
    Math.round(o.amount * 100),
    ms(o.purchasedAt),
    ms(o.serviceConfirmedAt),
    ms(o.warrantyEndsAt),
    ms(o.waybillUploadedAt),
    ms(o.pickedUpAt),
    JSON.stringify(o),
    o.version,
    ctx.nowMs,
  );
}

interface LinkRow {
  local_id: string;
  remote_id: string | null;
  base_version: number | null;
  remote_version: number | null;
}

/**
 * A server listing beside the local draft: the review state, comments and version always; the
 * draft itself only when the user has nothing unsent for it (else the push decides, and a stale
 * base becomes a conflict the user resolves).
 */
export function applyListingDoc(ctx: ApplyContext, doc: ListingResource, localId?: string): void {
  const { db } = ctx;
  const link = (
    localId
      ? sql(db, 'SELECT * FROM sync_listing_links WHERE local_id = ?').get(localId)
      : sql(db, 'SELECT * FROM sync_listing_links WHERE remote_id = ?').get(doc.id)
  ) as LinkRow | undefined;
  if (localId) {
    // Our create reached the server; a pull may have made a second local copy meanwhile.
    const other = sql(
      db,
      'SELECT local_id FROM sync_listing_links WHERE remote_id = ? AND local_id <> ?',
    ).get(doc.id, localId) as { local_id: string } | undefined;
    if (other && !hasUnsettled(db, 'listing', other.local_id)) {
      sql(db, 'DELETE FROM listings WHERE local_id = ?').run(other.local_id);
      sql(db, 'DELETE FROM sync_listing_links WHERE local_id = ?').run(other.local_id);
    }
  }
  const review = JSON.stringify(doc.review.comments);
  const draftJson = JSON.stringify(doc.draft);
  if (!link) {
    const local = ctx.listings.create(doc.draft as Listing);
    sql(
      db,
      `INSERT INTO sync_listing_links (local_id, remote_id, base_version, remote_version, review_state, review_comments_json, remote_draft_json, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(local.localId, doc.id, doc.version, doc.version, doc.review.state, review, draftJson, ctx.nowIso);
    return;
  }
  sql(
    db,
    `UPDATE sync_listing_links SET remote_id = ?, remote_version = max(coalesce(remote_version, 0), ?), review_state = ?, review_comments_json = ?,
       remote_draft_json = ?, updated_at = ? WHERE local_id = ?`,
  ).run(doc.id, doc.version, doc.review.state, review, draftJson, ctx.nowIso, link.local_id);
  if (hasUnsettled(db, 'listing', link.local_id)) return;
  replaceLocalDraft(ctx, link.local_id, doc);
}

/** The local draft becomes the server's (no unsent changes, or the user took theirs). */
export function replaceLocalDraft(ctx: ApplyContext, localId: string, doc: ListingResource): string {
  const { db } = ctx;
  const current = sql(db, 'SELECT revision FROM listings WHERE local_id = ?').get(localId) as
    { revision: number } | undefined;
  let id = localId;
  if (!current) {
    id = ctx.listings.create(doc.draft as Listing).localId;
    sql(db, 'UPDATE sync_listing_links SET local_id = ? WHERE local_id = ?').run(id, localId);
  } else if (JSON.stringify(ctx.listings.get(localId).listing) !== JSON.stringify(doc.draft)) {
    ctx.listings.update(localId, current.revision, doc.draft as Listing);
  }
  sql(
    db,
    'UPDATE sync_listing_links SET base_version = ?, remote_version = max(coalesce(remote_version, 0), ?), updated_at = ? WHERE local_id = ?',
  ).run(doc.version, doc.version, ctx.nowIso, id);
  return id;
}
