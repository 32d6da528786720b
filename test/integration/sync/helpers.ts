import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MarketplaceClient } from '../../../electron/services/api/client';
import { openStore, type Store } from '../../../electron/services/db/database';
import { ListingsRepository } from '../../../electron/services/repositories/listings-repository';
import { SyncEngine, type SyncEngineOptions } from '../../../electron/services/sync/engine';
import { DEFAULT_SERVICE } from '../../../shared/api/paths';
import type { Sandbox } from '../../../sandbox/server';
import type { TransportOptions } from '../../../electron/services/api/transport';

export function sandboxClient(
  sandbox: Sandbox,
  extra: Partial<TransportOptions> = {},
  vendor = 0,
): MarketplaceClient {
  const c = sandbox.credentials[vendor]!;
  return new MarketplaceClient({
    endpoint: sandbox.url,
    region: 'cn-north-1',
    service: DEFAULT_SERVICE,
    credentials: async () => ({ accessKey: c.accessKey, secretKey: c.secretKey }),
    sleep: async () => {},
    maxAttempts: 2,
    timeoutMs: 5000,
    ...extra,
  });
}

/** The `sync.connect` request for the sandbox's first vendor (what Settings sends). */
export function sandboxConnection(sandbox: Sandbox, vendor = 0) {
  const c = sandbox.credentials[vendor]!;
  return { endpoint: sandbox.url, region: 'cn-north-1', accessKey: c.accessKey, secretKey: c.secretKey };
}

export function makeEngine(
  sandbox: Sandbox,
  opts: Partial<SyncEngineOptions> & { dataDir?: string; transport?: Partial<TransportOptions> } = {},
): { engine: SyncEngine; store: Store; listings: ListingsRepository; dataDir: string } {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'vendordesk-sync-'));
  const store = openStore({ dataDir });
  const listings = new ListingsRepository(store);
  const client = sandboxClient(sandbox, opts.transport);
  const engine = new SyncEngine({
    store,
    listings,
    client: async () => client,
    retryBaseMs: 0,
    retryMaxMs: 0,
    ...opts,
  });
  return { engine, store, listings, dataDir };
}

export const draft = (title: string) => ({
  title,
  type: 'tool' as const,
  price: { amount: 99, currency: 'CNY' as const, billing: 'monthly' as const },
  description: `${title} 的说明：一个用于测试同步的工具。`,
});
