/**
 * The sync soak (issue 10, "Done when"): many sync rounds against a real sandbox with ~10 % of
 * requests given an injected fault (5xx, 429, dropped, truncated — an answer lost after the server
 * committed — and malformed responses), random local edits, and the host process SIGKILLed at
 * random points. Then one clean sync, and the checks: the local data equals the server's, no
 * server-side object was created (or answered) twice, and no queued change was lost.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { MarketplaceClient } from '../../electron/services/api/client';
import { openStore } from '../../electron/services/db/database';
import { ListingsRepository } from '../../electron/services/repositories/listings-repository';
import { SyncEngine } from '../../electron/services/sync/engine';
import { DEFAULT_SERVICE } from '../../shared/api/paths';
import { startSandbox } from '../../sandbox/server';
import { createRng } from '../../sandbox/prng';

export interface SoakOptions {
  rounds: number;
  /** Kill roughly every this many rounds (randomly placed). */
  killEvery: number;
  faultRate: number;
  seed: string;
  log?: (line: string) => void;
}

export interface SoakCounts {
  rounds: number;
  requests: number;
  requestsWithFaults: number;
  /** Mutations whose answer was lost after the server committed them. */
  lostAfterCommit: number;
  faults: Record<string, number>;
  kills: number;
  retries: number;
  actions: number;
  outbox: number;
  /** Refused submits the user gave up (kept in the outbox as discarded). */
  discarded: number;
  duplicates: number;
  lost: number;
  mismatches: number;
  problems: string[];
}

/** JSON with sorted keys: the same record whatever order its fields were written in. */
function canonical(text: string): string {
  const sort = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sort)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, sort((v as Record<string, unknown>)[k])]),
          )
        : v;
  return JSON.stringify(sort(JSON.parse(text)));
}

const childFile = join(import.meta.dirname, 'sync-soak-child.ts');

