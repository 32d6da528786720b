/**
 * The sync engine against a real sandbox started in-process: pull (pages, cursor, versions,
 * tombstones, provenance kept apart), push through the outbox (idempotency, order, retry,
 * 412 conflicts both ways, 4xx failures) — see electron/services/sync/engine.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../sandbox/server';
import { FAULT_HEADER } from '../../../shared/api/paths';
import { draft, makeEngine, sandboxClient } from './helpers';

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({
    port: 0,
    seed: 'sync-engine',
    listings: 6,
    tickets: 30,
    orders: 10,
    vendors: 2,
    selfCheck: null,
  });
});
afterAll(async () => {
  await sandbox.close();
});

const count = (
  store: { db: { prepare(s: string): { get(...a: unknown[]): unknown } } },
  sql: string,
  ...args: unknown[]
) => (store.db.prepare(sql).get(...args) as { n: number }).n;

describe('pull', () => {
  it('reads the whole feed in pages, each with its cursor, and a second pull applies nothing', async () => {
    const { engine, store } = makeEngine(sandbox, { pageSize: 7 });
    const first = await engine.syncOnce();
    expect(first.report.pulled).toBeGreaterThan(7);
    expect(first.report.resources.tickets).toBe(30);
    expect(first.report.resources.orders).toBe(10);
    expect(first.report.asOf).toMatch(/\+08:00$/);
    expect(count(store, "SELECT count(*) AS n FROM tickets WHERE source = 'sync'")).toBe(30);
    const feedAll = await sandboxClient(sandbox).listChanges(undefined, 1000);
    expect(first.report.cursor).toBe(feedAll.nextCursor);
    const second = await engine.syncOnce();
    expect(second.report.pulled).toBe(0);
  });

  it('never overwrites a ticket imported from a file, and does not show synced records as imported', async () => {
    const { engine, store } = makeEngine(sandbox);
    const ticketId = (await sandboxClient(sandbox).listTickets({ pageSize: 1 })).tickets[0]!.id;
    store.db
      .prepare(
        "INSERT INTO tickets (id, kind, opened_at, source, source_at) VALUES (?, 'consultation', 1, 'import', 1)",
      )
      .run(ticketId);
    await engine.syncOnce();
    expect(store.db.prepare('SELECT source, opened_at FROM tickets WHERE id = ?').get(ticketId)).toEqual({
      source: 'import',
      opened_at: 1,
    });
    expect(engine.report().resources.tickets).toBe(30); // the marketplace copy is still held, apart
  });

  it('applies an upsert only when newer, and a tombstone deletes', async () => {
    const { engine, store } = makeEngine(sandbox);
    await engine.syncOnce();
    const client = sandboxClient(sandbox);
    const created = await client.createListing(draft('将被删除'));
    await engine.syncOnce();
    const link = store.db
      .prepare('SELECT local_id, base_version FROM sync_listing_links WHERE remote_id = ?')
      .get(created.id) as { local_id: string; base_version: number };
    expect(link.base_version).toBe(created.version);
    await client.deleteListing(created.id, created.version);
    await engine.syncOnce();
    expect(store.db.prepare('SELECT 1 FROM listings WHERE local_id = ?').get(link.local_id)).toBeUndefined();
    expect(
      store.db
        .prepare("SELECT version FROM sync_tombstones WHERE resource_type = 'listing' AND resource_id = ?")
        .get(created.id),
    ).toEqual({ version: created.version + 1 });
  });

  it('refuses a feed page with one record that breaks its schema: a clear error naming it, nothing of the page stored', async () => {
    // The answer is corrupted on the way in: the third change's record loses a required field.
    let corrupted = '';
    const states: string[] = [];
    const bad = makeEngine(sandbox, {
      pageSize: 10,
      emit: (event) => {
        if (event.type === 'sync-state') states.push(event.state);
      },
      transport: {
        fetch: async (input, init) => {
          const response = await fetch(input, init);
          if (!String(input).includes('/changes')) return response;
          const body = (await response.json()) as {
            result: { changes: Array<{ resourceType: string; data: Record<string, unknown> | null }> };
          };
          const change = body.result.changes[2]!;
          corrupted = change.resourceType;
          if (change.data) change.data.version = 'seven';
          return new Response(JSON.stringify(body), { status: response.status, headers: response.headers });
        },
      },
    });
    const error = (await bad.engine.syncOnce().catch((e: unknown) => e)) as Error;
    expect(corrupted).not.toBe('');
    expect(error.message).toMatch(/response does not match the contract: result\.changes\.2\.data\.version/);
    // Not "offline": the server answered, and waiting will not fix the answer.
    expect(states.at(-1)).toBe('error');
    expect(bad.engine.state().cursor).toBeNull();
    expect(count(bad.store, 'SELECT count(*) AS n FROM sync_remote')).toBe(0);
    expect(count(bad.store, 'SELECT count(*) AS n FROM tickets')).toBe(0);
  });

  it('changes nothing locally when the credentials are refused', async () => {
    const bad = makeEngine(sandbox, {
      transport: {
        credentials: async () => ({
          accessKey: sandbox.credentials[0]!.accessKey,
          secretKey: 'wrong-secret',
        }),
      },
    });
    await expect(bad.engine.syncOnce()).rejects.toMatchObject({ reason: 'unauthorized' });
    expect(bad.engine.state().cursor).toBeNull();
    expect(count(bad.store, 'SELECT count(*) AS n FROM sync_remote')).toBe(0);
  });
});

describe('push through the outbox', () => {
  it('sends a create once even when the answer is lost after the server committed (truncated), reusing the key', async () => {
    let lose = 1;
    const { engine, store } = makeEngine(sandbox, {
      transport: {
        maxAttempts: 1,
        // The first POST is committed by the server, but its answer is cut off.
        fetch: (url, init) =>
          fetch(
            url,
            init.method === 'POST' && lose-- > 0
              ? { ...init, headers: { ...init.headers, [FAULT_HEADER]: 'truncate' } }
              : init,
          ),
      },
    });
    await engine.syncOnce();
    const record = engine.createDraft(draft('丢失应答的创建'));
    const entry = engine.outbox.list()[0]!;
    const r1 = await engine.syncOnce();
    expect(r1.report.pending).toBe(1);
    expect(engine.outbox.get(entry.id)).toMatchObject({
      state: 'pending',
      attempts: 1,
      idempotencyKey: entry.idempotencyKey,
    });
    const r2 = await engine.syncOnce();
    expect(r2.report.pushed).toBe(1);
    expect(engine.outbox.get(entry.id)).toMatchObject({
      state: 'sent',
      attempts: 2,
      idempotencyKey: entry.idempotencyKey,
    });
    const server = (await sandboxClient(sandbox).listListings({ pageSize: 100 })).listings.filter(
      (l) => l.draft.title === '丢失应答的创建',
    );
    expect(server).toHaveLength(1);
    // The lost answer's listing came back through the feed too; only one local copy remains.
    expect(count(store, "SELECT count(*) AS n FROM listings WHERE title = '丢失应答的创建'")).toBe(1);
    expect(
      store.db.prepare('SELECT remote_id FROM sync_listing_links WHERE local_id = ?').get(record.localId),
    ).toEqual({ remote_id: server[0]!.id });
  });

  it('sends one listing’s entries in order and an offline edit waits, then goes once', async () => {
    const online = makeEngine(sandbox);
    await online.engine.syncOnce();
    const rec = online.engine.createDraft(draft('顺序'));
    const v2 = online.engine.updateDraft(rec.localId, rec.revision, {
      ...draft('顺序'),
      description: '第二版的说明文字，足够长。',
    });
    online.engine.submitDraft(rec.localId);
    const r = await online.engine.syncOnce();
    expect(r.report.pushed).toBe(3);
    expect(r.report.pending).toBe(0);
    const link = online.store.db
      .prepare('SELECT remote_id FROM sync_listing_links WHERE local_id = ?')
      .get(v2.localId) as { remote_id: string };
    const server = await sandboxClient(sandbox).getListing(link.remote_id);
    expect(server.draft.description).toBe('第二版的说明文字，足够长。');
    expect(server.review.state).not.toBe('draft');
  });

  it('responds to a ticket: pending while the server is down, sent once after', async () => {
    const { engine } = makeEngine(sandbox);
    await engine.syncOnce();
    const client = sandboxClient(sandbox);
    const open = (await client.listTickets({ pageSize: 100 })).tickets.find((t) => t.status === 'open')!;
    engine.respondToTicket(open.id, '您好，已收到。');
    const before = (await client.getTicket(open.id)).messages.length;
    const r = await engine.syncOnce();
    expect(r.report.pushed).toBe(1);
    const after = await client.getTicket(open.id);
    expect(after.messages.length).toBe(before + 1);
    await engine.syncOnce();
    expect((await client.getTicket(open.id)).messages.length).toBe(before + 1);
  });

  it('412 becomes a conflict with both versions; keep-mine re-bases, take-theirs restores the server draft', async () => {
    const { engine, store } = makeEngine(sandbox);
    const client = sandboxClient(sandbox);
    const created = await client.createListing(draft('冲突'));
    await engine.syncOnce();
    const localId = (
      store.db.prepare('SELECT local_id FROM sync_listing_links WHERE remote_id = ?').get(created.id) as {
        local_id: string;
      }
    ).local_id;
    // Someone edits on the server while we edit locally.
    await client.updateListing(
      created.id,
      { ...draft('冲突'), description: '服务器上的修改，足够长的说明。' },
      created.version,
    );
    const mine = engine.updateDraft(localId, engine['o'].listings.get(localId).revision, {
      ...draft('冲突'),
      description: '我的修改，足够长的说明文字。',
    });
    void mine;
    const r = await engine.syncOnce();
    expect(r.report.conflicts).toBe(1);
    const conflict = engine.outbox.list(['conflict'])[0]!;
    const versions = engine.conflictVersions(conflict.id);
    expect(versions.mine?.description).toBe('我的修改，足够长的说明文字。');
    expect(versions.theirs?.draft.description).toBe('服务器上的修改，足够长的说明。');
    await engine.resolveConflict(conflict.id, 'keep-mine');
    await engine.syncOnce();
    expect((await client.getListing(created.id)).draft.description).toBe('我的修改，足够长的说明文字。');

    // Again, now taking theirs.
    const now = await client.getListing(created.id);
    await client.updateListing(
      created.id,
      { ...draft('冲突'), description: '服务器第二次修改，足够长的说明。' },
      now.version,
    );
    engine.updateDraft(localId, engine['o'].listings.get(localId).revision, {
      ...draft('冲突'),
      description: '我的第二次修改，足够长。',
    });
    await engine.syncOnce();
    const c2 = engine.outbox.list(['conflict'])[0]!;
    await engine.resolveConflict(c2.id, 'take-theirs');
    expect(engine['o'].listings.get(localId).listing.description).toBe('服务器第二次修改，足够长的说明。');
    const final = await engine.syncOnce();
    expect(final.report.conflicts).toBe(0);
    expect(final.report.pending).toBe(0);
  });

  it('a 4xx validation answer marks the entry failed with the server message; edit + retry sends it', async () => {
    const { engine, listings } = makeEngine(sandbox);
    await engine.syncOnce();
    const rec = engine.createDraft({
      ...draft('无效'),
      price: { amount: -5, currency: 'CNY', billing: 'monthly' },
    });
    const r = await engine.syncOnce();
    expect(r.report.failed).toBe(1);
    const failed = engine.outbox.list(['failed'])[0]!;
    expect(failed.lastError).toMatch(/400|invalid|无效|price/i);
    listings.update(rec.localId, rec.revision, draft('无效'));
    engine.retry(failed.id);
    const r2 = await engine.syncOnce();
    expect(r2.report.failed).toBe(0);
    expect(r2.report.pushed).toBe(1);
  });
});
