/**
 * Forms take what a person types (issue 17): a ticket's opening time typed as "2026-12-02 09:00"
 * is accepted, and a stored 17:59:50 opens as 17:59:50 (the seconds decide a 30 s SLA).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from './support/browser';
import { dataRows, useApp } from './support/open-app';
import { callHost } from './support/host';

const { app, page } = useApp({ now: '2026-12-02T10:00:00+08:00' });

beforeAll(async () => {
  await page.getByRole('menuitem', { name: '服务时效' }).click();
});

type Ticket = { id: string; openedAt: string; firstResponseAt: string | null };
const stored = async (id: string) =>
  (
    await callHost<{ rows: Ticket[] }>(app.host.url, 'compliance.tickets', {
      offset: 0,
      limit: 500,
      query: id,
    })
  ).value!.rows.find((t) => t.id === id);

describe('date-time fields', () => {
  it('accept a typed "2026-12-02 09:00" for a new ticket', async () => {
    await page.getByRole('button', { name: '登记工单' }).click();
    const dialog = page.getByRole('dialog').last();
    await dialog.getByLabel('工单编号').fill('Q-typed');
    const opened = dialog.getByLabel('创建时间');
    await opened.click();
    await opened.fill('2026-12-02 09:00');
    await opened.press('Enter');
    const responded = dialog.getByLabel('首次响应时间（未响应留空）');
    await responded.click();
    await responded.fill('2026-12-02 09:00:25');
    await responded.press('Enter');
    await screenshot(page, 'forms-01-typed-time');
    await dialog.getByRole('button', { name: /保\s*存|确\s*定/ }).click();
    await expect
      .poll(async () => (await stored('Q-typed'))?.openedAt, { timeout: 10_000 })
      .toBe('2026-12-02T09:00:00+08:00');
    expect((await stored('Q-typed'))!.firstResponseAt).toBe('2026-12-02T09:00:25+08:00');
  });

  it('keep the seconds of a stored time', async () => {
    await callHost(app.host.url, 'compliance.saveTicket', {
      ticket: {
        id: 'Q-sec',
        kind: 'consultation',
        openedAt: '2026-12-01T17:59:50+08:00',
        firstResponseAt: null,
      },
    });
    await page.reload();
    await page.getByRole('menuitem', { name: '服务时效' }).click();
    const row = dataRows(page.getByTestId('tickets-table')).filter({ hasText: 'Q-sec' });
    await row.waitFor();
    await row.locator('a, button').first().click();
    const dialog = page.getByRole('dialog').last();
    await expect.poll(() => dialog.getByLabel('创建时间').inputValue()).toBe('2026-12-01 17:59:50');
    expect(app.pageErrors).toEqual([]);
  });
});
