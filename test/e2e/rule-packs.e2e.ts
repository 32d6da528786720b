/**
 * The rule-pack lifecycle as a user meets it (issue 15): in Settings, load a pack file (a broken
 * one is refused and named), activate it — every listing is re-checked with a progress bar and the
 * diff names the listing newly clear — the listings table and the editor's live check follow the
 * new pack, and "go back" restores the previous one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { screenshot } from './support/browser';
import { confirmDialog, useApp } from './support/open-app';
import { callHost, repoRoot } from './support/host';

const TITLE = '云客通 CRM 唯一版';
const base = JSON.parse(
  fs.readFileSync(path.join(repoRoot, 'test/fixtures/listings/clean-saas-crm.json'), 'utf8'),
) as Record<string, unknown>;
const bundled = JSON.parse(
  fs.readFileSync(path.join(repoRoot, 'resources/rulepacks/jdcloud-marketplace-2019.json'), 'utf8'),
) as { version: string; termGroups: { id: string }[]; changelog: unknown[] };

const { app, page } = useApp({
  beforeOpen: async ({ host }) => {
    const created = await callHost(host.url, 'listings.create', {
      listing: { ...base, title: TITLE, description: '我们的 CRM 是业内唯一支持离线同步的系统。' },
    });
    expect(created.ok).toBe(true);
  },
});

const card = () => page.getByTestId('rule-packs');
const packFile = (name: string, content: string) => {
  const file = path.join(app.dir, name);
  fs.writeFileSync(file, content);
  return file;
};
const blockersOf = async () => {
  const summary = await callHost<{ check: { counts: { blockers: number } } | null }[]>(
    app.host.url,
    'checks.summary',
    {},
  );
  return summary.value?.[0]?.check?.counts.blockers;
};

describe('rule packs in Settings', () => {
  it('refuses a broken pack file and names the problem', async () => {
    await page.getByRole('menuitem', { name: '设置' }).click();
    await card().waitFor();
    await expect.poll(() => card().getByRole('row').count()).toBe(2); // header + the bundled pack
    await page.getByTestId('rulepack-import-input').setInputFiles(packFile('broken.json', '{"id": '));
    await expect.poll(() => page.getByText(/规则包未载入.*broken\.json/).count()).toBe(1);
    await expect.poll(() => card().getByRole('row').count()).toBe(2);
  });

  it('loads and activates a pack: progress, the diff, the list and the editor follow; then goes back', async () => {
    expect(await blockersOf()).toBeGreaterThan(0);
    const lenient = structuredClone(bundled);
    lenient.version = '9.0.0';
    lenient.termGroups = lenient.termGroups.filter((g) => g.id !== 'superlative-unique');
    lenient.changelog = [
      {
        version: '9.0.0',
        date: '2026-12-02',
        changes: [{ zh: '「唯一」不再检查', en: '唯一 is not checked' }],
      },
    ];
    await page
      .getByTestId('rulepack-import-input')
      .setInputFiles(packFile('lenient.json', JSON.stringify(lenient)));
    const row = card().getByRole('row', { name: /9\.0\.0/ });
    await row.waitFor();
    await row.getByRole('button', { name: /启\s*用/ }).click();
    await confirmDialog(page);
    await expect
      .poll(() => page.getByTestId('rulepack-diff').textContent(), { timeout: 30_000 })
      .toContain('解除阻断 1 个');
    expect(await page.getByTestId('rulepack-diff').textContent()).toContain(TITLE);
    expect(await row.textContent()).toContain('当前使用');
    expect(await blockersOf()).toBe(0);
    await screenshot(page, 'rulepacks-01-activated');

    // The editor's live check judges with the active pack: no 「唯一」 finding.
    await page.getByRole('menuitem', { name: '商品' }).click();
    await page.getByRole('button', { name: TITLE, exact: true }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByTestId('ready-state').waitFor();
    await expect.poll(() => drawer.getByTestId('finding').filter({ hasText: '唯一' }).count()).toBe(0);
    await page.keyboard.press('Escape');

    await page.getByRole('menuitem', { name: '设置' }).click();
    await card().getByRole('button', { name: '返回上一个规则包' }).click();
    await confirmDialog(page);
    await expect
      .poll(() => page.getByTestId('rulepack-diff').textContent(), { timeout: 30_000 })
      .toContain('新增阻断 1 个');
    expect(await blockersOf()).toBeGreaterThan(0);
    expect(app.pageErrors).toEqual([]);
  });
});
