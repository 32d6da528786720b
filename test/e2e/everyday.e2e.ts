/**
 * Everyday warnings a vendor must not miss (issue 17): reaching the 24-point line shows an
 * expulsion warning on the Overview and Points pages, and a top-up due today says "today", not
 * "0 days left".
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from './support/browser';
import { closeDialog, useApp } from './support/open-app';
import { repoRoot } from './support/host';

const fixture = (name: string) => path.join(repoRoot, 'test', 'fixtures', 'everyday', name);

const { app, page } = useApp({ now: '2026-12-15T10:00:00+08:00' });

beforeAll(async () => {
  // Tuesday: the deduction of Thursday 10 December left the balance short; 3 workdays later is today.
});

describe('warnings that must not be missed', () => {
  it('24 points this year: an expulsion warning on the Overview and on the Points page', async () => {
    await expect.poll(() => page.getByRole('heading', { name: '概览' }).isVisible()).toBe(true);
    expect(await page.getByTestId('expulsion-banner').count()).toBe(0);
    await page
      .getByTestId('compliance-import-input')
      .setInputFiles([fixture('violations-24.json'), fixture('ledger-due-today.json')]);
    // Both files' results are listed before the dialog is closed (a loaded CI machine is slow here).
    await page.getByTestId('compliance-import-result').nth(1).waitFor({ timeout: 60_000 });
    await closeDialog(page);
    await expect
      .poll(() => page.getByTestId('expulsion-banner').textContent())
      .toContain('2026 年度累计扣分 24 分，已达 24 分清退线');
    await screenshot(page, 'everyday-01-overview-expelled');
    await page.getByRole('menuitem', { name: '违规扣分' }).click();
    await expect.poll(() => page.getByTestId('expulsion-banner').textContent()).toContain('全部商品下架');
  });

  it('a top-up due today says so instead of "0 days left"', async () => {
    await page.getByRole('menuitem', { name: '保证金' }).click();
    await expect.poll(() => page.getByTestId('deposit-page').textContent()).toContain('今天截止（24:00 前）');
    expect(await page.getByTestId('deposit-page').textContent()).not.toContain('剩余 0 天');
    await page.getByRole('menuitem', { name: '概览' }).click();
    await expect.poll(() => page.getByTestId('overview-page').textContent()).toContain('今天截止');
    expect(app.pageErrors).toEqual([]);
  });
});
