/**
 * Issue 11: an import checks what it stores (the summary lands in the listing's row), reports
 * progress, can be cancelled between committed batches, and lets other requests through.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ResponseOf } from '../../shared/ipc/contract';
import { useTempCore } from '../helpers/temp-core';

const base = JSON.parse(
  fs.readFileSync(path.resolve(import.meta.dirname, '../fixtures/listings/clean-saas-crm.json'), 'utf8'),
) as Record<string, unknown>;
const file = (n: number, prefix = 'L') => ({
  name: `${prefix}.json`,
  text: JSON.stringify({
    listings: Array.from({ length: n }, (_, i) => ({
      ...base,
      id: `${prefix}-${i}`,
      title: `商品 ${prefix} ${i}`,
    })),
  }),
});

let events: { name: string; payload: Record<string, unknown> }[];

const app = useTempCore({
  appVersion: '1',
  core: { emit: (name, payload) => events.push({ name, payload: payload as Record<string, unknown> }) },
});
beforeEach(() => {
  events = [];
});

const count = (sql: string) => (app.core.store.db.prepare(sql).get() as { n: number }).n;

describe('listings import at scale', () => {
  it('checks what it stores, reports progress, and the list then checks nothing', async () => {
    const result = await app.core.dispatch('listings.import', { files: [file(1500)], operationId: 'imp-1' });
    expect(result.ok).toBe(true);
    const [imported] = (result as { value: ResponseOf<'listings.import'> }).value.files;
    expect(imported).toMatchObject({ ok: true, imported: 1500 });
    expect(
      count('SELECT count(*) AS n FROM listings WHERE check_revision = revision AND blockers IS NOT NULL'),
    ).toBe(1500);
    const progress = events.filter((e) => e.name === 'progress').map((e) => e.payload);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)).toMatchObject({
      operationId: 'imp-1',
      channel: 'listings.import',
      done: 1500,
      total: 1500,
      finished: 'ok',
    });
    const dones = progress.map((p) => p.done as number);
    expect([...dones].sort((a, b) => a - b)).toEqual(dones); // never backwards

    const runsBefore = count('SELECT count(*) AS n FROM check_runs');
    const summary = await app.core.dispatch('checks.summary', {});
    expect(summary.ok && (summary.value as unknown[]).length).toBe(1500);
    expect(count('SELECT count(*) AS n FROM check_runs')).toBe(runsBefore);
  });

  it('stops on app.cancel after its last committed batch and says how many it kept', async () => {
    const running = app.core.dispatch('listings.import', {
      files: [file(3000, 'C'), file(10, 'D')],
      operationId: 'imp-2',
    });
    // Cancel as soon as the first batch is reported.
    while (!events.some((e) => e.name === 'progress' && (e.payload.done as number) > 0))
      await new Promise((r) => setImmediate(r));
    expect(await app.core.dispatch('app.cancel', { operationId: 'imp-2' })).toEqual({
      ok: true,
      value: { cancelled: true },
    });
    const result = await running;
    expect(result.ok).toBe(true);
    const [first, second] = (result as { value: ResponseOf<'listings.import'> }).value.files;
    expect(first).toMatchObject({ ok: false, cancelled: true });
    expect(first!.imported).toBeGreaterThan(0);
    expect(first!.imported).toBeLessThan(3000);
    expect(second).toMatchObject({ ok: false, cancelled: true, imported: 0 });
    expect(count('SELECT count(*) AS n FROM listings')).toBe(first!.imported);
    expect(events.filter((e) => e.name === 'progress').at(-1)?.payload).toMatchObject({
      finished: 'cancelled',
    });
    // Nothing left to cancel.
    expect(await app.core.dispatch('app.cancel', { operationId: 'imp-2' })).toEqual({
      ok: true,
      value: { cancelled: false },
    });
  });

  it('answers other requests while a big import runs', async () => {
    let importDone = false;
    const running = app.core.dispatch('listings.import', { files: [file(3000, 'B')] }).then((r) => {
      importDone = true;
      return r;
    });
    await new Promise((r) => setImmediate(r));
    const status = await app.core.dispatch('app.status', {});
    expect(status.ok).toBe(true);
    expect(importDone).toBe(false);
    expect((await running).ok).toBe(true);
  });
});
