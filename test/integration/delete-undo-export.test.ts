/**
 * Issue 17: delete with undo through the real core — listings one or many (their check history
 * comes back with them), tickets, ledger entries, violations — and export of formats.md §3–5
 * files that import back to the same records.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ComplianceSnapshot, ImportFileResult, ListingRecord } from '../../shared/ipc/contract';
import { useTempCore } from '../helpers/temp-core';

const fixture = (name: string) => path.resolve(import.meta.dirname, '../fixtures', name);
const read = (name: string) => fs.readFileSync(fixture(name), 'utf8');

const app = useTempCore({ appVersion: '1', now: () => new Date('2026-01-06T10:00:00+08:00') });
const { call } = app;

/** The snapshot, with the stored tickets and violations read from their tables (the snapshot carries neither). */
const snapshot = async () => {
  const base = await call<ComplianceSnapshot>('compliance.snapshot', {});
  const page = await call<{ rows: Record<string, unknown>[] }>('compliance.tickets', {
    offset: 0,
    limit: 500,
  });
  const tickets = page.rows.map((r) => {
    const {
      deadline: _d,
      deadlineMs: _m,
      status: _s,
      responseSeconds: _r,
      timeLeftSeconds: _t,
      serviceSecondsLeft: _l,
      calendarConfirmed: _c,
      ...ticket
    } = r as Record<string, unknown>;
    return ticket as { id: string | number; sourceAt: string; sourceFile: string | null };
  });
  const violations = (
    await call<{ rows: { id: string | number; sourceAt: string; sourceFile: string | null }[] }>(
      'compliance.violations',
      { offset: 0, limit: 500 },
    )
  ).rows;
  return { ...base, tickets, violations };
};
const importCompliance = (files: { name: string; text: string }[]) =>
  call<{ files: { ok: boolean; inserted: number; updated: number }[] }>('compliance.import', { files });

describe('delete with undo', () => {
  it('deletes several listings and undo brings them back with their check history', async () => {
    const base = JSON.parse(read('listings/clean-saas-crm.json')) as Record<string, unknown>;
    const listings = [1, 2, 3].map((i) => ({ ...base, id: `L-${i}`, title: `商品 ${i}` }));
    const [result] = (
      await call<{ files: ImportFileResult[] }>('listings.import', {
        files: [{ name: 'l.json', text: JSON.stringify({ listings }) }],
      })
    ).files;
    const [a, b] = result!.localIds;
    const before = await call<ListingRecord[]>('listings.list', {});
    const history = await call<unknown[]>('checks.history', { localId: a });
    expect(history).toHaveLength(1);

    const { deleted, undoToken } = await call<{ deleted: number; undoToken: string }>('listings.deleteMany', {
      localIds: [a, b],
    });
    expect(deleted).toBe(2);
    expect(await call<ListingRecord[]>('listings.list', {})).toHaveLength(1);

    expect(await call('app.undoDelete', { undoToken })).toEqual({ restored: 2 });
    expect(await call<ListingRecord[]>('listings.list', {})).toEqual(before);
    expect(await call<unknown[]>('checks.history', { localId: a })).toEqual(history);
    // An undo is used once.
    const again = await app.core.dispatch('app.undoDelete', { undoToken });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error.message).toMatch(/无法撤销.*cannot undo/);
  });

  it('deletes tickets, ledger entries and violations, and undoes each', async () => {
    await importCompliance([
      { name: 'tickets.json', text: read('compliance/tickets.json') },
      { name: 'ledger.json', text: read('compliance/ledger.json') },
      { name: 'violations.json', text: read('compliance/violations.json') },
    ]);
    // Observed through the export (the snapshot's shape is about to change to aggregates).
    const exported = () =>
      Promise.all(
        (['tickets', 'ledger', 'violations'] as const).map((kind) =>
          call<{ text: string; count: number }>('compliance.export', { kind }),
        ),
      );
    const counts = async () => (await exported()).map((f) => f.count);
    const full = await snapshot();
    const fullFiles = await exported();
    const [tickets, ledger, violations] = await counts();

    const t = await call<{ deleted: number; undoToken: string }>('compliance.delete', {
      kind: 'tickets',
      ids: ['T-1001', 'T-1002'],
    });
    const l = await call<{ deleted: number; undoToken: string }>('compliance.delete', {
      kind: 'ledger',
      ids: ['L-2'],
    });
    const v = await call<{ deleted: number; undoToken: string }>('compliance.delete', {
      kind: 'violations',
      ids: ['V-2'],
    });
    expect([t.deleted, l.deleted, v.deleted]).toEqual([2, 1, 1]);
    const after = await snapshot();
    expect(await counts()).toEqual([tickets! - 2, ledger! - 1, violations! - 1]);
    expect((await exported())[0]!.text).not.toContain('T-1001');
    // The engines see the deletion: the deduction is gone from the balance.
    expect(after.deposit).not.toEqual(full.deposit);

    for (const token of [t.undoToken, l.undoToken, v.undoToken])
      await call('app.undoDelete', { undoToken: token });
    const restored = await snapshot();
    expect((await exported()).map((f) => f.text)).toEqual(fullFiles.map((f) => f.text));
    expect(restored.deposit).toEqual(full.deposit);
    expect(restored.points).toEqual(full.points);
  });

  it('an undo after the id was imported again restores nothing and says why', async () => {
    await importCompliance([{ name: 'tickets.json', text: read('compliance/tickets.json') }]);
    const { undoToken } = await call<{ undoToken: string }>('compliance.delete', {
      kind: 'tickets',
      ids: ['T-1001'],
    });
    await importCompliance([{ name: 'tickets.json', text: read('compliance/tickets.json') }]);
    const result = await app.core.dispatch('app.undoDelete', { undoToken });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ code: 'conflict' });
  });
});

