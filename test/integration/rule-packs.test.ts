/**
 * The rule-pack lifecycle in the app (issue 15): a pack file is validated before it is stored;
 * activating it re-checks every listing with progress and answers what changed; the choice
 * survives a restart; "go back" returns to the previous pack, and the listings follow.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CallContext } from '../../shared/ipc/dispatch';
import type { ListingSummary, RulePackDiff, RulePackInfo } from '../../shared/ipc/contract';
import { useTempCore } from '../helpers/temp-core';
import { readExample } from '../helpers/temp-dir';
import { repoRoot } from '../e2e/support/host';

const bundled = JSON.parse(
  fs.readFileSync(path.join(repoRoot, 'resources/rulepacks/jdcloud-marketplace-2019.json'), 'utf8'),
) as { version: string; termGroups: { id: string; terms: string[] }[]; changelog: unknown[] };

/** The bundled pack, one version on, without the 「唯一」 group of superlatives. */
const lenient = () => {
  const pack = structuredClone(bundled);
  pack.version = '9.0.0';
  pack.termGroups = pack.termGroups.filter((g) => g.id !== 'superlative-unique');
  pack.changelog = [
    {
      version: '9.0.0',
      date: '2026-12-02',
      changes: [{ zh: '「唯一」不再检查', en: '「唯一」 is no longer checked' }],
    },
  ];
  return pack;
};

const summaries = () => call<ListingSummary[]>('checks.summary', {});

const app = useTempCore({ core: { syncTimer: false } });
const { call } = app;
beforeEach(async () => {
  const listing = readExample('clean-saas-crm.json') as Record<string, unknown>;
  await call('listings.create', {
    listing: { ...listing, description: '我们的 CRM 是业内唯一支持离线同步的系统。' },
  });
  await call('listings.create', { listing });
});

