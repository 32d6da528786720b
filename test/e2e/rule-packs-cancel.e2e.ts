/**
 * Cancelling a rule-pack activation (issue 15): with enough listings that the re-check takes a
 * while, the progress has a Cancel button; pressed, the re-check stops, the new pack stays active
 * and the diff says how many of how many listings were re-checked.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { confirmDialog, useApp } from './support/open-app';
import { callHost, repoRoot } from './support/host';

const LISTINGS = 3000;
const base = JSON.parse(
  fs.readFileSync(path.join(repoRoot, 'test/fixtures/listings/clean-saas-crm.json'), 'utf8'),
) as Record<string, unknown>;
const bundled = JSON.parse(
  fs.readFileSync(path.join(repoRoot, 'resources/rulepacks/jdcloud-marketplace-2019.json'), 'utf8'),
) as { version: string; changelog: unknown[] };

const { app, page } = useApp({
  beforeOpen: async ({ host }) => {
    const listings = Array.from({ length: LISTINGS }, (_, i) => ({
      ...base,
      id: `CANCEL-${i}`,
      description: `第 ${i} 号：我们的 CRM 是业内唯一支持离线同步的系统。`,
    }));
    const imported = await callHost(host.url, 'listings.import', {
      files: [{ name: 'many.json', text: JSON.stringify({ listings }) }],
    });
    expect(imported.ok).toBe(true);
  },
});

describe('cancelling a rule-pack activation', () => {
  it('stops the re-check; the new pack stays active and the diff says what was re-checked', async () => {
    await page.getByRole('menuitem', { name: '设置' }).click();
    const card = page.getByTestId('rule-packs');
    await card.waitFor();
    const newer = { ...structuredClone(bundled), version: '9.1.0' };
    const file = path.join(app.dir, 'newer.json');
    fs.writeFileSync(file, JSON.stringify(newer));
    await page.getByTestId('rulepack-import-input').setInputFiles(file);
    const row = card.getByRole('row', { name: /9\.1\.0/ });
    await row.waitFor();
    await row.getByRole('button', { name: /启\s*用/ }).click();
    await confirmDialog(page);
    const progress = page.getByTestId('rulepack-progress');
    await progress.getByRole('button', { name: /取\s*消/ }).click();
    const cancelled = page.getByTestId('rulepack-diff-cancelled');
    await cancelled.waitFor({ timeout: 60_000 });
    const text = (await cancelled.textContent()) ?? '';
    const counts = /(\d+) 个商品中已按新规则重新自检 (\d+) 个/.exec(text);
    expect(counts, text).not.toBeNull();
    const [total, done] = [Number(counts![1]), Number(counts![2])];
    expect(total).toBe(LISTINGS);
    expect(done).toBeLessThan(LISTINGS);
    expect(await row.textContent()).toContain('当前使用');
    expect(app.pageErrors).toEqual([]);
  });
});
