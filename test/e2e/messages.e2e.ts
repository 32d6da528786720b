/**
 * Messages a user can act on (issue 17): a new-violation alert names the violation and where it
 * leaves the year ("本次扣分后累计 24 分：清退"), not "fraud，12 分"; an official-site check that
 * cannot reach the site says so in Chinese and what to do, not "fetch failed: getaddrinfo ENOTFOUND".
 */
import fs from 'node:fs';
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
  host = await startHost(path.join(tmp.dir, 'data'), { VENDORDESK_FAKE_NOW: '2026-09-03T12:00:00+08:00' });
  page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  pageErrors = collectPageErrors(page);
  await page.goto(host.url);
  await page.getByRole('heading', { name: '概览' }).waitFor();
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  tmp?.cleanup();
});

describe('messages that say what happened and what to do', () => {
  it('a new violation alert names it and its consequence', async () => {
    const file = path.join(tmp.dir, 'violations.json');
    fs.writeFileSync(
      file,
      JSON.stringify({
        violations: [
          {
            id: 'V-brand',
            code: 'brand-misuse',
            occurredAt: '2026-03-01T10:00:00+08:00',
            decidedAt: '2026-03-05T10:00:00+08:00',
          },
          {
            id: 'V-fraud',
            code: 'fraud',
            occurredAt: '2026-09-01T10:00:00+08:00',
            decidedAt: '2026-09-03T10:00:00+08:00',
          },
        ],
      }),
    );
    await page.getByTestId('compliance-import-input').setInputFiles(file);
    await page.getByTestId('compliance-import-result').first().waitFor({ timeout: 60_000 });
    await page
      .getByRole('button', { name: /关\s*闭/ })
      .last()
      .click();
    const notice = page.locator('.ant-notification-notice', { hasText: 'V-fraud' });
    await expect
      .poll(() => notice.textContent(), { timeout: 15_000 })
      .toContain('本次扣分后累计 24 分：清退');
    const text = (await notice.textContent()) ?? '';
    expect(text).not.toMatch(/fraud，|fraud\)|，12 分。/);
    expect(text).toContain('冻结服务 15 天');
    await screenshot(page, 'messages-01-violation-alert');
  });

  it('an official-site check without network says what to do', async () => {
    await page.getByRole('menuitem', { name: '商品' }).click();
    await page.getByRole('button', { name: '新建商品' }).click();
    await page
      .getByLabel('官网商品页地址（第十条(六)）')
      .fill('https://www.crm-vendor-example.invalid/product');
    await page.getByTestId('official-site').getByRole('button').first().click();
    const error = page.getByTestId('official-site-error');
    await expect.poll(() => error.textContent(), { timeout: 30_000 }).toContain('找不到这个网站');
    expect(await error.textContent()).toContain('请检查地址拼写');
    await screenshot(page, 'messages-02-official-site-offline');
    expect(pageErrors).toEqual([]);
  });
});
