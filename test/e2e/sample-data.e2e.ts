/**
 * First run (issue 17): a new user is offered sample data on the Overview; loaded, the Listings,
 * Service, Deposit and Points pages show it working (its complaint due in minutes raises an alert),
 * every page says it is sample data, and one click removes it — the tables are empty again, the
 * sample's alert banner goes with it and the offer returns.
 */
import { describe, expect, it } from 'vitest';
import { screenshot } from './support/browser';
import { useApp } from './support/open-app';

const { app, page } = useApp({ now: '2026-12-02T10:00:00+08:00' });

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

    // The Listings page and the self-check: one listing ready, one blocked, all marked 【示例】.
    await page.getByRole('menuitem', { name: '商品' }).click();
    const listings = page.getByTestId('listing-row');
    await expect.poll(() => listings.count(), poll).toBe(3);
    for (const title of await listings.getByRole('button', { name: /^【示例】/ }).allTextContents())
      expect(title).toMatch(/^【示例】/);
    await expect.poll(() => listings.filter({ hasText: '可提交' }).count(), poll).toBeGreaterThan(0);
    await expect.poll(() => listings.filter({ hasText: /\d+ 个阻断/ }).count(), poll).toBe(1);
    expect(await banner.isVisible()).toBe(true);
    await screenshot(page, 'sample-06-listings');

    // Its complaint is due in 8 minutes: the deadline alert shows, naming the sample ticket.
    await expect.poll(() => page.getByTestId('alert-banner').textContent(), poll).toContain('示例-Q3');
  });

  it('one click removes it with its alert: the tables are empty and the offer is back', async () => {
    await page.getByRole('menuitem', { name: '违规扣分' }).click();
    await page.getByTestId('sample-data-banner').getByRole('button', { name: '移除示例数据' }).click();
    // The alert's ticket is gone: its banner (whose Open would lead nowhere) goes too.
    await expect.poll(() => page.getByTestId('alert-banner').count(), poll).toBe(0);
    await expect.poll(() => rows('violations-table').count(), poll).toBe(0);
    await expect.poll(() => page.getByTestId('sample-data-banner').count(), poll).toBe(0);
    await page.getByRole('menuitem', { name: '服务时效' }).click();
    await expect.poll(() => page.getByTestId('tickets-table').getAttribute('data-total'), poll).toBe('0');
    await page.getByRole('menuitem', { name: '概览' }).click();
    await page.getByTestId('sample-data-offer').waitFor(poll);
    await page.getByRole('menuitem', { name: '商品' }).click();
    await expect.poll(() => page.getByTestId('listing-row').count(), poll).toBe(0);
    expect(app.pageErrors).toEqual([]);
  });
});
