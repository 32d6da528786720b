/**
 * Compliance records as data the user keeps (issue 17): a mistaken ticket, ledger entry or
 * violation is deleted from its table and the message's Undo brings it back; several ticked rows
 * go in one delete and come back in one Undo; each kind exports as a formats.md §3–5 file that
 * imports back.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from './support/browser';
import { dataRows, importFiles, useApp } from './support/open-app';
import { callHost, repoRoot } from './support/host';

const fixture = (name: string) => path.join(repoRoot, 'test', 'fixtures', 'compliance', name);

const { app, page } = useApp({ now: '2026-01-06T10:00:00+08:00' });

beforeAll(async () => {
  await page.getByRole('heading', { name: '概览' }).waitFor();
  await importFiles(page, 'compliance-import-input', 'compliance-import-result', [
    fixture('tickets.json'),
    fixture('ledger.json'),
    fixture('violations.json'),
  ]);
});

const tableRows = (testId: string) => dataRows(page.getByTestId(testId));
const undo = () => page.getByTestId('undo-message').getByRole('button', { name: /撤\s*销/ });

async function deleteAndUndo(menu: string, table: string, id: string) {
  await page.getByRole('menuitem', { name: menu }).click();
  await expect.poll(() => tableRows(table).count()).toBeGreaterThan(0);
  const before = await tableRows(table).count();
  await page
    .getByTestId(table)
    .getByRole('button', { name: `删除 ${id}` })
    .click();
  await expect.poll(() => tableRows(table).count()).toBe(before - 1);
  expect(await tableRows(table).filter({ hasText: id }).count()).toBe(0);
  await expect.poll(() => page.getByTestId('undo-message').textContent()).toContain('已删除 1 条');
  await screenshot(page, `compliance-data-${table}-deleted`);
  await undo().click();
  await expect.poll(() => tableRows(table).count()).toBe(before);
  expect(await tableRows(table).filter({ hasText: id }).count()).toBe(1);
}

describe('delete with undo on the compliance pages', () => {
  it('a ticket', async () => {
    await deleteAndUndo('服务时效', 'tickets-table', 'T-1003');
  });
  it('a ledger entry', async () => {
    await deleteAndUndo('保证金', 'ledger-table', 'L-2');
  });
  it('a violation', async () => {
    await deleteAndUndo('违规扣分', 'violations-table', 'V-2');
  });
  it('a deletion that is not undone stays deleted, across a reload', async () => {
    await page.getByTestId('violations-table').getByRole('button', { name: '删除 V-1' }).click();
    await expect.poll(() => tableRows('violations-table').filter({ hasText: 'V-1' }).count()).toBe(0);
    await page.reload();
    await page.getByRole('menuitem', { name: '违规扣分' }).click();
    await expect.poll(() => tableRows('violations-table').count()).toBeGreaterThan(0);
    expect(await tableRows('violations-table').filter({ hasText: 'V-1' }).count()).toBe(0);
  });
});

/** Ticks `ids` by their labelled checkboxes, deletes them in one step, then undoes it. */
async function deleteManyAndUndo(menu: string, kind: string, table: string, ids: string[]) {
  await page.getByRole('menuitem', { name: menu }).click();
  await expect.poll(() => tableRows(table).count()).toBeGreaterThan(ids.length);
  const before = await tableRows(table).count();
  expect(await page.getByTestId(`delete-selected-${kind}`).count()).toBe(0);
  for (const id of ids) await page.getByRole('checkbox', { name: `选择 ${id}` }).check();
  const button = page.getByTestId(`delete-selected-${kind}`);
  await expect.poll(() => button.textContent()).toContain(`删除所选（${ids.length}）`);
  await button.click();
  await expect.poll(() => tableRows(table).count()).toBe(before - ids.length);
  for (const id of ids) expect(await tableRows(table).filter({ hasText: id }).count()).toBe(0);
  await expect
    .poll(() => page.getByTestId('undo-message').textContent())
    .toContain(`已删除 ${ids.length} 条`);
  // Nothing is ticked any more: the button went with the rows.
  expect(await button.count()).toBe(0);
  await screenshot(page, `compliance-data-${table}-deleted-many`);
  await undo().click();
  await expect.poll(() => tableRows(table).count()).toBe(before);
  for (const id of ids) expect(await tableRows(table).filter({ hasText: id }).count()).toBe(1);
  await expect.poll(() => page.getByText(`已恢复 ${ids.length} 条`).isVisible()).toBe(true);
}

describe('bulk delete with undo on the compliance pages', () => {
  it('tickets', async () => {
    await deleteManyAndUndo('服务时效', 'tickets', 'tickets-table', ['T-1001', 'T-1004', 'T-1006']);
  });
  it('ledger entries', async () => {
    await deleteManyAndUndo('保证金', 'ledger', 'ledger-table', ['L-3', 'L-5']);
  });
  it('violations', async () => {
    await deleteManyAndUndo('违规扣分', 'violations', 'violations-table', ['V-2', 'V-4']);
  });
  it('a search clears the ticks, so a delete takes only rows the table shows', async () => {
    await page.getByRole('menuitem', { name: '服务时效' }).click();
    await page.getByRole('checkbox', { name: '选择 T-1002' }).check();
    await expect.poll(() => page.getByTestId('delete-selected-tickets').count()).toBe(1);
    await page.getByRole('searchbox', { name: '搜索工单' }).fill('T-1005');
    await expect.poll(() => tableRows('tickets-table').count()).toBe(1);
    expect(await page.getByTestId('delete-selected-tickets').count()).toBe(0);
    await page.getByRole('searchbox', { name: '搜索工单' }).press('Escape');
    await expect.poll(() => tableRows('tickets-table').filter({ hasText: 'T-1002' }).count()).toBe(1);
    expect(await page.getByRole('checkbox', { name: '选择 T-1002' }).isChecked()).toBe(false);
  });
});

describe('export of compliance data', () => {
  it('each page exports a file of its kind that imports back', async () => {
    for (const [menu, kind, key] of [
      ['服务时效', 'tickets', 'tickets'],
      ['保证金', 'ledger', 'entries'],
      ['违规扣分', 'violations', 'violations'],
    ] as const) {
      await page.getByRole('menuitem', { name: menu }).click();
      const download = page.waitForEvent('download');
      await page.getByTestId(`export-${kind}`).click();
      const file = await download;
      expect(file.suggestedFilename()).toMatch(/^vendordesk-.+-20260106\.json$/);
      const text = fs.readFileSync(await file.path(), 'utf8');
      const rows = (JSON.parse(text) as Record<string, unknown[]>)[key]!;
      expect(rows.length).toBeGreaterThan(0);
      // Importing the export changes nothing: every record is "updated", none added.
      const result = await callHost<{ files: { ok: boolean; inserted: number; updated: number }[] }>(
        app.host.url,
        'compliance.import',
        {
          files: [{ name: file.suggestedFilename(), text }],
        },
      );
      expect(result.value!.files[0]).toMatchObject({ ok: true, inserted: 0, updated: rows.length });
    }
    expect(app.pageErrors).toEqual([]);
  });
});
