/**
 * `npm run bench:sync`: the first sync of 50,000 tickets from a local sandbox (target ≤ 3 s) and
 * an incremental pull of 1,000 changes (target ≤ 200 ms), through the real client, signer,
 * sandbox and engine. The sandbox runs in its own process (`npm run sandbox`), as a user runs it. Prints `uptime` (the machine is shared), the timings, then one JSON line.
 * Options: --tickets N (default 50000).
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { MarketplaceClient } from '../electron/services/api/client';
import { openStore } from '../electron/services/db/database';
import { ListingsRepository } from '../electron/services/repositories/listings-repository';
import { SyncEngine } from '../electron/services/sync/engine';
import { DEFAULT_SERVICE } from '../shared/api/paths';

const { values } = parseArgs({ options: { tickets: { type: 'string', default: '50000' } } });
const tickets = Number(values.tickets);
function machineLoad(): string {
  try {
    return execFileSync('uptime', { encoding: 'utf8' }).trim();
  } catch {
    return '(uptime not available)';
  }
}
const uptime = machineLoad();
process.stdout.write(`uptime: ${uptime}\n`);

const seedStart = performance.now();
const dataFile = join(mkdtempSync(join(tmpdir(), 'vd-bench-sandbox-')), 'sandbox.db');
const child = spawn(
  process.execPath,
  [
    '--import',
    'tsx',
    join(import.meta.dirname, '..', 'sandbox', 'main.ts'),
    '--port',
    '0',
    '--data',
    dataFile,
    '--seed',
    'bench',
    '--tickets',
    String(tickets),
    '--listings',
    '20',
    '--orders',
    '200',
    '--vendors',
    '1',
  ],
  {
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
const env = await new Promise<Record<string, string>>((resolveEnv, reject) => {
  let out = '';
  child.once('exit', (code) => reject(new Error(`sandbox exited with ${code}`)));
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
    const found = Object.fromEntries([...out.matchAll(/^export (\w+)=(\S+)$/gm)].map((m) => [m[1]!, m[2]!]));
    if (found.VENDORDESK_ENDPOINT) resolveEnv(found);
  });
});
const seedMs = performance.now() - seedStart;
const c = { accessKey: env.VENDORDESK_ACCESS_KEY!, secretKey: env.VENDORDESK_SECRET_KEY! };
const client = new MarketplaceClient({
  endpoint: env.VENDORDESK_ENDPOINT!,
  region: 'cn-north-1',
  service: DEFAULT_SERVICE,
  credentials: async () => ({ accessKey: c.accessKey, secretKey: c.secretKey }),
  timeoutMs: 30_000,
});
const store = openStore({ dataDir: mkdtempSync(join(tmpdir(), 'vd-bench-sync-')) });
const engine = new SyncEngine({
  store,
  listings: new ListingsRepository(store),
  client: async () => client,
  pageSize: 1000,
});

const t0 = performance.now();
// This process's CPU time during the first sync: with the sandbox serving on the other core, it
// says whether the app's side (parse, validate, store) or the server's is the bound.
const cpu0 = process.cpuUsage();
const first = await engine.syncOnce();
const firstMs = performance.now() - t0;
const firstCpu = process.cpuUsage(cpu0);

// 1,000 new changes on the server: buyers open tickets (500 per advance at most).
let made = 0;
while (made < 1000) made += (await client.advanceSandbox(500 * 30)).ticketsOpened;
const before = engine.state().cursor;
const changes = await client.listChanges(before ?? undefined, 1000);
const t1 = performance.now();
const incremental = await engine.syncOnce();
const incrementalMs = performance.now() - t1;

const result = {
  bench: 'sync',
  tickets,
  firstSync: {
    ms: Math.round(firstMs),
    pulled: first.report.pulled,
    ticketsHeld: first.report.resources.tickets,
    appCpuMs: Math.round((firstCpu.user + firstCpu.system) / 1000),
    targetMs: 3000,
    ok: firstMs <= 3000,
  },
  incrementalPull: {
    ms: Math.round(incrementalMs),
    pulled: incremental.report.pulled,
    changesWaiting: changes.changes.length + (changes.hasMore ? '+' : ''),
    targetMs: 200,
    ok: incrementalMs <= 200,
  },
  sandboxSeedMs: Math.round(seedMs),
  uptime,
};
process.stdout.write(
  `first sync: ${result.firstSync.pulled} changes (${result.firstSync.ticketsHeld} tickets) in ${result.firstSync.ms} ms (target ≤ 3000)\n`,
);
process.stdout.write(
  `incremental pull: ${result.incrementalPull.pulled} changes in ${result.incrementalPull.ms} ms (target ≤ 200)\n`,
);
process.stdout.write(`${JSON.stringify(result)}\n`);
store.close();
child.kill('SIGTERM');
