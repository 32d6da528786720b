/**
 * First run (issue 17): a new user is offered sample data on the Overview; loaded, the Service,
 * Deposit and Points pages show it working, every page says it is sample data, and one click
 * removes it — the tables are empty again and the offer returns.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir';
import { collectPageErrors, launchChromium, screenshot } from './support/browser';
import { startHost, type HostProcess } from './support/host';

let browser: Browser;
let host: HostProcess;
let tmp: ReturnType<typeof tempDir>;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  tmp = tempDir();
  browser = await launchChromium();
  host = await startHost(path.join(tmp.dir, 'data'), { VENDORDESK_FAKE_NOW: '2026-12-02T10:00:00+08:00' });
  page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  pageErrors = collectPageErrors(page);
  await page.goto(host.url);
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  tmp?.cleanup();
});

const rows = (testId: string) => page.getByTestId(testId).locator('tbody tr[data-row-key]');
const poll = { timeout: 15_000 };

describe('sample data on a first run', () => {
  it('is offered on the Overview, loads, and every compliance page shows it, marked', async () => {
    const offer = page.getByTestId('sample-data-offer');
    await offer.waitFor(poll);
    await screenshot(page, 'sample-01-offer');
    await offer.getByRole('button', { name: '载入示例数据' }).click();
    const banner = page.getByTestId('sample-data-banner');
    await banner.waitFor(poll);
    expect(await banner.textContent()).toContain('编号以“示例-”开头');
    await expect.poll(() => page.getByTestId('overview-page').textContent(), poll).toContain('示例');
    await screenshot(page, 'sample-02-overview');

    await page.getByRole('menuitem', { name: '服务时效' }).click();
    await expect.poll(() => rows('tickets-table').count(), poll).toBe(4);
    expect(await banner.isVisible()).toBe(true);
    const statuses = (await page.getByTestId('tickets-table').textContent()) ?? '';
    for (const s of ['已达标', '已超时', '待响应']) expect(statuses).toContain(s);
    await screenshot(page, 'sample-03-service');

    await page.getByRole('menuitem', { name: '保证金' }).click();
    await expect.poll(() => rows('ledger-table').count(), poll).toBe(2);
    expect(await page.getByTestId('deposit-shortfall').textContent()).toContain('2,000.00');
    await screenshot(page, 'sample-04-deposit');

    await page.getByRole('menuitem', { name: '违规扣分' }).click();
    await expect.poll(() => rows('violations-table').count(), poll).toBe(1);
    expect(await rows('violations-table').first().textContent()).toContain('示例-V1');
    await screenshot(page, 'sample-05-points');
  });

  it('one click removes it: the tables are empty and the offer is back', async () => {
    await page.getByTestId('sample-data-banner').getByRole('button', { name: '移除示例数据' }).click();
    await expect.poll(() => rows('violations-table').count(), poll).toBe(0);
    await expect.poll(() => page.getByTestId('sample-data-banner').count(), poll).toBe(0);
    await page.getByRole('menuitem', { name: '服务时效' }).click();
    await expect.poll(() => page.getByTestId('tickets-table').getAttribute('data-total'), poll).toBe('0');
    await page.getByRole('menuitem', { name: '概览' }).click();
    await page.getByTestId('sample-data-offer').waitFor(poll);
    expect(pageErrors).toEqual([]);
  });
});
