/**
 * Rule packs that arrive through the change feed go through the RulePackService, as a pack file
 * does: checked against the digest the marketplace sent, validated, compiled, stored and offered
 * in Settings (rulepacks.list) without being activated; activating one works as for a file. A
 * pack with a wrong digest or rules that do not validate is logged and not offered, and the pull
 * goes on. Against a real sandbox, through the app core's dispatcher.
 */
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../sandbox/server';
import { SandboxStore } from '../../../sandbox/store';
import { defaultRulePack } from '../../../shared/check/engine';
import type { RulePackInfo } from '../../../shared/ipc/contract';
import { useTempCore } from '../../helpers/temp-core';
import { sandboxConnection } from './helpers';

let sandbox: Sandbox;
let logged: string[] = [];
const temp = useTempCore({
  core: { syncTimer: false, log: (message, detail) => logged.push(`${message} ${String(detail ?? '')}`) },
});
const { call } = temp;

// After useTempCore's: the core is open when the sandbox connects.
beforeEach(async () => {
  logged = [];
  sandbox = await startSandbox({
    port: 0,
    seed: 'rule-packs-sync',
    listings: 2,
    tickets: 3,
    orders: 1,
    vendors: 1,
    selfCheck: null,
  });
  await call('sync.connect', sandboxConnection(sandbox));
});
afterEach(async () => {
  await sandbox.close();
});

const digest = (content: unknown) => createHash('sha256').update(JSON.stringify(content)).digest('hex');

/** The marketplace publishes a pack (written into the sandbox's store, as its own seed does). */
function publish(content: Record<string, unknown>, packVersion: string, sha256 = digest(content)): void {
  const store = new SandboxStore(sandbox.dataFile);
  try {
    const at = '2026-01-20T09:00:00+08:00';
    store.put(
      sandbox.credentials[0]!.vendorId,
      'rulePack',
      `${String(content.id)}@${packVersion}`,
      { id: content.id, packVersion, publishedAt: at, sha256, content, updatedAt: at },
      at,
    );
  } finally {
    store.close();
  }
}

const list = () => call<{ packs: RulePackInfo[] }>('rulepacks.list', {}).then((r) => r.packs);

/** The default pack as a newer version, with a changelog entry saying so. */
function newerPack(version: string): Record<string, unknown> {
  const pack = structuredClone(defaultRulePack) as unknown as Record<string, unknown> & {
    rules: unknown[];
    changelog?: unknown[];
  };
  return {
    ...pack,
    version,
    changelog: [
      {
        version,
        date: '2026-01-20',
        changes: [{ zh: '云市场发布的新版本', en: 'a version the marketplace published' }],
      },
      ...(pack.changelog ?? []),
    ],
  };
}

describe('rule packs from the change feed', () => {
  it('a published pack is validated, stored and offered in Settings, not activated; it activates like a file pack', async () => {
    await call('sync.now', {});
    // The sandbox's own pack is the bundled one: nothing new to offer, nothing refused.
    expect((await list()).map((p) => p.source)).toEqual(['bundled']);
    expect(logged.filter((l) => l.includes('rule pack'))).toEqual([]);

    const content = newerPack('9.0.0');
    publish(content, '9.0.0');
    const report = await call<{ pulled: number }>('sync.now', {});
    expect(report.pulled).toBeGreaterThan(0);
    const packs = await list();
    const offered = packs.find((p) => p.source === 'marketplace');
    expect(offered).toMatchObject({
      key: `${defaultRulePack.id}@9.0.0`,
      version: '9.0.0',
      active: false,
      sourceName: `${defaultRulePack.id}@9.0.0`,
    });
    expect(offered!.changelog[0]).toMatchObject({ version: '9.0.0' });
    expect(packs.find((p) => p.active)?.source).toBe('bundled');

    await call('rulepacks.activate', { key: offered!.key });
    expect((await list()).find((p) => p.active)?.key).toBe(offered!.key);
    // Pulled again (a later version of the same record): still one pack, still active.
    publish(content, '9.0.0');
    await call('sync.now', {});
    expect((await list()).filter((p) => p.source === 'marketplace')).toHaveLength(1);
  });

  it('a pack whose digest does not match, or whose rules do not validate, is logged and not offered; the pull goes on', async () => {
    publish(newerPack('9.1.0'), '9.1.0', 'f'.repeat(64));
    publish({ ...newerPack('9.2.0'), rules: [{ id: 42 }] }, '9.2.0');
    const report = await call<{ resources: { tickets: number } }>('sync.now', {});
    expect(report.resources.tickets).toBe(3);
    expect((await list()).map((p) => p.source)).toEqual(['bundled']);
    const about = logged.filter((l) => l.includes('rule pack'));
    expect(about).toHaveLength(2);
    expect(about[0]).toMatch(/9\.1\.0 does not match its sha256/);
    expect(about[1]).toMatch(/rule pack .*9\.2\.0 is invalid: rules/);
    expect(await call('sync.status', {})).toMatchObject({ indicator: 'up-to-date', message: null });
  });
});
