/**
 * Issue 14: one i18n. An alert raised while the app speaks Chinese is stored as a code with
 * parameters, so after switching to English the banner already on screen reads in English;
 * plurals follow ICU (1 file / 2 files); the HTML check report follows the language too.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { screenshot } from './support/browser';
import { closeDialog, closeNotifications, editorDrawer, option, useApp } from './support/open-app';
import { repoRoot } from './support/host';

// T-1003 in tickets.json is pending with its deadline minutes after this: its alert is due at once.
const FAKE_NOW = '2026-01-05T10:00:00+08:00';
const fixture = (...parts: string[]) => path.join(repoRoot, 'test', 'fixtures', ...parts);

const { app, page } = useApp({ now: FAKE_NOW, viewport: { width: 1400, height: 900 } });

const banner = () => page.getByTestId('alert-banner').filter({ hasText: 'T-1003' });
/** The texts of the messages and notifications shown (each is an alert). */
const messages = async () => (await page.getByRole('alert').allTextContents()).join('\n');

describe('switching the language', () => {
  it('raises an alert in Chinese', async () => {
    await expect.poll(() => page.getByRole('heading', { name: '概览' }).isVisible()).toBe(true);
    await page.getByTestId('compliance-import-input').setInputFiles([fixture('compliance', 'tickets.json')]);
    await expect.poll(() => banner().isVisible(), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => banner().textContent()).toContain('工单即将超时：T-1003');
    expect(await banner().textContent()).toContain('投诉须在');
    await closeDialog(page);
  });

  it('re-words the alert already on screen in English', async () => {
    await page.getByRole('combobox', { name: '语言' }).click();
    await option(page, 'English').click();
    await expect.poll(() => page.getByRole('heading', { name: 'Overview' }).isVisible()).toBe(true);
    await expect.poll(() => banner().textContent()).toContain('Ticket about to breach: T-1003');
    expect(await banner().textContent()).toContain('Complaint needs a first response before');
    expect(await banner().textContent()).not.toMatch(/[\u4e00-\u9fff]/);
    expect(await banner().getByRole('button', { name: 'Open' }).count()).toBe(1);
    await screenshot(page, 'language-01-alert-in-english');
    await closeNotifications(page);
  });

  it('says 1 file and 2 files', async () => {
    await page.getByRole('menuitem', { name: 'Listings' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Listing drafts' }).isVisible()).toBe(true);
    await page.getByTestId('import-input').setInputFiles([fixture('listings', 'clean-saas-crm.json')]);
    await expect.poll(messages).toContain('Import finished: 1 file imported (1 listing), 0 files failed.');
    await expect
      .poll(() => page.getByTestId('import-result').first().textContent())
      .toContain('1 listing imported (all added)');
    await page.getByRole('button', { name: 'Close' }).last().click();
    await page
      .getByTestId('import-input')
      .setInputFiles([
        fixture('listings', 'clean-saas-crm.json'),
        fixture('listings', 'violating-image.json'),
      ]);
    await expect.poll(messages).toContain('Import finished: 2 files imported (2 listings), 0 files failed.');
    await page.getByRole('button', { name: 'Close' }).last().click();
  });

  it('exports the check report in English', async () => {
    await page
      .getByRole('button', { name: /^云客通 CRM/ })
      .first()
      .click();
    await expect.poll(() => editorDrawer(page).count()).toBeGreaterThan(0);
    const pending = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export HTML report' }).click();
    const html = fs.readFileSync((await (await pending).path())!, 'utf8');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<h1>Listing self-check report</h1>');
    expect(html).not.toContain('商品自检报告');
    expect(app.pageErrors).toEqual([]);
  });
});
