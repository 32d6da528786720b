/**
 * Everyday warnings a vendor must not miss (issue 17): reaching the 24-point line shows an
 * expulsion warning on the Overview and Points pages, and a top-up due today says "today", not
 * "0 days left".
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir';
import { collectPageErrors, launchChromium, screenshot } from './support/browser';
import { repoRoot, startHost, type HostProcess } from './support/host';

const fixture = (name: string) => path.join(repoRoot, 'test', 'fixtures', 'everyday', name);

let browser: Browser;
let host: HostProcess;
let tmp: ReturnType<typeof tempDir>;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  tmp = tempDir();
  browser = await launchChromium();
  // Tuesday: the deduction of Thursday 10 December left the balance short; 3 workdays later is today.
  host = await startHost(path.join(tmp.dir, 'data'), { VENDORDESK_FAKE_NOW: '2026-12-15T10:00:00+08:00' });
  page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  pageErrors = collectPageErrors(page);
  await page.goto(host.url);
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  tmp?.cleanup();
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
    await page
      .getByRole('button', { name: /关\s*闭/ })
      .last()
      .click();
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
    expect(pageErrors).toEqual([]);
  });
});
