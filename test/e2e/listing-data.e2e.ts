/**
 * Listings as data the user keeps (issue 17): importing a file again updates the listings it names
 * by `id` and says so (added / updated) instead of doubling them; one listing or a selection is
 * deleted at once and the message's Undo brings them back.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from './support/browser';
import { closeDialog, useApp } from './support/open-app';
import { repoRoot } from './support/host';

const base = JSON.parse(
  fs.readFileSync(path.join(repoRoot, 'test/fixtures/listings/clean-saas-crm.json'), 'utf8'),
) as Record<string, unknown>;

const { app, page } = useApp();

beforeAll(async () => {
  await page.getByRole('menuitem', { name: '商品' }).click();
  await page.getByRole('heading', { name: '商品草稿' }).waitFor();
});

const rows = () => page.getByTestId('listing-row');
const row = (title: string) => rows().filter({ hasText: title });
const writeFile = (name: string, listings: Record<string, unknown>[]) => {
  const file = path.join(app.dir, name);
  fs.writeFileSync(file, JSON.stringify({ listings }, null, 2));
  return file;
};
const closeResults = () => closeDialog(page);

describe('listing files imported again', () => {
  it('the same id updates the listing instead of adding a second one', async () => {
    const file = writeFile('crm.json', [
      { ...base, id: 'crm-std', title: '云客通 CRM（标准版）' },
      { ...base, id: 'crm-pro', title: '云客通 CRM（专业版）' },
    ]);
    await page.getByTestId('import-input').setInputFiles(file);
    await expect
      .poll(() => page.getByTestId('import-result').textContent())
      .toContain('已导入 2 个商品（均为新增）');
    await closeResults();
    await expect.poll(() => rows().count()).toBe(2);

    // The vendor fixes a title in the file and imports it again, with one new listing.
    const again = writeFile('crm.json', [
      { ...base, id: 'crm-std', title: '云客通 CRM（标准版，2027 新价）' },
      { ...base, id: 'crm-pro', title: '云客通 CRM（专业版）' },
      { ...base, id: 'crm-ent', title: '云客通 CRM（企业版）' },
    ]);
    await page.getByTestId('import-input').setInputFiles(again);
    await expect
      .poll(() => page.getByTestId('import-result').textContent())
      .toContain('已导入 3 个商品：新增 1 个，按编号（id）更新已有的 2 个');
    await screenshot(page, 'listing-data-01-reimport-result');
    await closeResults();
    await expect.poll(() => rows().count()).toBe(3);
    expect(await row('2027 新价').count()).toBe(1);
    expect(await row('云客通 CRM（标准版）').count()).toBe(0);
    expect(app.pageErrors).toEqual([]);
  });

  it('deletes one listing at once, and Undo brings it back', async () => {
    await row('企业版').getByRole('button', { name: /删除/ }).click();
    await expect.poll(() => rows().count()).toBe(2);
    const undo = page.getByTestId('undo-message');
    await expect.poll(() => undo.textContent()).toContain('已删除 1 条');
    await screenshot(page, 'listing-data-02-deleted-undo');
    await undo.getByRole('button', { name: /撤\s*销/ }).click();
    await expect.poll(() => rows().count()).toBe(3);
    await expect.poll(() => page.getByText('已恢复 1 条').isVisible()).toBe(true);
  });

  it('deletes a selection, and Undo restores all of it', async () => {
    await row('专业版').getByRole('checkbox').check();
    await row('企业版').getByRole('checkbox').check();
    await page.getByTestId('delete-selected').click();
    await expect.poll(() => rows().count()).toBe(1);
    expect(await row('2027 新价').count()).toBe(1);
    expect(await page.getByTestId('delete-selected').count()).toBe(0); // nothing selected any more
    await page
      .getByTestId('undo-message')
      .getByRole('button', { name: /撤\s*销/ })
      .click();
    await expect.poll(() => rows().count()).toBe(3);
    // The restored listing is whole: it opens with its check history.
    await row('企业版').getByRole('button', { name: '云客通 CRM（企业版）', exact: true }).click();
    await expect.poll(() => page.getByLabel('商品标题').inputValue()).toBe('云客通 CRM（企业版）');
    expect(app.pageErrors).toEqual([]);
  });
});