describe('rule packs in the app', () => {
  it('lists the bundled pack as active, with its changelog', async () => {
    const { packs, lastDiff } = await call<{ packs: RulePackInfo[]; lastDiff: RulePackDiff | null }>(
      'rulepacks.list',
      {},
    );
    expect(packs).toHaveLength(1);
    expect(packs[0]).toMatchObject({
      source: 'bundled',
      active: true,
      previous: false,
      version: bundled.version,
    });
    expect(packs[0]!.changelog.length).toBeGreaterThan(0);
    expect(lastDiff).toBeNull();
  });

  it('refuses a broken file, naming where, and stores nothing', async () => {
    await expect(
      call('rulepacks.import', { name: 'broken.json', text: '{"id": "x",' }),
    ).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringMatching(/broken\.json: 1:\d+/),
    });
    const bad = { ...lenient(), version: 'nine' };
    await expect(
      call('rulepacks.import', { name: 'bad.json', text: JSON.stringify(bad) }),
    ).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringContaining('version'),
    });
    const { packs } = await call<{ packs: RulePackInfo[] }>('rulepacks.list', {});
    expect(packs).toHaveLength(1);
  });

  it('activates a loaded pack: re-checks every listing with progress, reports the diff, keeps it across a restart, and goes back', async () => {
    expect((await summaries()).filter((s) => (s.check?.counts.blockers ?? 0) > 0)).toHaveLength(1);
    const info = await call<RulePackInfo>('rulepacks.import', {
      name: 'lenient.json',
      text: JSON.stringify(lenient()),
    });
    expect(info).toMatchObject({
      key: 'jdcloud-marketplace-2019@9.0.0',
      source: 'file',
      sourceName: 'lenient.json',
      active: false,
    });
    // Loading the same file again is no change; the same version with other rules is refused.
    await call('rulepacks.import', { name: 'again.json', text: JSON.stringify(lenient()) });
    const other = lenient();
    other.termGroups = other.termGroups.filter((g) => g.id !== 'superlative-first');
    await expect(
      call('rulepacks.import', { name: 'other.json', text: JSON.stringify(other) }),
    ).rejects.toMatchObject({
      code: 'conflict',
    });

    const progress: [number, number][] = [];
    const context: CallContext = {
      signal: new AbortController().signal,
      progress: (d, t) => progress.push([d, t]),
    };
    const diff = await call<RulePackDiff>('rulepacks.activate', { key: info.key }, context);
    expect(diff).toMatchObject({
      from: `jdcloud-marketplace-2019@${bundled.version}`,
      to: info.key,
      listings: 2,
      total: 2,
      cancelled: false,
      newlyBlockedCount: 0,
      newlyClearCount: 1,
    });
    expect(diff.newlyClear[0]!.title).toBeTruthy();
    expect(diff.rules).toContainEqual({ ruleId: 'superlative', before: 1, after: 0 });
    expect(progress.at(-1)).toEqual([2, 2]);
    expect((await summaries()).filter((s) => (s.check?.counts.blockers ?? 0) > 0)).toHaveLength(0);
    expect((await call<{ key: string }>('rulepacks.active', {})).key).toBe(info.key);

    app.reopen();
    const listed = await call<{ packs: RulePackInfo[]; lastDiff: RulePackDiff | null }>('rulepacks.list', {});
    expect(listed.packs.find((p) => p.active)?.key).toBe(info.key);
    expect(listed.packs.find((p) => p.previous)?.source).toBe('bundled');
    expect(listed.lastDiff?.newlyClearCount).toBe(1);
    // A save after the restart checks with the active pack.
    expect((await summaries()).filter((s) => (s.check?.counts.blockers ?? 0) > 0)).toHaveLength(0);

    const back = await call<RulePackDiff>('rulepacks.revert', {});
    expect(back).toMatchObject({
      to: `jdcloud-marketplace-2019@${bundled.version}`,
      newlyBlockedCount: 1,
      newlyClearCount: 0,
    });
    expect((await summaries()).filter((s) => (s.check?.counts.blockers ?? 0) > 0)).toHaveLength(1);
    const after = await call<{ packs: RulePackInfo[] }>('rulepacks.list', {});
    expect(after.packs.find((p) => p.previous)?.key).toBe(info.key);
  });

  it('an activation can be cancelled: the new pack stays active and the answer says what was re-checked', async () => {
    const listing = readExample('clean-saas-crm.json') as Record<string, unknown>;
    const many = Array.from({ length: 700 }, (_, i) => ({
      ...listing,
      id: `CANCEL-${i}`,
      description: '我们的 CRM 是业内唯一支持离线同步的系统。',
    }));
    await call('listings.import', {
      files: [{ name: 'many.json', text: JSON.stringify({ listings: many }) }],
    });
    const info = await call<RulePackInfo>('rulepacks.import', {
      name: 'lenient.json',
      text: JSON.stringify(lenient()),
    });
    const operationId = crypto.randomUUID();
    let asked = false;
    const context: CallContext = {
      signal: new AbortController().signal,
      // After the first batch: the user presses Cancel (the core's app.cancel, as the Settings card does).
      progress: (done) => {
        if (done > 0 && !asked) {
          asked = true;
          void call('app.cancel', { operationId });
        }
      },
    };
    const diff = await call<RulePackDiff>('rulepacks.activate', { key: info.key, operationId }, context);
    expect(diff.cancelled).toBe(true);
    expect(diff.total).toBe(702);
    expect(diff.listings).toBeGreaterThan(0);
    expect(diff.listings).toBeLessThan(diff.total);
    // The diff compares the listings re-checked, and only those.
    expect(diff.newlyClearCount).toBeLessThanOrEqual(diff.listings);
    expect((await call<{ key: string }>('rulepacks.active', {})).key).toBe(info.key);
    const listed = await call<{ lastDiff: RulePackDiff | null }>('rulepacks.list', {});
    expect(listed.lastDiff).toMatchObject({ cancelled: true, listings: diff.listings, total: 702 });
    // The rest are checked with the new pack when the listings are read.
    expect((await summaries()).filter((s) => (s.check?.counts.blockers ?? 0) > 0)).toHaveLength(0);
  });

  it('a cancel that overtakes its activation (browser mode: separate HTTP requests) still stops it', async () => {
    const info = await call<RulePackInfo>('rulepacks.import', {
      name: 'lenient.json',
      text: JSON.stringify(lenient()),
    });
    const operationId = crypto.randomUUID();
    expect(await call('app.cancel', { operationId })).toEqual({ cancelled: true });
    const diff = await call<RulePackDiff>('rulepacks.activate', { key: info.key, operationId });
    expect(diff).toMatchObject({ cancelled: true, listings: 0, total: 2 });
    expect((await call<{ key: string }>('rulepacks.active', {})).key).toBe(info.key);
    // Finished, the id is done with: a late cancel stops nothing, and is not kept for a later request.
    expect(await call('app.cancel', { operationId })).toEqual({ cancelled: false });
    const back = await call<RulePackDiff>('rulepacks.revert', { operationId });
    expect(back).toMatchObject({ cancelled: false, listings: 2, total: 2 });
  });

  it('the what-if prices a self-check rule with the active pack', async () => {
    await call('compliance.whatIf', { rule: 'superlative' });
    const pack = lenient();
    (pack as unknown as { rules: Record<string, { penalty: string | null }> }).rules.superlative!.penalty =
      null;
    const info = await call<RulePackInfo>('rulepacks.import', { name: 'p.json', text: JSON.stringify(pack) });
    await call('rulepacks.activate', { key: info.key });
    await expect(call('compliance.whatIf', { rule: 'superlative' })).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringContaining('maps to no penalty code'),
    });
  });

  it('an unknown pack or nothing to go back to is a clear error', async () => {
    await expect(call('rulepacks.activate', { key: 'nope@1.0.0' })).rejects.toMatchObject({
      code: 'not-found',
    });
    await expect(call('rulepacks.revert', {})).rejects.toMatchObject({ code: 'not-found' });
  });
});
