/**
 * formats.md §8 as a user meets it in December 2026: a 2027 chat's deadline is computed on an
 * assumed Monday–Friday and marked "calendar not confirmed", with a banner on the Service and
 * Settings pages; loading the year's file from the banner moves the deadline past the holiday and
 * clears the marks; a bad file is refused naming the date and changes nothing.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { screenshot } from './support/browser';
import { closeDialog, useApp } from './support/open-app';
import { repoRoot } from './support/host';

const fixture = (name: string) => path.join(repoRoot, 'test', 'fixtures', 'calendar', name);

const { app, page } = useApp({ now: '2026-12-15T10:00:00+08:00' });

const row = (id: string) => page.getByTestId('tickets-table').getByRole('row').filter({ hasText: id });

describe('a year without an official calendar', () => {
  it('marks a 2027 deadline as not confirmed and says so in a banner', async () => {
    await page.getByRole('menuitem', { name: '服务时效' }).click();
    await page.getByTestId('compliance-import-input').setInputFiles([fixture('tickets-2027.json')]);
    await closeDialog(page);
    await expect
      .poll(() => page.getByTestId('calendar-unconfirmed-banner').textContent())
      .toContain('2027 年的国务院节假日安排尚未载入');
    await expect.poll(() => row('spring-chat').textContent()).toContain('2027-02-09 10:00:30');
    expect(await row('spring-chat').getByTestId('calendar-unconfirmed-tag').isVisible()).toBe(true);
    // A 2026 deadline uses the bundled official calendar: no mark.
    expect(await row('december-chat').getByTestId('calendar-unconfirmed-tag').count()).toBe(0);
    await screenshot(page, 'calendar-01-unconfirmed');
  });

  it('refuses a file with an impossible date, naming it, and changes nothing', async () => {
    await page
      .getByTestId('calendar-import-input')
      .first()
      .setInputFiles([fixture('calendar-2027-bad.json')]);
    await expect
      .poll(() => page.getByRole('alert').filter({ hasText: '2027-02-30' }).count())
      .toBeGreaterThan(0);
    expect(await row('spring-chat').getByTestId('calendar-unconfirmed-tag').isVisible()).toBe(true);
  });

  it('loading the year from the banner moves the deadline past the holiday and clears the marks', async () => {
    await page
      .getByTestId('calendar-import-input')
      .first()
      .setInputFiles([fixture('calendar-2027.json')]);
    await expect.poll(() => row('spring-chat').textContent()).toContain('2027-02-15 09:00:30');
    expect(await row('spring-chat').getByTestId('calendar-unconfirmed-tag').count()).toBe(0);
    expect(await page.getByTestId('calendar-unconfirmed-banner').count()).toBe(0);
    await screenshot(page, 'calendar-02-confirmed');
  });

  it('Settings lists the loaded year and removing it brings the banner back', async () => {
    await page.getByRole('menuitem', { name: '设置' }).click();
    const card = page.getByTestId('official-calendars');
    await expect
      .poll(() => card.getByRole('row').filter({ hasText: '2027' }).textContent())
      .toContain('calendar-2027.json');
    await card
      .getByRole('row')
      .filter({ hasText: '2027' })
      .getByRole('button', { name: /移\s*除/ })
      .click();
    await expect.poll(() => page.getByTestId('calendar-unconfirmed-banner').isVisible()).toBe(true);
    await screenshot(page, 'calendar-03-settings');
    expect(app.pageErrors).toEqual([]);
  });
});