export async function runSoak(o: SoakOptions): Promise<SoakCounts> {
  const log = o.log ?? (() => {});
  const rng = createRng(`soak-driver:${o.seed}`);
  const sandboxFile = join(mkdtempSync(join(tmpdir(), 'vd-soak-sandbox-')), 'sandbox.db');
  let sandbox = await startSandbox({
    port: 0,
    dataFile: sandboxFile,
    seed: o.seed,
    listings: 8,
    tickets: 40,
    orders: 10,
    vendors: 1,
    selfCheck: null,
  });
  const cred = sandbox.credentials[0]!;
  const dataDir = mkdtempSync(join(tmpdir(), 'vd-soak-app-'));
  const counts: SoakCounts = {
    rounds: 0,
    requests: 0,
    requestsWithFaults: 0,
    lostAfterCommit: 0,
    faults: {},
    kills: 0,
    retries: 0,
    actions: 0,
    outbox: 0,
    discarded: 0,
    duplicates: 0,
    lost: 0,
    mismatches: 0,
    problems: [],
  };
  const journal: Array<Record<string, string>> = [];
  const clientFor = (url: string) =>
    new MarketplaceClient({
      endpoint: url,
      region: 'cn-north-1',
      service: DEFAULT_SERVICE,
      credentials: async () => ({ accessKey: cred.accessKey, secretKey: cred.secretKey }),
      sleep: async () => {},
    });

  let advances = 0;
  while (counts.rounds < o.rounds) {
    const remaining = o.rounds - counts.rounds;
    // Kill after a random number of rounds in 1..2*killEvery, at a random point inside a round.
    const killAfterRounds = Math.floor(rng.next() * 2 * o.killEvery);
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        childFile,
        dataDir,
        sandbox.url,
        cred.accessKey,
        cred.secretKey,
        String(remaining),
        `${o.seed}-${counts.kills}`,
        String(o.faultRate),
      ],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let buffer = '';
    let roundsHere = 0;
    let stderr = '';
    let killed = false;
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const done = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.stdout.on('data', (d: Buffer) => {
      buffer += d.toString();
      let nl;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        if (line === 'R') {
          counts.rounds++;
          roundsHere++;
          if (!killed && roundsHere >= killAfterRounds && killAfterRounds < remaining) {
            killed = true;
            // A random point in the next round: anywhere in pulling, pushing or editing.
            setTimeout(() => child.kill('SIGKILL'), Math.floor(rng.next() * 60));
          }
        } else if (line === 'Q') {
          counts.requests++;
        } else if (line.startsWith('F ')) {
          counts.requestsWithFaults++;
          const [spec = '', method = ''] = line.slice(2).split(' ');
          const kind = spec.split('=')[0]!;
          counts.faults[kind] = (counts.faults[kind] ?? 0) + 1;
          // The server commits the mutation, then the answer is cut off.
          if (kind === 'truncate' && method !== 'GET') counts.lostAfterCommit++;
        } else if (line.startsWith('J ')) {
          journal.push(JSON.parse(line.slice(2)) as Record<string, string>);
          counts.actions++;
        }
      }
    });
    const code = await done;
    if (killed && code === null) {
      counts.kills++;
      log(`kill ${counts.kills} after ${counts.rounds} rounds`);
    } else if (code !== 0 && code !== null) {
      throw new Error(`soak child exited with ${code}: ${stderr}`);
    }
    // The marketplace moves on meanwhile: new tickets, finished reviews.
    if (rng.next() < 0.5) {
      await clientFor(sandbox.url).advanceSandbox(30 + Math.floor(rng.next() * 120));
      advances++;
    }
  }

  // A clean sync: the sandbox again on the same file, without faults; the user settles what is left.
  await sandbox.close();
  sandbox = await startSandbox({ port: 0, dataFile: sandboxFile, selfCheck: null });
  const store = openStore({ dataDir });
  const listings = new ListingsRepository(store);
  const client = clientFor(sandbox.url);
  const engine = new SyncEngine({
    store,
    listings,
    client: async () => client,
    retryBaseMs: 0,
    retryMaxMs: 0,
  });
  for (let i = 0; i < 30; i++) {
    await engine.syncOnce();
    for (const e of engine.outbox.list(['conflict'])) await engine.resolveConflict(e.id, 'keep-mine');
    for (const e of engine.outbox.list(['failed'])) {
      if (e.op === 'submit') engine.discard(e.id);
      else engine.retry(e.id);
    }
    const c = engine.outbox.counts();
    if (c.pending + c.conflict + c.failed === 0) break;
    await client.advanceSandbox(180); // a listing still in review can be edited once the review ends
  }
  await engine.syncOnce();

  const problems = counts.problems;
  const outbox = engine.outbox.list();
  counts.outbox = outbox.length;
  counts.retries = outbox.reduce((n, e) => n + Math.max(0, e.attempts - 1), 0);
  for (const e of outbox) if (e.state === 'discarded') counts.discarded++;
  for (const e of outbox)
    if (e.state !== 'sent' && !(e.state === 'discarded' && e.op === 'submit')) {
      counts.lost++;
      problems.push(`outbox #${e.id} ${e.op} ended ${e.state}: ${e.lastError ?? ''}`);
    }

  // 1. Local equals server.
  const server = new Database(sandboxFile, { readonly: true });
  const rows = server
    .prepare('SELECT type, id, version, data FROM resources WHERE vendor_id = ? AND deleted = 0')
    .all(cred.vendorId) as Array<{ type: string; id: string; version: number; data: string }>;
  const local = new Map(
    (
      store.db
        .prepare(
          'SELECT resource_type AS type, resource_id AS id, version, data_json AS data FROM sync_remote',
        )
        .all() as typeof rows
    ).map((r) => [`${r.type}/${r.id}`, r]),
  );
  for (const r of rows) {
    const l = local.get(`${r.type}/${r.id}`);
    if (!l || l.version !== r.version || canonical(l.data) !== canonical(r.data)) {
      counts.mismatches++;
      problems.push(`${r.type} ${r.id}: server v${r.version}, local ${l ? `v${l.version}` : 'missing'}`);
    }
    local.delete(`${r.type}/${r.id}`);
  }
  for (const key of local.keys()) {
    counts.mismatches++;
    problems.push(`${key}: held locally, gone on the server`);
  }
  // Local drafts equal the server's drafts, one local listing per server listing.
  const serverListings = rows
    .filter((r) => r.type === 'listing')
    .map((r) => JSON.parse(r.data) as { id: string; draft: { title: string; description: string } });
  const links = store.db.prepare('SELECT local_id, remote_id FROM sync_listing_links').all() as Array<{
    local_id: string;
    remote_id: string;
  }>;
  for (const s of serverListings) {
    const link = links.filter((k) => k.remote_id === s.id);
    if (link.length !== 1) {
      counts.mismatches++;
      problems.push(`listing ${s.id}: ${link.length} local links`);
      continue;
    }
    const mine = listings.get(link[0]!.local_id).listing;
    if (mine.description !== s.draft.description || mine.title !== s.draft.title) {
      counts.mismatches++;
      problems.push(`listing ${s.id}: local draft differs`);
    }
  }
  if (listings.count() !== serverListings.length) {
    counts.mismatches++;
    problems.push(`${listings.count()} local listings, ${serverListings.length} on the server`);
  }

  // 2. Nothing created or answered twice; 3. nothing lost.
  const allListings = server
    .prepare("SELECT id, deleted, data FROM resources WHERE vendor_id = ? AND type = 'listing'")
    .all(cred.vendorId) as Array<{ id: string; deleted: number; data: string }>;
  const created = new Map<string, number>();
  for (const l of allListings) {
    if (l.deleted) continue;
    const t = /soak ([0-9a-z]+)/.exec((JSON.parse(l.data) as { draft: { title: string } }).draft.title)?.[1];
    if (t) created.set(t, (created.get(t) ?? 0) + 1);
  }
  const sentCreates = outbox.filter((e) => e.op === 'create' && e.state === 'sent');
  const remoteIdsCreated = new Map<string, number>();
  for (const e of sentCreates)
    remoteIdsCreated.set(String(e.result?.id), (remoteIdsCreated.get(String(e.result?.id)) ?? 0) + 1);
  const everCreated = server
    .prepare('SELECT value FROM meta WHERE key = ?')
    .get(`listingSeq:${cred.vendorId}`) as { value: string } | undefined;
  const createdOnServer = Number(everCreated?.value ?? 0);
  if (createdOnServer > sentCreates.length) {
    counts.duplicates += createdOnServer - sentCreates.length;
    problems.push(
      `${createdOnServer} listings created on the server for ${sentCreates.length} queued creates`,
    );
  }
  for (const n of created.values()) if (n > 1) counts.duplicates += n - 1;
  const messages = new Map<string, number>();
  for (const t of rows.filter((r) => r.type === 'ticket')) {
    for (const m of (JSON.parse(t.data) as { messages: Array<{ text: string; from: string }> }).messages) {
      const tok = /^soak reply ([0-9a-z]+)$/.exec(m.text)?.[1];
      if (tok) messages.set(tok, (messages.get(tok) ?? 0) + 1);
    }
  }
  for (const n of messages.values()) if (n > 1) counts.duplicates += n - 1;
  const deleted = new Set(journal.filter((j) => j.op === 'delete').map((j) => j.localId));
  for (const j of journal) {
    if (j.op === 'respond' && messages.get(j.token!) !== 1) {
      counts.lost++;
      problems.push(`reply ${j.token} to ${j.ticketId} is not on the server`);
    }
    if (j.op === 'create' && !deleted.has(j.localId!) && created.get(j.token!) !== 1) {
      counts.lost++;
      problems.push(`created listing ${j.token} is not on the server`);
    }
  }
  // The last update of each listing is what the server has.
  const lastUpdate = new Map<string, string>();
  for (const j of journal) if (j.op === 'update') lastUpdate.set(j.localId!, j.token!);
  for (const [localId, tok] of lastUpdate) {
    if (deleted.has(localId)) continue;
    const link = links.find((k) => k.local_id === localId);
    const s = serverListings.find((l) => l.id === link?.remote_id);
    if (!s?.draft.description.includes(tok)) {
      counts.lost++;
      problems.push(`update ${tok} of ${localId} is not on the server`);
    }
  }
  server.close();
  store.close();
  await sandbox.close();
  log(`advances ${advances}`);
  return counts;
}
