/**
 * Issue 17: imports of any realistic size, as a vendor does them in Chromium — one 13 MB file of
 * 10,000 listings and one file of 50,000 tickets through the pages' import buttons (uploaded, not
 * read into the page), each with its progress and the one results dialog; and a cancelled import
 * that says what it kept. The files are generated here, never committed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatedListing, generatedTicket, writeRecordsFile } from '../helpers/import-files';
import { screenshot } from './support/browser';
import { closeDialog, useApp } from './support/open-app';

const { app, page } = useApp({ now: '2026-01-05T10:00:00+08:00' });

const progress = () => page.getByTestId('import-progress');

describe('big imports through the UI', () => {
  it('a 13 MB file of 10,000 listings: progress, then the results dialog, then the table', async () => {
    const file = path.join(app.dir, 'listings-10k.json');
    const bytes = await writeRecordsFile(file, 'listings', 10_000, (i) => generatedListing(i, 'BIG'));
    expect(bytes).toBeGreaterThan(13e6);
    await page.getByRole('menuitem', { name: '商品' }).click();
    await page.getByTestId('import-input').setInputFiles([file]);
    await expect.poll(() => progress().isVisible(), { timeout: 30_000 }).toBe(true);
    await expect
      .poll(() => progress().textContent(), { timeout: 60_000 })
      .toMatch(/正在保存第 1 \/ 1 个文件：\d+ \/ 10000 条记录/);
    await screenshot(page, 'big-imports-01-listings-progress');
    const result = page.getByTestId('import-result');
    await result.waitFor({ timeout: 120_000 });
    expect(await result.textContent()).toContain('listings-10k.json');
    expect(await result.textContent()).toMatch(/10000|10,000/);
    expect(await page.getByRole('dialog').textContent()).toContain('1 个文件已完整导入，0 个文件未导入');
    await screenshot(page, 'big-imports-02-listings-result');
    await closeDialog(page);
    await expect.poll(() => page.getByTestId('shown-count').textContent()).toBe('显示 10000 / 10000 个');
    expect(await progress().count()).toBe(0);
  }, 240_000);

  it('a file of 50,000 tickets on the Service page: progress, then the results dialog', async () => {
    const file = path.join(app.dir, 'tickets-50k.json');
    await writeRecordsFile(file, 'tickets', 50_000, (k) => generatedTicket(k));
    await page.getByRole('menuitem', { name: '服务时效' }).click();
    await page.getByTestId('compliance-import-input').setInputFiles([file]);
    await expect.poll(() => progress().isVisible(), { timeout: 30_000 }).toBe(true);
    await expect
      .poll(() => progress().textContent(), { timeout: 60_000 })
      .toMatch(/正在(检查|保存)第 1 \/ 1 个文件/);
    const result = page.getByTestId('compliance-import-result');
    await result.waitFor({ timeout: 120_000 });
    expect(await result.textContent()).toContain('新增 50000 条，更新 0 条');
    await screenshot(page, 'big-imports-03-tickets-result');
    await closeDialog(page);
    expect(app.pageErrors).toEqual([]);
  }, 240_000);

  it('cancel: the result says how many records were kept, and that is what the table has', async () => {
    const file = path.join(app.dir, 'listings-cancel.json');
    await writeRecordsFile(file, 'listings', 10_000, (i) => generatedListing(i, 'CXL'));
    await page.getByRole('menuitem', { name: '商品' }).click();
    await page.getByTestId('import-input').setInputFiles([file]);
    await expect.poll(() => progress().textContent(), { timeout: 60_000 }).toMatch(/正在保存/);
    await page.getByTestId('import-cancel').click();
    const result = page.getByTestId('import-result');
    await result.waitFor({ timeout: 60_000 });
    const text = (await result.textContent()) ?? '';
    const kept = Number(/已取消：已保存前 (\d+) 条记录/.exec(text)?.[1]);
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(10_000);
    await screenshot(page, 'big-imports-04-cancelled');
    await closeDialog(page);
    await expect
      .poll(() => page.getByTestId('shown-count').textContent())
      .toBe(`显示 ${10_000 + kept} / ${10_000 + kept} 个`);
    fs.rmSync(file);
    expect(app.pageErrors).toEqual([]);
  }, 240_000);
});
