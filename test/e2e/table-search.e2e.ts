/**
 * Search on every compliance table (issue 17): the Service, Deposit and Points pages each have a
 * labelled search box, reached with the keyboard, that filters in SQL (the table's total is the
 * server's count of matches, paged); Esc clears it. The ledger and violation entry forms take a
 * typed "2026-12-02 09:00" in their date-time pickers, in Beijing time with seconds.
 */
import { describe, expect, it } from 'vitest';
import { screenshot } from './support/browser';
import { callHost } from './support/host';
import { closeNotifications, useApp, type App } from './support/open-app';
import { searchRecords } from '../helpers/search-records';

const seed = async (host: App['host'], channel: string, request: unknown) => {
  const answer = await callHost(host.url, channel, request);
  if (!answer.ok) throw new Error(`${channel}: ${JSON.stringify(answer)}`);
};

const { app, page } = useApp({
  now: '2026-12-02T10:00:00+08:00',
  beforeOpen: async ({ host }) => {
    for (const [channel, request] of searchRecords()) await seed(host, channel, request);
  },
});

const rowKeys = (testId: string) =>
  page
    .getByTestId(testId)
    .locator('tbody tr[data-row-key]')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-row-key')));
const total = (testId: string) => page.getByTestId(testId).getAttribute('data-total');

describe('search on every table', () => {
  it('Service: a staff name typed into the labelled search box finds the ticket on page 2', async () => {
    await page.getByRole('menuitem', { name: '服务时效' }).click();
    await expect.poll(() => total('tickets-table'), { timeout: 10_000 }).toBe('24');
    expect(await rowKeys('tickets-table')).not.toContain('Q-23');
    const search = page.getByRole('searchbox', { name: '搜索工单' });
    await search.focus();
    await page.keyboard.type('王小明');
    await expect.poll(() => rowKeys('tickets-table'), { timeout: 10_000 }).toEqual(['Q-23']);
    expect(await total('tickets-table')).toBe('1');
    await screenshot(page, 'search-01-tickets');
    // Part of an id; Esc clears the search and the whole table is back.
    await search.fill('Q-1');
    await expect.poll(() => total('tickets-table'), { timeout: 10_000 }).toBe('10');
    await search.press('Escape');
    await expect.poll(() => total('tickets-table'), { timeout: 10_000 }).toBe('24');
    expect(await search.inputValue()).toBe('');
  });

  it('Deposit: the search matches a reason, an id and an entry type by its name', async () => {
    await page.getByRole('menuitem', { name: '保证金' }).click();
    await expect.poll(() => total('ledger-table'), { timeout: 10_000 }).toBe('24');
    // The id column is headed in the user's language, not "ID".
    // (the first header is the selection column's).
    const headers = await page.getByTestId('ledger-table').getByRole('columnheader').allTextContents();
    expect(headers[1]).toBe('流水编号');
    expect(headers).not.toContain('ID');
    const search = page.getByRole('searchbox', { name: '搜索流水' });
    await search.fill('对账');
    await expect.poll(() => rowKeys('ledger-table'), { timeout: 10_000 }).toEqual(['L-21']);
    await search.fill('退还');
    await expect.poll(() => rowKeys('ledger-table'), { timeout: 10_000 }).toEqual(['L-22']);
    // The running balance still comes from the whole ledger (the engine), not from the page.
    expect(await page.getByTestId('ledger-table').locator('tr[data-row-key="L-22"]').textContent()).toContain(
      '2,000.00',
    );
    await search.fill('L-2');
    await expect.poll(() => total('ledger-table'), { timeout: 10_000 }).toBe('5');
    await screenshot(page, 'search-02-ledger');
    await search.fill('');
    await expect.poll(() => total('ledger-table'), { timeout: 10_000 }).toBe('24');
  });

  it("Points: the search finds a violation by its code's name", async () => {
    await page.getByRole('menuitem', { name: '违规扣分' }).click();
    await expect.poll(() => total('violations-table'), { timeout: 10_000 }).toBe('24');
    const search = page.getByRole('searchbox', { name: '搜索违规记录' });
    await search.fill('欺诈');
    await expect.poll(() => rowKeys('violations-table'), { timeout: 10_000 }).toEqual(['V-24']);
    await search.fill('brand');
    await expect.poll(() => total('violations-table'), { timeout: 10_000 }).toBe('23');
    await screenshot(page, 'search-03-violations');
    await search.press('Escape');
    await expect.poll(() => total('violations-table'), { timeout: 10_000 }).toBe('24');
  });
});

