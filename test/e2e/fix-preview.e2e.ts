/**
 * Well-formed fixes in the browser (issue 17 item 5): each fix shows a before/after excerpt of its
 * sentence under the finding; applying it (from the keyboard) leaves the sentence reading right —
 * the scope word and the shared 、 go with 唯一, a clause that only pointed at a link goes whole —
 * and undo restores the text. Axe stays clean with the previews shown.
 */
import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { beforeAll, describe, expect, it } from 'vitest';
import { editorDrawer, useApp } from './support/open-app';
import { repoRoot } from './support/host';

const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000, interval: 50 });

const TITLE = '云数据库运维服务';
const SENTENCE = '<p>本产品国内唯一、全网最低价的数据库服务，欢迎选购。</p>';
const POINTER = '<p>安装文档详情见 www.example-vendor.cn/docs 。</p>';

const { app, page } = useApp({ viewport: { width: 1600, height: 1000 } });
const drawer = () => editorDrawer(page);
const findings = () => drawer().getByTestId('finding');
const editorText = (label: string) =>
  page
    .getByLabel(label)
    .evaluate((el) => [...el.querySelectorAll('.cm-line')].map((l) => l.textContent).join('\n'));
const description = () => editorText('详情（纯文本或 HTML）');

beforeAll(async () => {
  const base = JSON.parse(
    fs.readFileSync(path.join(repoRoot, 'test/fixtures/listings/violating-image.json'), 'utf8'),
  );
  const file = path.join(app.dir, 'fix-preview.json');
  fs.writeFileSync(
    file,
    JSON.stringify({ ...base, id: 'FIX-1', title: TITLE, description: `${SENTENCE}\n${POINTER}` }),
  );
  const item = page.getByRole('menuitem', { name: /(^|\s)(商品|Listings)$/ });
  await item.first().waitFor({ timeout: 30_000 });
  await item.first().click();
  await page.getByRole('heading', { name: '商品草稿' }).waitFor({ timeout: 30_000 });
  await page.getByTestId('import-input').setInputFiles([file]);
  await page.getByTestId('import-result').waitFor({ timeout: 60_000 });
  await page.getByRole('button', { name: '关闭' }).last().click();
  await page
    .getByTestId('listing-row')
    .filter({ hasText: TITLE })
    .getByRole('button', { name: TITLE, exact: true })
    .click();
  await findings().nth(2).waitFor({ timeout: 30_000 });
}, 120_000);

describe('fix preview', () => {
  it('shows the sentence before and after, applies the fix from the keyboard, undo restores it', async () => {
    const unique = findings().filter({ hasText: '唯一' }).first();
    const preview = unique.getByTestId('fix-preview');
    await poll(() => preview.count()).toBe(1);
    expect(await preview.getByTestId('fix-preview-before').textContent()).toContain(
      '本产品国内唯一、全网最低价的数据库服务',
    );
    // The removed part is struck through as an element (<del>), not marked by colour alone.
    expect(await preview.locator('del').allTextContents()).toEqual(['国内唯一、']);
    expect(await preview.getByTestId('fix-preview-after').textContent()).toContain(
      '本产品全网最低价的数据库服务，欢迎选购。',
    );
    const button = unique.getByTestId('fix');
    expect(await button.getAttribute('aria-describedby')).toBe(await preview.getAttribute('id'));

    const axe = await new AxeBuilder({ page }).include('[role="dialog"]').analyze();
    expect(
      axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
    ).toEqual([]);

    await button.focus();
    await page.keyboard.press('Enter');
    await poll(description).toContain('<p>本产品全网最低价的数据库服务，欢迎选购。</p>');
    expect(await description()).not.toContain('、');
    await drawer().getByRole('button', { name: '撤销修复' }).click();
    await poll(description).toContain(SENTENCE);
  });

  it('a link fix drops the clause that only pointed at it; fix all merges the list items', async () => {
    const link = findings().filter({ hasText: 'example-vendor' }).first();
    await poll(() => link.getByTestId('fix-preview').count()).toBe(1);
    expect((await link.locator('del').allTextContents()).join('')).toContain(
      '详情见 www.example-vendor.cn/docs',
    );
    const after = await link.getByTestId('fix-preview-after').textContent();
    expect(after).not.toContain('详情见');
    await link.getByTestId('fix').click();
    await poll(description).toBe(SENTENCE);

    await drawer()
      .getByTestId('rule-group-superlative')
      .getByRole('button', { name: /全部修复/ })
      .click();
    await poll(description).toBe('<p>本产品数据库服务，欢迎选购。</p>');
    await drawer().getByRole('button', { name: '撤销修复' }).click();
    await poll(description).toBe(SENTENCE);
    expect(app.pageErrors).toEqual([]);
  });
});
