/**
 * Dismissing a finding with a reason (issue 15): stored in SQLite (migration 0005), survives
 * re-opening the database, and comes back when the matched text changes.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../electron/services/db/database';
import { FindingDismissalsRepository } from '../../electron/services/repositories/finding-dismissals-repository';
import { ListingsRepository } from '../../electron/services/repositories/listings-repository';
import { applyDismissals, counts, findingFingerprint } from '../../shared/check/dismissals';
import { checkListing } from '../../shared/check/engine';
import type { Listing } from '../../shared/listing/schema';
import { readExample, tempDir } from '../helpers/temp-dir';

let tmp: ReturnType<typeof tempDir>;
let store: Store;
beforeEach(() => {
  tmp = tempDir();
  store = openStore({ dataDir: tmp.dir });
});
afterEach(() => {
  store.close();
  tmp.cleanup();
});

const base = (): Listing => {
  const l = structuredClone(readExample('clean-saas-crm.json')) as Listing;
  return { ...l, description: '我们的 CRM 是业内唯一支持离线同步的系统。每条客户记录有编号。' };
};

describe('finding dismissals', () => {
  it('a dismissal is stored with who/when/why, survives a restart and marks the finding dismissed', () => {
    const listing = base();
    const localId = new ListingsRepository(store).create(listing).localId;
    const finding = checkListing(listing).find((f) => f.ruleId === 'superlative')!;
    expect(finding.match).toBe('唯一');
    const repo = new FindingDismissalsRepository(store);
    repo.dismiss(localId, {
      fingerprint: findingFingerprint(listing, finding),
      ruleId: finding.ruleId,
      field: finding.field,
      match: finding.match ?? null,
      reason: '  第三方测评报告编号 2026-017 可证明  ',
      dismissedBy: '张三',
      dismissedAt: '2026-11-23T10:00:00+08:00',
    });
    store.close();
    store = openStore({ dataDir: tmp.dir });
    const stored = new FindingDismissalsRepository(store).forListing(localId);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ reason: '第三方测评报告编号 2026-017 可证明', dismissedBy: '张三' });
    const marked = applyDismissals(listing, checkListing(listing), stored).find(
      (f) => f.ruleId === 'superlative',
    )!;
    expect(marked.dismissed).toEqual({
      fingerprint: stored[0]!.fingerprint,
      reason: '第三方测评报告编号 2026-017 可证明',
      dismissedBy: '张三',
      dismissedAt: '2026-11-23T10:00:00+08:00',
    });
    expect(counts(marked)).toBe(false);
  });

  it('an edit elsewhere keeps it dismissed; changing the matched sentence brings it back', () => {
    const listing = base();
    const finding = checkListing(listing).find((f) => f.ruleId === 'superlative')!;
    const d = {
      fingerprint: findingFingerprint(listing, finding),
      ruleId: 'superlative',
      field: 'description',
      match: '唯一',
      reason: 'x',
      dismissedBy: 'u',
      dismissedAt: 't',
    };
    const elsewhere = { ...listing, description: `新增一段介绍。${listing.description}另附操作手册。` };
    expect(
      applyDismissals(elsewhere, checkListing(elsewhere), [d]).find((f) => f.ruleId === 'superlative')!
        .dismissed,
    ).toBeDefined();
    const changed = {
      ...listing,
      description: listing.description.replace('离线同步', '离线同步与双向合并'),
    };
    expect(
      applyDismissals(changed, checkListing(changed), [d]).find((f) => f.ruleId === 'superlative')!.dismissed,
    ).toBeUndefined();
  });

  it('refuses an empty reason, and restore takes a dismissal back', () => {
    const listing = base();
    const localId = new ListingsRepository(store).create(listing).localId;
    const repo = new FindingDismissalsRepository(store);
    const d = {
      fingerprint: 'f',
      ruleId: 'superlative',
      field: 'description',
      match: '唯一',
      reason: ' ',
      dismissedBy: 'u',
      dismissedAt: 't',
    };
    expect(() => repo.dismiss(localId, d)).toThrow(/reason/);
    repo.dismiss(localId, { ...d, reason: 'ok' });
    expect(repo.restore(localId, 'f')).toBe(true);
    expect(repo.restore(localId, 'f')).toBe(false);
    expect(repo.forListing(localId)).toEqual([]);
  });
});

describe('dismissals over the contract', () => {
  it('dismiss → run counts it no more → report shows it dismissed → restart keeps it → text change brings it back', async () => {
    const { createAppCore } = await import('../../electron/services/app-core');
    const { createNodePlatform } = await import('../../electron/web/platform-node');
    const printed: string[] = [];
    const open = () =>
      createAppCore({
        platform: createNodePlatform({
          userDataDir: tmp.dir,
          appVersion: '9.9.9',
          now: () => new Date('2026-11-23T02:00:00Z'),
          printer: {
            htmlToPdf: async (html: string) => (printed.push(html), new TextEncoder().encode('%PDF-fake')),
          },
        }),
        mode: 'browser',
        log: () => undefined,
      });
    store.close();
    let core = open();
    const call = async <T>(channel: string, payload: unknown): Promise<T> => {
      const r = await core.dispatch(channel, payload);
      if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
      return r.value as T;
    };
    const listing = base();
    const { localId } = await call<{ localId: string }>('listings.create', { listing });
    type Run = {
      run: { counts: { blockers: number } };
      findings: {
        ruleId: string;
        field: string;
        start?: number;
        end?: number;
        severity: string;
        dismissed?: { reason: string };
      }[];
    };
    const first = await call<Run>('checks.run', { localId });
    const sup = first.findings.find((f) => f.ruleId === 'superlative')!;
    expect(sup.severity).toBe('blocker');
    const refused = await core.dispatch('checks.dismiss', {
      localId,
      ruleId: 'superlative',
      field: 'description',
      start: 0,
      end: 1,
      reason: 'x',
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const emptyReason = await core.dispatch('checks.dismiss', {
      localId,
      ruleId: 'superlative',
      field: 'description',
      start: sup.start,
      end: sup.end,
      reason: '   ',
    });
    expect(emptyReason).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    await call('checks.dismiss', {
      localId,
      ruleId: 'superlative',
      field: 'description',
      start: sup.start,
      end: sup.end,
      reason: '有第三方测评报告',
      by: '李四',
    });
    const second = await call<Run>('checks.run', { localId });
    expect(second.run.counts.blockers).toBe(first.run.counts.blockers - 1);
    expect(second.findings.find((f) => f.ruleId === 'superlative')!.dismissed).toMatchObject({
      reason: '有第三方测评报告',
    });

    const report = await call<{ content: string }>('checks.report', {
      listing,
      format: 'html',
      locale: 'zh-CN',
      localId,
    });
    expect(report.content).toContain('已忽略');
    // In Beijing time (stored as 2026-11-23T02:00:00.000Z).
    expect(report.content).toContain('已由 李四 于 2026/11/23 10:00 忽略，原因：有第三方测评报告');
    await call('checks.report', { listing, format: 'pdf', locale: 'zh-CN', localId });
    expect(printed.at(-1)).toContain('有第三方测评报告');

    core.close();
    core = open();
    expect(await call<unknown[]>('checks.dismissals', { localId })).toHaveLength(1);
    const record = await call<{ revision: number }>('listings.get', { localId });
    await call('listings.update', {
      localId,
      revision: record.revision,
      listing: { ...listing, description: listing.description.replace('离线同步', '离线与实时同步') },
    });
    const third = await call<Run>('checks.run', { localId });
    expect(third.findings.find((f) => f.ruleId === 'superlative')!.dismissed).toBeUndefined();
    expect(third.run.counts.blockers).toBe(first.run.counts.blockers);
    core.close();
    store = openStore({ dataDir: tmp.dir });
  });
});
