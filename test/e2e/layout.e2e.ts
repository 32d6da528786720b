/**
 * Layout at 1440 × 900 (issue 17): the listings table shows every column without scrolling
 * sideways, the violations table's headers are not squashed into one character per line, the
 * deposit amount box has a visible label. Screenshots of each page go to test-artifacts/e2e.
 */
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir';
import { collectPageErrors, launchChromium, screenshot } from './support/browser';
import { repoRoot, startHost, type HostProcess } from './support/host';

const fixture = (...p: string[]) => path.join(repoRoot, 'test', 'fixtures', ...p);

let browser: Browser;
let host: HostProcess;
let tmp: ReturnType<typeof tempDir>;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  tmp = tempDir();
  browser = await launchChromium();
  host = await startHost(path.join(tmp.dir, 'data'), { VENDORDESK_FAKE_NOW: '2026-01-06T10:00:00+08:00' });
  page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  pageErrors = collectPageErrors(page);
  await page.goto(host.url);
  await page.getByRole('heading', { name: '概览' }).waitFor();
  await page
    .getByTestId('compliance-import-input')
    .setInputFiles([
      fixture('compliance', 'tickets.json'),
      fixture('compliance', 'ledger.json'),
      fixture('compliance', 'violations.json'),
    ]);
  await page.getByTestId('compliance-import-result').nth(2).waitFor({ timeout: 60_000 });
  await page
    .getByRole('button', { name: /关\s*闭/ })
    .last()
    .click();
  await page.getByRole('menuitem', { name: '商品' }).click();
  await page
    .getByTestId('import-input')
    .setInputFiles([fixture('listings', 'violating-image.json'), fixture('listings', 'clean-saas-crm.json')]);
  await page.getByTestId('import-result').nth(1).waitFor({ timeout: 60_000 });
  await page
    .getByRole('button', { name: /关\s*闭/ })
    .last()
    .click();
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  tmp?.cleanup();
});

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  if (!b) throw new Error('not laid out');
  return b;
}

describe('layout at 1440 × 900', () => {
  it('the listings table shows all its columns', async () => {
    await expect.poll(() => page.locator('.ant-table-row').count()).toBe(2);
    const table = await box(page.getByTestId('listings-page').locator('.ant-table').first());
    const headers = page.getByTestId('listings-page').locator('.ant-table-thead th');
    const n = await headers.count();
    expect(n).toBeGreaterThanOrEqual(11);
    for (let i = 0; i < n; i++) {
      const b = await box(headers.nth(i));
      expect(b.x + b.width, `column ${i} ends inside the table`).toBeLessThanOrEqual(
        table.x + table.width + 1,
      );
    }
    for (const name of ['标题', '处罚风险', '最近检查', '更新时间', '操作'])
      expect(
        await page.getByTestId('listings-page').locator('.ant-table-thead th', { hasText: name }).isVisible(),
      ).toBe(true);
    await screenshot(page, 'layout-01-listings');
  });

  it('the violations table is not squashed', async () => {
    await page.getByRole('menuitem', { name: '违规扣分' }).click();
    await expect
      .poll(() => page.getByTestId('violations-table').locator('.ant-table-row').count())
      .toBeGreaterThan(0);
    const headers = page.getByTestId('violations-table').locator('.ant-table-thead th');
    for (let i = 0; i < (await headers.count()); i++) {
      const text = ((await headers.nth(i).textContent()) ?? '').trim();
      if (!text) continue;
      // One line of header text: "编号" must not stand one character per line.
      expect((await box(headers.nth(i))).height, `header ${text}`).toBeLessThan(48);
    }
    await screenshot(page, 'layout-02-points');
  });

  it('the deposit amount box has a visible label', async () => {
    await page.getByRole('menuitem', { name: '保证金' }).click();
    const input = page.getByLabel('应缴金额（元）');
    await expect.poll(() => input.isVisible()).toBe(true);
    expect(await page.getByText('应缴金额（元）').isVisible()).toBe(true);
    await screenshot(page, 'layout-03-deposit');
    await page.getByRole('menuitem', { name: '服务时效' }).click();
    await page.getByTestId('tickets-table').locator('.ant-table-row').first().waitFor();
    await screenshot(page, 'layout-04-service');
    await page.getByRole('menuitem', { name: '概览' }).click();
    await screenshot(page, 'layout-05-overview');
    expect(pageErrors).toEqual([]);
  });
});
