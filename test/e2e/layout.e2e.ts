/**
 * Layout at 1440 × 900 (issue 17): the listings table shows every column without scrolling
 * sideways, the violations table's headers are not squashed into one character per line, the
 * deposit amount box has a visible label. Screenshots of each page go to test-artifacts/e2e.
 */
import path from 'node:path';
import type { Locator } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from './support/browser';
import { dataRows, importFiles, useApp } from './support/open-app';
import { repoRoot } from './support/host';

const fixture = (...p: string[]) => path.join(repoRoot, 'test', 'fixtures', ...p);

const { app, page } = useApp({ now: '2026-01-06T10:00:00+08:00' });

beforeAll(async () => {
  await page.getByRole('heading', { name: '概览' }).waitFor();
  await importFiles(page, 'compliance-import-input', 'compliance-import-result', [
    fixture('compliance', 'tickets.json'),
    fixture('compliance', 'ledger.json'),
    fixture('compliance', 'violations.json'),
  ]);
  await page.getByRole('menuitem', { name: '商品' }).click();
  await importFiles(page, 'import-input', 'import-result', [
    fixture('listings', 'violating-image.json'),
    fixture('listings', 'clean-saas-crm.json'),
  ]);
});

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  if (!b) throw new Error('not laid out');
  return b;
}

describe('layout at 1440 × 900', () => {
  it('the listings table shows all its columns', async () => {
    await expect.poll(() => page.getByTestId('listing-row').count()).toBe(2);
    const table = await box(page.getByTestId('listings-page').getByRole('table').first());
    const headers = page.getByTestId('listings-page').getByRole('columnheader');
    const n = await headers.count();
    expect(n).toBeGreaterThanOrEqual(11);
    for (let i = 0; i < n; i++) {
      const b = await box(headers.nth(i));
      expect(b.x + b.width, `column ${i} ends inside the table`).toBeLessThanOrEqual(
        table.x + table.width + 1,
      );
    }
    for (const name of ['标题', '处罚风险', '最近检查', '更新时间', '操作'])
      expect(await page.getByTestId('listings-page').getByRole('columnheader', { name }).isVisible()).toBe(
        true,
      );
    await screenshot(page, 'layout-01-listings');
  });

  it('the violations table is not squashed', async () => {
    await page.getByRole('menuitem', { name: '违规扣分' }).click();
    await expect.poll(() => dataRows(page.getByTestId('violations-table')).count()).toBeGreaterThan(0);
    const headers = page.getByTestId('violations-table').getByRole('columnheader');
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
    await dataRows(page.getByTestId('tickets-table')).first().waitFor();
    await screenshot(page, 'layout-04-service');
    await page.getByRole('menuitem', { name: '概览' }).click();
    await screenshot(page, 'layout-05-overview');
    expect(app.pageErrors).toEqual([]);
  });
});
