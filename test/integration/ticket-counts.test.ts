/**
 * ticket_counts (what the overview and the Service page read instead of every ticket) must equal
 * a recount from the tickets table after any mix of writes: bulk imports (which lift the count
 * triggers for their transaction and add the counts up themselves), small imports and saves (the
 * triggers count), sync's direct SQL writes and deletes, an SLA recompute, and a bulk write that
 * fails half-way (its rollback must bring the triggers back).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { complianceConfig } from '../../electron/services/compliance/engines';
import { bundledPolicyPacks } from '../../shared/policy/packs';
import { slaContextOf } from '../../electron/services/compliance/ticket-sla';
import { openStore, type Store } from '../../electron/services/db/database';
import { SettingsRepository } from '../../electron/services/repositories/settings-repository';
import { TicketsRepository } from '../../electron/services/repositories/tickets-repository';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function open(): {
  store: Store;
  tickets: TicketsRepository;
  sla: NonNullable<ReturnType<typeof slaContextOf>>;
} {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vendordesk-counts-'));
  dirs.push(dir);
  const store = openStore({ dataDir: dir });
  const sla = slaContextOf(complianceConfig(new SettingsRepository(store).get(), bundledPolicyPacks()));
  if (!sla) throw new Error('the default settings have SLA rules');
  return { store, tickets: new TicketsRepository(store), sla };
}

const recount = (store: Store) =>
  store.db
    .prepare(
      `SELECT open_day, kind, CASE WHEN staff IS NULL THEN '' ELSE '=' || staff END AS staff_key,
              sum(answered_status IS 'met') AS met, sum(answered_status IS 'breached') AS breached,
              sum(answered_status IS NULL) AS unanswered
         FROM tickets WHERE open_day IS NOT NULL GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    )
    .all();
const stored = (store: Store) =>
  store.db
    .prepare(
      `SELECT open_day, kind, staff_key, met, breached, unanswered FROM ticket_counts
        WHERE met != 0 OR breached != 0 OR unanswered != 0 ORDER BY 1, 2, 3`,
    )
    .all();
const triggerCount = (store: Store) =>
  (
    store.db
      .prepare(
        "SELECT count(*) AS n FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'ticket_counts_%'",
      )
      .get() as { n: number }
  ).n;

const kinds = ['consultation', 'complaint', 'after-sales-email'] as const;
const start = Date.parse('2026-01-05T09:00:00+08:00');
const ticket = (n: number, variant: number) => ({
  id: `T-${n}`,
  kind: kinds[(n + variant) % 3]!,
  openedAt: start + n * 3_600_000 + variant * 60_000,
  firstResponseAt:
    variant % 3 === 0 ? null : start + n * 3_600_000 + variant * 60_000 + (variant % 2) * 7_200_000 + 10_000,
  ...(variant % 4 === 0 ? {} : { staff: `staff-${variant % 3}` }),
});
const provenance = { source: 'import' as const, sourceAt: 1, sourceFile: 'f.json' };

type Op =
  | { op: 'bulk'; from: number; n: number; variant: number }
  | { op: 'small'; from: number; n: number; variant: number }
  | { op: 'bulkRepeats'; from: number; n: number; span: number; variant: number }
  | { op: 'syncInsert'; id: number; variant: number }
  | { op: 'syncDelete'; id: number }
  | { op: 'failingBulk'; from: number; n: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    op: fc.constant('bulk' as const),
    from: fc.nat(60),
    n: fc.integer({ min: 21, max: 60 }),
    variant: fc.nat(11),
  }),
  fc.record({
    op: fc.constant('small' as const),
    from: fc.nat(100),
    n: fc.integer({ min: 1, max: 20 }),
    variant: fc.nat(11),
  }),
  fc.record({
    op: fc.constant('syncInsert' as const),
    id: fc.integer({ min: 100, max: 140 }),
    variant: fc.nat(11),
  }),
  // Ids repeated within one file, over more rows than one write chunk: the last version wins.
  fc.record({
    op: fc.constant('bulkRepeats' as const),
    from: fc.nat(60),
    n: fc.integer({ min: 21, max: 260 }),
    span: fc.integer({ min: 1, max: 120 }),
    variant: fc.nat(11),
  }),
  fc.record({ op: fc.constant('syncDelete' as const), id: fc.nat(140) }),
  fc.record({
    op: fc.constant('failingBulk' as const),
    from: fc.nat(60),
    n: fc.integer({ min: 21, max: 40 }),
  }),
);

describe('ticket_counts', () => {
  it('equals a recount after any mix of bulk, small, sync and failed writes', () => {
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 12 }), (ops) => {
        const { store, tickets, sla } = open();
        for (const o of ops) {
          if (o.op === 'bulk' || o.op === 'small') {
            tickets.upsertMany(
              Array.from({ length: o.n }, (_, i) => ticket(o.from + i, o.variant)),
              provenance,
              sla,
            );
          } else if (o.op === 'bulkRepeats') {
            const rows = Array.from({ length: o.n }, (_, i) => ticket(o.from + (i % o.span), o.variant + i));
            const before = new Set(
              (store.db.prepare('SELECT id FROM tickets').all() as { id: string }[]).map((r) => r.id),
            );
            const counts = tickets.upsertMany(rows, provenance, sla);
            const distinct = new Set(rows.map((r) => r.id));
            const fresh = [...distinct].filter((id) => !before.has(id)).length;
            expect(counts).toEqual({ inserted: fresh, updated: o.n - fresh });
            const last = rows.at(-1)!;
            const storedLast = store.db
              .prepare('SELECT opened_at AS openedAt FROM tickets WHERE id = ?')
              .get(last.id) as { openedAt: number };
            expect(storedLast.openedAt).toBe(last.openedAt);
          } else if (o.op === 'syncInsert') {
            // As the sync engine writes: direct SQL without SLA columns, then a recompute fills them.
            const t = ticket(o.id, o.variant);
            store.db
              .prepare(
                `INSERT INTO tickets (id, id_is_number, kind, opened_at, first_response_at, staff, source, source_at)
                 VALUES (?, 0, ?, ?, ?, ?, 'sync', 1) ON CONFLICT (id) DO NOTHING`,
              )
              .run(t.id, t.kind, t.openedAt, t.firstResponseAt, t.staff ?? null);
            tickets.recomputeSla(sla);
          } else if (o.op === 'syncDelete') {
            store.db.prepare('DELETE FROM tickets WHERE id = ?').run(`T-${o.id}`);
          } else {
            // A numeric id where the same id is stored as text: the file is refused half-way.
            const batch: Parameters<typeof tickets.upsertMany>[0][number][] = Array.from(
              { length: o.n },
              (_, i) => ticket(o.from + i, 1),
            );
            tickets.upsertMany([ticket(o.from, 1)], provenance, sla);
            batch[o.n - 1] = { ...ticket(o.from, 2), id: o.from };
            store.db.prepare('UPDATE tickets SET id = ? WHERE id = ?').run(String(o.from), `T-${o.from}`);
            expect(() => tickets.upsertMany(batch, provenance, sla)).toThrow();
            store.db.prepare('UPDATE tickets SET id = ? WHERE id = ?').run(`T-${o.from}`, String(o.from));
          }
          expect(triggerCount(store)).toBe(4);
          expect(stored(store)).toEqual(recount(store));
        }
        store.close();
      }),
      { numRuns: 40 },
    );
  });

  it('a settings change recomputes every ticket and the counts follow', () => {
    const { store, tickets, sla } = open();
    tickets.upsertMany(
      Array.from({ length: 50 }, (_, i) => ticket(i, i % 12)),
      provenance,
      sla,
    );
    // Another key: every ticket is recomputed (as after a change of service hours).
    const other = { ...sla, key: `${sla.key}-other` };
    while (tickets.recomputeSla(other, 7) > 0);
    expect(triggerCount(store)).toBe(4);
    expect(stored(store)).toEqual(recount(store));
    store.close();
  });
});
