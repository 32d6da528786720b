/**
 * Compliance records as data the user keeps (issue 17): a mistaken ticket, ledger entry or
 * violation is deleted from its table and the message's Undo brings it back; each kind exports as
 * a formats.md §3–5 file that imports back.
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