describe('date-time pickers on the ledger and violation forms', () => {
  it('a ledger entry typed as "2026-12-02 09:00" is stored at 09:00:00 Beijing time', async () => {
    await page.getByRole('menuitem', { name: '保证金' }).click();
    await page.getByRole('button', { name: '添加流水' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('流水编号').fill('L-typed');
    const at = dialog.getByLabel('时间', { exact: true });
    await at.click();
    await at.fill('2026-12-02 09:00');
    await at.press('Enter');
    await expect.poll(() => at.inputValue(), { timeout: 10_000 }).toBe('2026-12-02 09:00:00');
    await dialog.getByLabel('金额').fill('50');
    await screenshot(page, 'search-04-ledger-picker');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await expect.poll(() => dialog.isVisible(), { timeout: 10_000 }).toBe(false);
    const stored = await callHost<{ rows: { id: string; at: string }[] }>(app.host.url, 'compliance.ledger', {
      offset: 0,
      limit: 10,
      query: 'L-typed',
    });
    expect(stored.value!.rows.map((r) => r.at)).toEqual(['2026-12-02T09:00:00+08:00']);
  });

  it('a violation typed with seconds keeps them', async () => {
    await page.getByRole('menuitem', { name: '违规扣分' }).click();
    await page.getByRole('button', { name: '记录违规' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('违规编号').fill('V-typed');
    await dialog.getByRole('combobox', { name: '违规代码' }).fill('fraud');
    await dialog.getByRole('combobox', { name: '违规代码' }).press('Enter');
    for (const [label, text] of [
      ['发生时间', '2026-12-01 17:59:50'],
      ['判定时间（未判定留空）', '2026/12/02 09:00'],
    ] as const) {
      const field = dialog.getByLabel(label);
      await field.click();
      await field.fill(text);
      await field.press('Enter');
    }
    await expect
      .poll(() => dialog.getByLabel('发生时间').inputValue(), { timeout: 10_000 })
      .toBe('2026-12-01 17:59:50');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await expect.poll(() => dialog.isVisible(), { timeout: 10_000 }).toBe(false);
    const stored = await callHost<{ rows: { occurredAt: string; decidedAt: string }[] }>(
      app.host.url,
      'compliance.violations',
      { offset: 0, limit: 10, query: 'V-typed' },
    );
    expect(stored.value!.rows).toMatchObject([
      { occurredAt: '2026-12-01T17:59:50+08:00', decidedAt: '2026-12-02T09:00:00+08:00' },
    ]);
    expect(app.pageErrors).toEqual([]);
  });

  it("Points: an alert's Open turns the paged table to the violation's page and highlights it", async () => {
    // The seeded violations are news (first seen today): close their banners, then one more
    // violation is recorded elsewhere; it sorts 25th in decision order, on page 2 of the table.
    await page.getByRole('menuitem', { name: '概览' }).click();
    await closeNotifications(page);
    await expect.poll(() => page.getByTestId('alert-banner').count()).toBe(0);
    await seed(app.host, 'compliance.saveViolation', {
      violation: {
        id: 'V-link',
        code: 'brand-misuse',
        occurredAt: '2026-11-24T12:00:00+08:00',
        decidedAt: null,
      },
    });
    const banner = page.getByTestId('alert-banner').filter({ hasText: 'V-link' });
    await banner.waitFor({ timeout: 20_000 });
    await banner.getByRole('button', { name: /查\s*看/ }).click();
    const linked = page.getByTestId('violations-table').locator('tr[data-row-key="V-link"]');
    await linked.waitFor({ timeout: 10_000 });
    expect(await linked.getAttribute('aria-current')).toBe('true');
    expect(await linked.getAttribute('class')).toContain('ant-table-row-selected');
    const points = page.getByTestId('points-page');
    expect(await points.locator('.ant-pagination-item-active').textContent()).toBe('2');
    expect(await linked.isVisible()).toBe(true);
    await screenshot(page, 'search-05-points-deep-link');
    expect(app.pageErrors).toEqual([]);
  });

  /** A complaint opened 25 minutes before the clock's start: its 30-minute deadline is inside the alert's lead time. */
  const pendingComplaint = (id: string, openedAt: string) =>
    seed(app.host, 'compliance.saveTicket', {
      ticket: { id, kind: 'complaint', openedAt, firstResponseAt: null },
    });
  const linkedTicket = (id: string) => page.getByTestId('tickets-table').locator(`tr[data-row-key="${id}"]`);
  const servicePage = () => page.getByTestId('service-page');

  it("Service: an alert's Open turns the keyset-paged tickets table to the ticket's page and highlights it", async () => {
    await closeNotifications(page);
    await expect.poll(() => page.getByTestId('alert-banner').count()).toBe(0);
    // Opened after the 24 seeded tickets: 25th in the default (opening time) order, on page 2.
    await pendingComplaint('Q-link', '2026-12-02T09:35:00+08:00');
    const banner = page.getByTestId('alert-banner').filter({ hasText: 'Q-link' });
    await banner.waitFor({ timeout: 20_000 });
    await banner.getByRole('button', { name: /查\s*看/ }).click();
    await linkedTicket('Q-link').waitFor({ timeout: 20_000 });
    expect(await linkedTicket('Q-link').getAttribute('aria-current')).toBe('true');
    expect(await linkedTicket('Q-link').getAttribute('class')).toContain('ant-table-row-selected');
    expect(await servicePage().locator('.ant-pagination-item-active').textContent()).toBe('2');
    expect(await linkedTicket('Q-link').isVisible()).toBe(true);
    await screenshot(page, 'search-06-ticket-deep-link');
  });

  it('Service: a linked ticket the search hides clears the search and filters, then is shown', async () => {
    const search = page.getByRole('searchbox', { name: '搜索工单' });
    await search.fill('王小明');
    await expect.poll(() => rowKeys('tickets-table')).toEqual(['Q-23']);
    await pendingComplaint('Q-link-2', '2026-12-02T09:36:00+08:00');
    const banner = page.getByTestId('alert-banner').filter({ hasText: 'Q-link-2' });
    await banner.waitFor({ timeout: 20_000 });
    await banner.getByRole('button', { name: /查\s*看/ }).click();
    await linkedTicket('Q-link-2').waitFor({ timeout: 20_000 });
    expect(await linkedTicket('Q-link-2').getAttribute('aria-current')).toBe('true');
    expect(await page.getByRole('searchbox', { name: '搜索工单' }).inputValue()).toBe('');
    await expect.poll(() => total('tickets-table')).toBe('26');
    expect(await servicePage().locator('.ant-pagination-item-active').textContent()).toBe('2');
    expect(app.pageErrors).toEqual([]);
  });
});
