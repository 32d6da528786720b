/**
 * TicketsRepository.upsertMany in bulk (an import batch): new ids are inserted without being
 * looked up first, and only a chunk that met stored or repeated ids looks them up and writes
 * them again as updates. Whatever the mix — new ids, stored ones, ids repeated within the write
 * and across its chunks, text and number ids — every id must end up as its last version in the
 * write, the inserted/updated counts must say which ids were new, and ticket_counts must equal a
 * recount.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { complianceConfig } from '../../electron/services/compliance/engines';
import { slaContextOf } from '../../electron/services/compliance/ticket-sla';
import { openStore } from '../../electron/services/db/database';
import { SettingsRepository } from '../../electron/services/repositories/settings-repository';
import { TicketsRepository } from '../../electron/services/repositories/tickets-repository';
import { bundledPolicyPacks } from '../../shared/policy/packs';
import type { Ticket } from '../../shared/sla/schema';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const kinds = ['consultation', 'complaint', 'after-sales-email'] as const;
const start = Date.parse('2026-01-05T09:00:00+08:00');

/** Ticket `n` (ids below 150 are text, the others numbers) in version `v`. */
const ticket = (n: number, v: number): Ticket => ({
  id: n < 150 ? `T-${n}` : n,
  kind: kinds[(n + v) % 3]!,
  openedAt: start + n * 600_000 + v * 1000,
  firstResponseAt: v % 3 === 0 ? null : start + n * 600_000 + v * 1000 + (v % 2) * 7_200_000 + 5000,
  ...(v % 4 === 0 ? {} : { staff: `staff-${v % 5}` }),
  ...(v % 5 === 0 ? { channel: `c${v}` } : {}),
});

const recount = (db: ReturnType<typeof openStore>['db']) =>
  db
    .prepare(
      `SELECT open_day, kind, CASE WHEN staff IS NULL THEN '' ELSE '=' || staff END AS staff_key,
              sum(answered_status IS 'met') AS met, sum(answered_status IS 'breached') AS breached,
              sum(answered_status IS NULL) AS unanswered
         FROM tickets WHERE open_day IS NOT NULL GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    )
    .all();
const counted = (db: ReturnType<typeof openStore>['db']) =>
  db
    .prepare(
      `SELECT open_day, kind, staff_key, met, breached, unanswered FROM ticket_counts
        WHERE met != 0 OR breached != 0 OR unanswered != 0 ORDER BY 1, 2, 3`,
    )
    .all();

/** One write: `n` tickets drawn from ids [from, from + span), each a new version. */
const writeArb = fc.record({
  from: fc.nat(250),
  span: fc.integer({ min: 1, max: 400 }),
  n: fc.integer({ min: 21, max: 450 }),
  seed: fc.nat(1000),
});

describe('tickets bulk write', () => {
  it('stores each id as its last version, counts new and updated ids, keeps ticket_counts', () => {
    fc.assert(
      fc.property(fc.array(writeArb, { minLength: 1, maxLength: 6 }), (writes) => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vendordesk-bulk-'));
        dirs.push(dir);
        const store = openStore({ dataDir: dir });
        const sla = slaContextOf(
          complianceConfig(new SettingsRepository(store).get(), bundledPolicyPacks()),
        )!;
        const repo = new TicketsRepository(store);
        const model = new Map<string, Ticket>();
        let version = 0;
        for (const w of writes) {
          // A pseudo-random walk over the span: repeats within the write, in and out of order.
          const batch = Array.from({ length: w.n }, (_, i) =>
            ticket(w.from + ((i * 7919 + w.seed * 31) % w.span), ++version),
          );
          const fresh = new Set(batch.map((t) => String(t.id)).filter((id) => !model.has(id))).size;
          const counts = repo.upsertMany(
            batch,
            { source: 'import', sourceAt: version, sourceFile: 'f' },
            sla,
          );
          expect(counts).toEqual({ inserted: fresh, updated: w.n - fresh });
          for (const t of batch) model.set(String(t.id), t);
          const rows = new Map(
            repo.list().map((t) => [String(t.id), { id: t.id, kind: t.kind, openedAt: t.openedAt }]),
          );
          expect(rows.size).toBe(model.size);
          for (const [id, t] of model) {
            expect(rows.get(id)).toEqual({ id: t.id, kind: t.kind, openedAt: t.openedAt });
            const stored = repo.get(t.id)!;
            expect(stored.firstResponseAt).toBe(t.firstResponseAt);
            expect(stored.staff).toBe(t.staff);
          }
          expect(counted(store.db)).toEqual(recount(store.db));
        }
        // The extra field of the last version is kept too.
        const withExtra = [...model.values()].find((t) => 'channel' in t);
        if (withExtra) {
          const row = store.db
            .prepare('SELECT extra_json FROM tickets WHERE id = ?')
            .get(String(withExtra.id)) as {
            extra_json: string;
          };
          expect(JSON.parse(row.extra_json)).toEqual({ channel: withExtra.channel });
        }
        store.close();
      }),
      { numRuns: 40 },
    );
  });

  it('refuses an incoming id whose stored twin has the other type, storing nothing of the batch', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vendordesk-bulk-'));
    dirs.push(dir);
    const store = openStore({ dataDir: dir });
    const repo = new TicketsRepository(store);
    const provenance = { source: 'import' as const, sourceAt: 1, sourceFile: 'f' };
    repo.upsertMany([{ ...ticket(1, 1), id: 7 }], provenance, null);
    const batch = Array.from({ length: 150 }, (_, i) => ticket(10 + i, 2));
    batch[120] = { ...ticket(7, 2), id: '7' };
    expect(() => repo.upsertMany(batch, provenance, null)).toThrow(/tickets\[120\]\.id/);
    expect(repo.count()).toBe(1);
    expect(repo.get(7)!.id).toBe(7);
    store.close();
  });
});
