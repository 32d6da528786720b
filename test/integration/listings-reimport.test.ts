/**
 * Issue 17: importing a listing file again updates the listings it names by `id` (same local id,
 * next revision, a new check run) instead of adding second copies, and says how many were added and
 * how many updated; listings without an `id` are always added.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportFileResult, ListingRecord } from '../../shared/ipc/contract';
import { useTempCore } from '../helpers/temp-core';

const base = JSON.parse(
  fs.readFileSync(path.resolve(import.meta.dirname, '../fixtures/listings/clean-saas-crm.json'), 'utf8'),
) as Record<string, unknown>;

const app = useTempCore({ appVersion: '1' });
const { call } = app;

const importFile = async (name: string, listings: Record<string, unknown>[]) =>
  (
    await call<{ files: ImportFileResult[] }>('listings.import', {
      files: [{ name, text: JSON.stringify({ listings }) }],
    })
  ).files[0]!;
const list = () => call<ListingRecord[]>('listings.list', {});

describe('re-importing listings by id', () => {
  it('updates the listing with the same id and reports added / updated', async () => {
    const first = await importFile('a.json', [
      { ...base, id: 'crm-1', title: '云客通 CRM（旧标题）' },
      { ...base, id: undefined, title: '无编号的商品' },
    ]);
    expect(first).toMatchObject({ ok: true, imported: 2, added: 2, updated: 0 });
    const [before] = (await list()).filter((r) => r.listing.id === 'crm-1');

    const second = await importFile('a.json', [
      { ...base, id: 'crm-1', title: '云客通 CRM（新标题）' },
      { ...base, id: 'crm-2', title: '另一个商品' },
      { ...base, id: undefined, title: '无编号的商品' },
    ]);
    expect(second).toMatchObject({ ok: true, imported: 3, added: 2, updated: 1 });
    const records = await list();
    expect(records).toHaveLength(4); // crm-1 once, crm-2, and the two listings without an id
    const crm1 = records.filter((r) => r.listing.id === 'crm-1');
    expect(crm1).toHaveLength(1);
    expect(crm1[0]).toMatchObject({ localId: before!.localId, revision: before!.revision + 1 });
    expect(crm1[0]!.listing.title).toBe('云客通 CRM（新标题）');
    // The update was checked like any save: the list shows the new revision's summary.
    const history = await call<unknown[]>('checks.history', { localId: before!.localId });
    expect(history).toHaveLength(2);
    const summary = (
      await call<{ localId: string; title: string; check: { revision: number } | null }[]>(
        'checks.summary',
        {},
      )
    ).find((s) => s.localId === before!.localId);
    expect(summary).toMatchObject({ title: '云客通 CRM（新标题）' });
  });

  it('a file naming one id twice stores one listing (the later one wins)', async () => {
    const result = await importFile('twice.json', [
      { ...base, id: 'dup', title: '第一次' },
      { ...base, id: 'dup', title: '第二次' },
    ]);
    expect(result).toMatchObject({ ok: true, added: 1, updated: 1 });
    const records = await list();
    expect(records).toHaveLength(1);
    expect(records[0]!.listing.title).toBe('第二次');
  });

  it('a large file updates by id in its time-sliced batches as well', async () => {
    const many = (title: string) =>
      Array.from({ length: 1200 }, (_, i) => ({ ...base, id: `bulk-${i}`, title: `${title} ${i}` }));
    expect(await importFile('bulk.json', many('旧'))).toMatchObject({ ok: true, added: 1200, updated: 0 });
    expect(await importFile('bulk.json', many('新'))).toMatchObject({ ok: true, added: 0, updated: 1200 });
    const records = await list();
    expect(records).toHaveLength(1200);
    expect(records.every((r) => r.listing.title.startsWith('新 '))).toBe(true);
  });
});
