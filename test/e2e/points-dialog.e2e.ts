/**
 * Issue 14, item 4: the "record violation" dialog keeps what the user typed when the snapshot
 * reloads under it. The page reloads on the core's data.changed event (another window, a sync, an
 * import); here a violation saved through the API is that event, and the table growing behind the
 * dialog proves the reload happened before the typed values are checked.
 */
import { describe, expect, it } from 'vitest';
import { useApp } from './support/open-app';
import { callHost } from './support/host';

const { app, page } = useApp({ now: '2026-01-05T10:00:00+08:00', viewport: { width: 1440, height: 1000 } });

const tableRows = () => page.getByTestId('violations-table').locator('tbody tr[data-row-key]');

describe('record violation dialog', () => {
  it('keeps the typed values across a snapshot reload and saves them', async () => {
    await page.getByRole('menuitem', { name: '违规扣分' }).click();
    await expect.poll(() => page.getByTestId('points-page').isVisible()).toBe(true);
    expect(await tableRows().count()).toBe(0);

    await page.getByRole('button', { name: '记录违规' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('违规编号').fill('V-TYPED');
    await dialog.getByRole('combobox', { name: '违规代码' }).fill('brand-misuse');
    // Enter picks the active option: only once the search has narrowed the list to that code.
    const options = page.getByRole('option');
    await expect
      .poll(async () => (await options.count()) === 1 && (await options.getAttribute('aria-label')))
      .toMatch(/^brand-misuse · /);
    await dialog.getByRole('combobox', { name: '违规代码' }).press('Enter');
    // Chosen: the field shows the code's label (the option list is outside the dialog).
    await expect.poll(() => dialog.textContent()).toContain('brand-misuse · ');
    await dialog.getByLabel('发生时间').fill('2026-01-04 15:00');
    await dialog.getByLabel('发生时间').press('Enter');
    await dialog.getByLabel('判定时间（未判定留空）').fill('2026-01-05 09:30');
    await dialog.getByLabel('判定时间（未判定留空）').press('Enter');

    // Another writer saves a violation: the core says data.changed and the page reloads its snapshot.
    const saved = await callHost(app.host.url, 'compliance.saveViolation', {
      violation: {
        id: 'V-OTHER',
        code: 'complaint-response-late',
        occurredAt: '2026-01-04T10:00:00+08:00',
        decidedAt: null,
      },
    });
    expect(saved.ok).toBe(true);
    await expect.poll(() => tableRows().count(), { timeout: 10_000 }).toBe(1);

    expect(await dialog.getByLabel('违规编号').inputValue()).toBe('V-TYPED');
    expect(await dialog.textContent()).toContain('brand-misuse · ');
    expect(await dialog.getByLabel('发生时间').inputValue()).toBe('2026-01-04 15:00:00');
    expect(await dialog.getByLabel('判定时间（未判定留空）').inputValue()).toBe('2026-01-05 09:30:00');

    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await expect.poll(() => tableRows().count()).toBe(2);
    const row = page.getByTestId('violations-table').locator('tr[data-row-key="V-TYPED"]');
    await expect.poll(() => row.textContent()).toContain('brand-misuse');
    expect(await row.textContent()).toContain('2026-01-05 09:30');
    expect(app.pageErrors).toEqual([]);
  });
});
