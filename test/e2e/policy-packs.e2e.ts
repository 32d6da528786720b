/**
 * Issue 17 item 8 as a user meets it in December 2026: a 2027 chat's deadline is computed on an
 * unconfirmed calendar (the Spring Festival week counted as workdays: banner + 「日历未确认」);
 * in Settings → 策略包 a bad pack file is refused naming the field and changes nothing; a pack
 * file carrying 2027's holidays (a labelled test fixture) supersedes the bundled pack, the banner
 * goes and the deadline moves past the holiday; removing it brings the bundled pack and the
 * banner back.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { screenshot } from './support/browser';
import { closeDialog, confirmDialog, useApp } from './support/open-app';
import { repoRoot } from './support/host';

const fixture = (...parts: string[]) => path.join(repoRoot, 'test', 'fixtures', ...parts);

const { app, page } = useApp({ now: '2026-12-15T10:00:00+08:00' });

const ticketRow = (id: string) => page.getByTestId('tickets-table').getByRole('row').filter({ hasText: id });
const packsCard = () => page.getByTestId('policy-packs');
const packRow = (text: string) => packsCard().getByRole('row').filter({ hasText: text });

describe('receiving a year’s official holidays with a policy pack', () => {
  it('a 2027 deadline on the unconfirmed calendar counts the Spring Festival week as workdays', async () => {
    await page.getByRole('menuitem', { name: '服务时效' }).click();
    await page
      .getByTestId('compliance-import-input')
      .setInputFiles([fixture('calendar', 'tickets-2027.json')]);
    await closeDialog(page);
    await expect.poll(() => ticketRow('spring-chat').textContent()).toContain('2027-02-09 10:00:30');
    expect(await ticketRow('spring-chat').getByTestId('calendar-unconfirmed-tag').isVisible()).toBe(true);
    expect(await page.getByTestId('calendar-unconfirmed-banner').textContent()).toContain(
      '2027 年的国务院节假日安排尚未载入',
    );
  });

  it('Settings refuses a bad pack file, naming the field, and changes nothing', async () => {
    await page.getByRole('menuitem', { name: '设置' }).click();
    await expect.poll(() => packRow('jdcloud-marketplace-2019').textContent()).toContain('使用中');
    // A pack that is not enabled is not "in use", even as the current version of its id.
    expect(await packRow('jd-store-2021').textContent()).toContain('当前版本（未启用）');
    expect(await packRow('jd-store-2021').textContent()).not.toContain('使用中');
    const rowsBefore = await packsCard().getByRole('row').count();
    await page
      .getByTestId('policypack-import-input')
      .setInputFiles([fixture('policies', 'policy-pack-bad.json')]);
    await expect
      .poll(() => page.getByRole('alert').filter({ hasText: 'sla.limits.complaint.clock' }).textContent())
      .toContain('策略包未载入（未做任何更改）');
    expect(await packsCard().getByRole('row').count()).toBe(rowsBefore);
    expect(await page.getByTestId('calendar-unconfirmed-banner').isVisible()).toBe(true);
  });

  it('loading a pack that carries 2027 supersedes the bundled one and confirms the year', async () => {
    await page
      .getByTestId('policypack-import-input')
      .setInputFiles([fixture('policies', 'jdcloud-marketplace-2019-with-2027.json')]);
    const loaded = packRow('jdcloud-marketplace-2019-with-2027.json');
    await expect.poll(() => loaded.textContent()).toContain('1.1.0');
    expect(await loaded.textContent()).toMatch(/文件.*2027.*使用中/);
    expect(await packRow('已被 1.1.0 取代').textContent()).toContain('1.0.0');
    await expect.poll(() => page.getByTestId('calendar-unconfirmed-banner').count()).toBe(0);
    // The official-calendars card says where 2027 comes from.
    await expect
      .poll(() =>
        page.getByTestId('official-calendars').getByRole('row').filter({ hasText: '2027' }).textContent(),
      )
      .toContain('策略包');
    await screenshot(page, 'policypacks-01-loaded');

    await page.getByRole('menuitem', { name: '服务时效' }).click();
    await expect.poll(() => ticketRow('spring-chat').textContent()).toContain('2027-02-15 09:00:30');
    expect(await ticketRow('spring-chat').getByTestId('calendar-unconfirmed-tag').count()).toBe(0);
    expect(await page.getByTestId('calendar-unconfirmed-banner').count()).toBe(0);
    await screenshot(page, 'policypacks-02-deadline-moved');
  });

  it('removing the loaded pack brings the bundled pack and the banner back', async () => {
    await page.getByRole('menuitem', { name: '设置' }).click();
    await packRow('jdcloud-marketplace-2019-with-2027.json')
      .getByRole('button', { name: /移\s*除/ })
      .click();
    await confirmDialog(page);
    await expect.poll(() => page.getByTestId('calendar-unconfirmed-banner').isVisible()).toBe(true);
    await expect.poll(() => packsCard().getByRole('row').filter({ hasText: '1.1.0' }).count()).toBe(0);
    expect(await packRow('jdcloud-marketplace-2019').textContent()).toContain('使用中');
    await page.getByRole('menuitem', { name: '服务时效' }).click();
    await expect.poll(() => ticketRow('spring-chat').textContent()).toContain('2027-02-09 10:00:30');
    expect(app.pageErrors).toEqual([]);
  });
});
