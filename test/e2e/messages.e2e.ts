/**
 * Messages a user can act on (issue 17): a new-violation alert names the violation and where it
 * leaves the year ("本次扣分后累计 24 分：清退"), not "fraud，12 分"; an official-site check that
 * cannot reach the site says so in Chinese and what to do, not "fetch failed: getaddrinfo ENOTFOUND".
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from './support/browser';
import { closeDialog, useApp } from './support/open-app';
import { repoRoot } from './support/host';

const { app, page } = useApp({ now: '2026-09-03T12:00:00+08:00' });

beforeAll(async () => {
  await page.getByRole('heading', { name: '概览' }).waitFor();
});

describe('messages that say what happened and what to do', () => {
  it('a new violation alert names it and its consequence', async () => {
    // Brand misuse in March (12 points), fraud today (12 more): the 24-point line.
    const file = path.join(repoRoot, 'test/fixtures/alerts/violations-24-line.json');
    await page.getByTestId('compliance-import-input').setInputFiles(file);
    await page.getByTestId('compliance-import-result').first().waitFor({ timeout: 60_000 });
    await closeDialog(page);
    const notice = page.getByRole('alert').filter({ hasText: 'V-fraud' });
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
    expect(app.pageErrors).toEqual([]);
  });
});
