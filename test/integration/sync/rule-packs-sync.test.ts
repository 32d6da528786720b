/**
 * Rule packs that arrive through the change feed go through the RulePackService, as a pack file
 * does: checked against the digest the marketplace sent, validated, compiled, stored and offered
 * in Settings (rulepacks.list) without being activated; activating one works as for a file. A
 * pack with a wrong digest or rules that do not validate is logged and not offered, and the pull
 * goes on. Against a real sandbox, through the app core's dispatcher.
 */
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MarketplaceClient } from '../../../electron/services/api/client';
import { startSandbox, type Sandbox } from '../../../sandbox/server';
import { SandboxStore } from '../../../sandbox/store';
import { defaultRulePack } from '../../../shared/check/engine';
import type { RulePackDiff, RulePackInfo } from '../../../shared/ipc/contract';
import { useTempCore } from '../../helpers/temp-core';
import { readExample } from '../../helpers/temp-dir';
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

/** The marketplace's own admin call, as a test or a person at the sandbox would make it. */
function marketplace(): MarketplaceClient {
  const c = sandbox.credentials[0]!;
  return new MarketplaceClient({
    endpoint: sandbox.url,
    region: 'cn-north-1',
    service: 'market',
    credentials: async () => ({ accessKey: c.accessKey, secretKey: c.secretKey }),
    timeoutMs: 5_000,
  });
}

describe('rule packs from the change feed', () => {
  it('sandbox:publishRulePack: a newer version arrives through sync, is validated, and the user activates it and sees the diff', async () => {
    const listing = readExample('clean-saas-crm.json') as Record<string, unknown>;
    await call('listings.create', {
      listing: { ...listing, description: '我们的 CRM 是业内唯一支持离线同步的系统。' },
    });
    // The marketplace publishes the bundled pack as 9.3.0 without its 「唯一」 group, and a broken 9.4.0.
    const lenient = newerPack('9.3.0') as Record<string, unknown> & { termGroups: { id: string }[] };
    lenient.termGroups = lenient.termGroups.filter((g) => g.id !== 'superlative-unique');
    const published = await marketplace().publishSandboxRulePack({ packVersion: '9.3.0', content: lenient });
    expect(published).toMatchObject({
      id: defaultRulePack.id,
      packVersion: '9.3.0',
      sha256: digest(lenient),
    });
    await marketplace().publishSandboxRulePack({
      packVersion: '9.4.0',
      content: { ...newerPack('9.4.0'), termGroups: 'none' },
    });
    // Without content: the sandbox's own pack as that version, with the changes as its changelog entry.
    const plain = await marketplace().publishSandboxRulePack({
      packVersion: '9.5.0',
      changes: [{ zh: '仅版本号变化', en: 'only the version changed' }],
    });
    expect((plain.content as { changelog: { version: string }[] }).changelog[0]!.version).toBe('9.5.0');

    await call('sync.now', {});
    const offered = (await list()).filter((p) => p.source === 'marketplace');
    expect(offered.map((p) => [p.version, p.active])).toEqual([
      ['9.3.0', false],
      ['9.5.0', false],
    ]);
    expect(logged.filter((l) => l.includes('rule pack'))).toEqual([
      expect.stringMatching(/9\.4\.0 is invalid: termGroups/),
    ]);

    const diff = await call<RulePackDiff>('rulepacks.activate', { key: `${defaultRulePack.id}@9.3.0` });
    expect(diff).toMatchObject({ to: `${defaultRulePack.id}@9.3.0`, cancelled: false, newlyClearCount: 1 });
    expect(diff.rules).toContainEqual({ ruleId: 'superlative', before: 1, after: 0 });
    expect((await list()).find((p) => p.active)?.version).toBe('9.3.0');
  });

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