describe('export of compliance data', () => {
  it('writes §3–5 files that import back to the same records', async () => {
    await importCompliance([
      { name: 'tickets.json', text: read('compliance/tickets.json') },
      { name: 'ledger.json', text: read('compliance/ledger.json') },
      { name: 'violations.json', text: read('compliance/violations.json') },
    ]);
    const full = await snapshot();
    const files = await Promise.all(
      (['tickets', 'ledger', 'violations'] as const).map((kind) =>
        call<{ fileName: string; text: string; count: number }>('compliance.export', { kind }),
      ),
    );
    expect(files.map((f) => f.fileName)).toEqual([
      'vendordesk-tickets-20260106.json',
      'vendordesk-deposit-ledger-20260106.json',
      'vendordesk-violations-20260106.json',
    ]);
    expect(files.map((f) => f.count)).toEqual([
      full.tickets.length,
      full.ledger!.entries.length,
      full.violations.length,
    ]);
    expect(
      (JSON.parse(files[0]!.text) as { tickets: { id: string }[] }).tickets.find((x) => x.id === 'T-1001'),
    ).toEqual({
      id: 'T-1001',
      kind: 'consultation',
      openedAt: '2026-01-05T09:10:00+08:00',
      firstResponseAt: '2026-01-05T09:10:20+08:00',
      staff: '王芳',
    });

    // Into an empty app: the same records and the same results.
    app.fresh();
    const imported = await importCompliance(files.map((f) => ({ name: f.fileName, text: f.text })));
    expect(imported.files.every((f) => f.ok)).toBe(true);
    const again = await snapshot();
    const strip = <T extends { sourceAt: string; sourceFile: string | null }>(rows: T[]) =>
      rows.map(({ sourceAt: _a, sourceFile: _f, ...rest }) => rest);
    expect(strip(again.tickets)).toEqual(strip(full.tickets));
    expect(strip(again.ledger!.entries)).toEqual(strip(full.ledger!.entries));
    expect(again.ledger!.required).toBe(full.ledger!.required);
    expect(strip(again.violations)).toEqual(strip(full.violations));
    expect(again.deposit).toEqual(full.deposit);
    expect(again.sla).toEqual(full.sla);
  });
});
