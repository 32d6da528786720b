/**
 * Forms take what a person types (issue 17): a ticket's opening time typed as "2026-12-02 09:00"
 * is accepted, a pasted ISO time with an offset ("…T01:00:05Z") is read as the instant it names
 * (09:00:05 Beijing), a stored 17:59:50 opens as 17:59:50 (the seconds decide a 30 s SLA), and the
 * Service page's date filters are date pickers that take a typed date (not mm/dd/yyyy inputs).
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

/**
 * Logs a ticket through its dialog, entering each time as the text given (typed or pasted, the
 * field gets it in one go), and returns the two fields as they then show, before saving.
 */
async function logTicket(id: string, openedText: string, respondedText: string): Promise<[string, string]> {
  await page.getByRole('button', { name: '登记工单' }).click();
  const dialog = page.getByRole('dialog').last();
  await dialog.getByLabel('工单编号').fill(id);
  const fields = [dialog.getByLabel('创建时间'), dialog.getByLabel('首次响应时间（未响应留空）')];
  for (const [field, text] of [
    [fields[0]!, openedText],
    [fields[1]!, respondedText],
  ] as const) {
    await field.click();
    await field.fill(text);
    await field.press('Enter');
  }
  const shown: [string, string] = [await fields[0]!.inputValue(), await fields[1]!.inputValue()];
  await screenshot(page, `forms-${id}`);
  await dialog.getByRole('button', { name: /保\s*存|确\s*定/ }).click();
  return shown;
}

/** The ticket's times as stored, once it is. */
async function storedTimes(id: string): Promise<[string, string | null]> {
  await expect.poll(async () => (await stored(id))?.openedAt, { timeout: 10_000 }).toBeDefined();
  const ticket = (await stored(id))!;
  return [ticket.openedAt, ticket.firstResponseAt];
}

describe('date-time fields', () => {
  it('accept a typed "2026-12-02 09:00" for a new ticket', async () => {
    await logTicket('Q-typed', '2026-12-02 09:00', '2026-12-02 09:00:25');
    expect(await storedTimes('Q-typed')).toEqual(['2026-12-02T09:00:00+08:00', '2026-12-02T09:00:25+08:00']);
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

  it('read a pasted ISO time with an offset as the instant it names, in Beijing time', async () => {
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    // 01:00:05 UTC is 09:00:05 in Beijing.
    expect(await logTicket('Q-pasted', '2026-12-02T01:00:05Z', '2026-12-02T09:00:40+08:00')).toEqual([
      '2026-12-02 09:00:05',
      '2026-12-02 09:00:40',
    ]);
    expect(await storedTimes('Q-pasted')).toEqual(['2026-12-02T09:00:05+08:00', '2026-12-02T09:00:40+08:00']);
  });

  it('the Service date filters are date pickers that take a typed date', async () => {
    const table = page.getByTestId('tickets-table');
    const from = page.getByLabel('创建日期 开始日期');
    expect(await from.getAttribute('type')).not.toBe('date');
    expect(await from.getAttribute('placeholder')).toBe('开始日期');
    await from.click();
    await from.fill('2026-12-02');
    await from.press('Enter');
    // Q-sec opened on 12-01 drops out; the two of 12-02 stay.
    await expect.poll(() => table.getAttribute('data-total'), { timeout: 10_000 }).toBe('2');
    const to = page.getByLabel('创建日期 结束日期');
    await to.click();
    await to.fill('2026/12/01');
    await to.press('Enter');
    await expect.poll(() => table.getAttribute('data-total'), { timeout: 10_000 }).toBe('0');
    await screenshot(page, 'forms-02-date-filters');
    expect(app.pageErrors).toEqual([]);
  });
});
