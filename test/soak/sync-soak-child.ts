/**
 * The host process of the sync soak (test/soak/sync-soak.ts): a "user" making random local edits
 * and the sync engine running rounds against the sandbox, with ~10 % of requests given an
 * injected fault. The driver SIGKILLs it at random points and starts it again on the same data.
 * Every line on stdout is one event, written synchronously before the next step:
 *   R            a sync round finished
 *   Q            a request is about to be sent
 *   F <kind> <M> a fault was requested for it (M: the HTTP method)
 *   J <json>     a local action was committed (the journal the driver checks against)
 * argv: dataDir endpoint accessKey secretKey rounds seed faultRate
 */
import { writeSync } from 'node:fs';
import { MarketplaceClient } from '../../electron/services/api/client';
import { openStore } from '../../electron/services/db/database';
import { ListingsRepository } from '../../electron/services/repositories/listings-repository';
import { SyncEngine, SyncUnavailableError } from '../../electron/services/sync/engine';
import { DEFAULT_SERVICE, FAULT_HEADER } from '../../shared/api/paths';
import { createRng } from '../../sandbox/prng';

const [dataDir, endpoint, accessKey, secretKey, roundsText, seed, rateText] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string,
  string,
  string,
];
const rng = createRng(`soak-child:${seed}:${process.pid}`);
const faultRate = Number(rateText);
const say = (line: string) => writeSync(1, `${line}\n`);

const FAULTS = ['status=503', 'status=500', 'rate-limit=0', 'drop', 'truncate', 'truncate', 'malformed'];

const client = new MarketplaceClient({
  endpoint,
  region: 'cn-north-1',
  service: DEFAULT_SERVICE,
  credentials: async () => ({ accessKey, secretKey }),
  sleep: async () => {},
  maxAttempts: 2,
  timeoutMs: 5000,
  maxRetryAfterMs: 0,
  fetch: (url, init) => {
    say('Q');
    if (rng.next() < faultRate) {
      const fault = FAULTS[Math.floor(rng.next() * FAULTS.length)]!;
      say(`F ${fault} ${init.method}`);
      return fetch(url, { ...init, headers: { ...init.headers, [FAULT_HEADER]: fault } });
    }
    return fetch(url, init);
  },
});

const store = openStore({ dataDir });
const listings = new ListingsRepository(store);
const engine = new SyncEngine({
  store,
  listings,
  client: async () => client,
  retryBaseMs: 0,
  retryMaxMs: 0,
  pageSize: 50,
});
const token = () => `${process.pid.toString(36)}${Math.floor(rng.next() * 1e9).toString(36)}`;

function linkedListings(): Array<{ localId: string; revision: number }> {
  return store.db
    .prepare(
      "SELECT l.local_id AS localId, l.revision FROM listings l JOIN sync_listing_links k ON k.local_id = l.local_id WHERE k.remote_id IS NOT NULL AND coalesce(k.review_state, 'draft') <> 'frozen'",
    )
    .all() as Array<{ localId: string; revision: number }>;
}

function randomEdit(): void {
  const roll = rng.next();
  if (roll < 0.3) {
    const t = token();
    const record = engine.createDraft({
      title: `soak ${t}`,
      type: 'tool',
      price: { amount: 10, currency: 'CNY', billing: 'monthly' },
      description: `soak create ${t} — 一个用于浸泡测试的工具。`,
    });
    say(`J ${JSON.stringify({ op: 'create', token: t, localId: record.localId })}`);
  } else if (roll < 0.65) {
    const all = linkedListings();
    if (!all.length) return;
    const target = all[Math.floor(rng.next() * all.length)]!;
    const current = listings.get(target.localId).listing;
    const t = token();
    engine.updateDraft(target.localId, target.revision, {
      ...current,
      description: `soak update ${t} — 修改后的说明文字。`,
    });
    say(`J ${JSON.stringify({ op: 'update', token: t, localId: target.localId })}`);
  } else if (roll < 0.75) {
    const all = store.db
      .prepare(
        "SELECT local_id AS localId FROM sync_listing_links WHERE remote_id IS NOT NULL AND review_state IN ('draft', 'rejected')",
      )
      .all() as Array<{ localId: string }>;
    if (!all.length) return;
    const target = all[Math.floor(rng.next() * all.length)]!;
    engine.submitDraft(target.localId);
    say(`J ${JSON.stringify({ op: 'submit', localId: target.localId })}`);
  } else if (roll < 0.78) {
    const all = linkedListings();
    if (all.length < 5) return;
    const target = all[Math.floor(rng.next() * all.length)]!;
    engine.deleteDraft(target.localId);
    say(`J ${JSON.stringify({ op: 'delete', localId: target.localId })}`);
  } else {
    const tickets = store.db
      .prepare("SELECT id FROM tickets WHERE source = 'sync' ORDER BY id")
      .all() as Array<{ id: string }>;
    if (!tickets.length) return;
    const id = tickets[Math.floor(rng.next() * tickets.length)]!.id;
    const t = token();
    engine.respondToTicket(id, `soak reply ${t}`);
    say(`J ${JSON.stringify({ op: 'respond', token: t, ticketId: id })}`);
  }
}

/** What the user does about entries that need them: keep mine on a conflict, retry a failed one. */
async function tend(): Promise<void> {
  for (const entry of engine.outbox.list(['conflict'])) {
    try {
      await engine.resolveConflict(entry.id, 'keep-mine');
    } catch {
      /* the server version could not be fetched (a fault): next round */
    }
  }
  // A refused submit (the listing is already in review or listed) is given up, visibly; the rest is retried.
  for (const entry of engine.outbox.list(['failed'])) {
    if (entry.op === 'submit') engine.discard(entry.id);
    else if (rng.next() < 0.5) engine.retry(entry.id);
  }
}

async function main() {
  const rounds = Number(roundsText);
  for (let r = 0; r < rounds; r++) {
    const edits = Math.floor(rng.next() * 3);
    for (let i = 0; i < edits; i++) randomEdit();
    try {
      await engine.syncOnce();
    } catch (error) {
      if (!(error instanceof SyncUnavailableError)) throw error;
    }
    await tend();
    say('R');
  }
  store.close();
}

void main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(3);
});
