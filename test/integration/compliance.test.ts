/**
 * Issue 7 through the real core (SQLite on a temp dir, the dispatcher, the handlers): import of
 * §3–5 files, re-import updates, bad files lose nothing, manual entry, appeals, what-if, and the
 * overview numbers equal what `vendordesk sla|deposit|points` prints for the same files.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run as runDeposit } from '../../cli/commands/deposit';
import { run as runPoints } from '../../cli/commands/points';
import { run as runSla } from '../../cli/commands/sla';
import type { CliIO } from '../../cli/io';
import { createAppCore, type AppCore } from '../../electron/services/app-core';
import { eventContract, parseEvent } from '../../shared/ipc/events';
import type { DesktopNotification } from '../../electron/services/platform';
import { createNodePlatform } from '../../electron/web/platform-node';
import { SNAPSHOT_COUNTED, type ResponseOf, type ComplianceSnapshot } from '../../shared/ipc/contract';
import { tempDir } from '../helpers/temp-dir';

const fixtures = path.resolve(import.meta.dirname, '..', 'fixtures', 'compliance');
const file = (name: string) => ({ name, text: fs.readFileSync(path.join(fixtures, name), 'utf8') });
const AT = '2026-01-05T10:00:00+08:00';

let tmp: ReturnType<typeof tempDir>;
let core: AppCore;
let clock: number;
let notified: DesktopNotification[];
let events: { name: string; payload: unknown }[] = [];

function openCore(): AppCore {
  return createAppCore({
    platform: createNodePlatform({
      userDataDir: tmp.dir,
      appVersion: '9.9.9',
      now: () => new Date(clock),
      onNotify: (n) => notified.push(n),
    }),
    mode: 'browser',
    alertIntervalMs: 0,
    log: () => undefined,
    emit: (name, payload) => events.push({ name, payload }),
  });
}

/** The stored violations with their penalties (the table's rows; the snapshot carries only their count). */
const violationRows = async () =>
  (await call<ResponseOf<'compliance.violations'>>('compliance.violations', { offset: 0, limit: 500 })).rows;

async function call<T = unknown>(channel: string, payload: unknown): Promise<T> {
  const result = await core.dispatch(channel, payload);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

async function cli(run: typeof runSla, args: string[]): Promise<unknown> {
  let out = '';
  const io: CliIO = {
    stdout: { write: (s: string) => void (out += s) },
    stderr: { write: () => undefined },
    readStdin: async () => '',
    cwd: fixtures,
    env: {},
  } as unknown as CliIO;
  expect(await run(args, io)).toBe(0);
  return JSON.parse(out);
}

beforeEach(() => {
  tmp = tempDir();
  clock = Date.parse(AT);
  notified = [];
  core = openCore();
});
afterEach(() => {
  core.close();
  tmp.cleanup();
});

const importFiles = (...names: string[]) =>
  call<{
    files: {
      name: string;
      ok: boolean;
      kind: string | null;
      inserted: number;
      updated: number;
      problems: { path: string; message: string; line?: number }[];
    }[];
  }>('compliance.import', { files: names.map(file) });

/** Every stored ticket with its SLA result, as the Service page fetches them (compliance.tickets). */
async function ticketRows() {
  const page = await call<ResponseOf<'compliance.tickets'>>('compliance.tickets', { offset: 0, limit: 500 });
  expect(page.total).toBe(page.rows.length);
  return page.rows;
}

describe('import of tickets, ledger and violations files', () => {
  it('detects each kind, stores every record with its source, and matches the CLI on the same files', async () => {
    const { files } = await importFiles('tickets.json', 'ledger.json', 'violations.json');
    expect(files.map((f) => [f.kind, f.ok, f.inserted, f.updated])).toEqual([
      ['tickets', true, 7, 0],
      ['ledger', true, 6, 0],
      ['violations', true, 4, 0],
    ]);
    const snapshot = await call<ComplianceSnapshot>('compliance.snapshot', {});
    expect(snapshot.at).toBe(AT);
    expect(snapshot.ticketCount).toBe(7);
    const rows = await ticketRows();
    expect(rows.every((t) => t.source === 'import' && t.sourceFile === 'tickets.json')).toBe(true);
    expect(rows.find((t) => t.id === 1007)).toBeDefined(); // numeric id keeps its type

    const sla = (await cli(runSla, ['tickets.json', '--at', AT])) as Record<string, unknown>;
    const deposit = (await cli(runDeposit, ['ledger.json', '--at', AT])) as Record<string, unknown>;
    const points = (await cli(runPoints, ['violations.json', '--at', AT])) as Record<string, unknown>;
    // The overview carries the report without its per-ticket rows (from stored columns and
    // counts, not a re-run); the Service page's rows carry the per-ticket results. Both are the CLI's.
    const { tickets: cliTickets, ...cliSummary } = sla as { tickets: Record<string, unknown>[] };
    expect(snapshot.sla).toEqual(cliSummary);
    const perTicket = rows.map((t) => ({
      id: t.id,
      deadline: t.deadline,
      status: t.status,
      responseSeconds: t.responseSeconds,
      timeLeftSeconds: t.timeLeftSeconds,
      serviceSecondsLeft: t.serviceSecondsLeft,
      calendarConfirmed: t.calendarConfirmed,
    }));
    const sortById = <T extends { id: unknown }>(xs: T[]) =>
      [...xs].sort((a, b) => String(a.id).localeCompare(String(b.id)));
    expect(sortById(perTicket)).toEqual(sortById(cliTickets as { id: unknown }[]));
    expect(snapshot.deposit).toEqual(deposit);
    expect(snapshot.points[0]).toEqual(points);
    // The overview's today/week rows are the engine's per-day rows summed.
    expect(snapshot.today).toEqual({ met: 1, breached: 1, pending: 1, rate: 0.5 });
    // 5 January 2026 is a Monday: the Beijing week (Monday–today) is today alone; Sunday 4 Jan is last week.
    expect(snapshot.week).toEqual(snapshot.today);
  });

  it('pages the tickets with filters in SQL; totals come from the stored counts and match the rows', async () => {
    await importFiles('tickets.json');
    await call('compliance.saveTicket', {
      ticket: {
        id: 'M-9',
        kind: 'complaint',
        openedAt: '2026-01-04T09:00:00+08:00',
        firstResponseAt: null,
        staff: '王芳',
      },
    });
    const all = await ticketRows();
    expect(all).toHaveLength(8);
    const filters = [
      { status: 'met' },
      { status: 'breached' },
      { status: 'pending' },
      { kind: 'complaint' },
      { staff: '王芳' },
      { from: '2026-01-05' },
      { to: '2026-01-04' },
      { kind: 'complaint', status: 'breached', staff: '王芳' },
      { query: '100' },
    ] as const;
    for (const filter of filters) {
      const page = await call<ResponseOf<'compliance.tickets'>>('compliance.tickets', {
        offset: 0,
        limit: 500,
        ...filter,
      });
      const expected = all.filter(
        (t) =>
          (!('status' in filter) || t.status === filter.status) &&
          (!('kind' in filter) || t.kind === filter.kind) &&
          (!('staff' in filter) || t.staff === filter.staff) &&
          (!('from' in filter) || t.openedAt.slice(0, 10) >= filter.from) &&
          (!('to' in filter) || t.openedAt.slice(0, 10) <= filter.to) &&
          (!('query' in filter) || String(t.id).includes(filter.query)),
      );
      expect(page.rows.map((t) => t.id).sort(), JSON.stringify(filter)).toEqual(
        expected.map((t) => t.id).sort(),
      );
      expect(page.total, JSON.stringify(filter)).toBe(expected.length);
    }
    const byDeadline = await call<ResponseOf<'compliance.tickets'>>('compliance.tickets', {
      offset: 0,
      limit: 3,
      sort: { field: 'deadline', order: 'desc' },
    });
    expect(byDeadline.rows.map((t) => t.deadlineMs)).toEqual(
      [...all.map((t) => t.deadlineMs)].sort((x, y) => y - x).slice(0, 3),
    );
    expect(byDeadline.total).toBe(8);
  });

  it('re-importing the same ids updates instead of duplicating', async () => {
    await importFiles('tickets.json');
    clock += 60_000;
    const changed = JSON.parse(file('tickets.json').text) as {
      tickets: { id: string; firstResponseAt: string | null }[];
    };
    changed.tickets[2]!.firstResponseAt = '2026-01-05T10:00:30+08:00';
    const { files } = await call<{ files: { inserted: number; updated: number }[] }>('compliance.import', {
      files: [{ name: 'tickets-v2.json', text: JSON.stringify(changed) }],
    });
    expect(files[0]).toMatchObject({ inserted: 0, updated: 7 });
    const rows = await ticketRows();
    expect(rows).toHaveLength(7);
    expect(rows.find((t) => t.id === 'T-1003')).toMatchObject({
      firstResponseAt: '2026-01-05T10:00:30+08:00',
      sourceFile: 'tickets-v2.json',
    });
  });

  it('a violation id listed more than once is stored once, and the result names the repeated ids', async () => {
    const once = { code: 'complaint-response-late', occurredAt: '2026-01-02T10:00:00+08:00' };
    const violations = [
      ...Array.from({ length: 12 }, (_, i) => ({ ...once, id: `R-${i}`, decidedAt: null })),
      { ...once, id: 'single', decidedAt: null },
      ...Array.from({ length: 12 }, (_, i) => ({
        ...once,
        id: `R-${i}`,
        decidedAt: '2026-01-03T10:00:00+08:00',
      })),
    ];
    const { files } = await call<ResponseOf<'compliance.import'>>('compliance.import', {
      files: [{ name: 'twice.json', text: JSON.stringify({ violations }) }],
    });
    expect(files[0]).toMatchObject({ ok: true, kind: 'violations' });
    expect(files[0]!.repeatedIds).toEqual({
      ids: Array.from({ length: 10 }, (_, i) => `R-${i}`),
      count: 12,
    });
    const rows = await violationRows();
    expect(rows).toHaveLength(13);
    // The later record of each id won.
    expect(rows.filter((v) => v.id !== 'single').every((v) => v.decidedAt !== null)).toBe(true);
    // A file without repeats says nothing of them.
    const again = await call<ResponseOf<'compliance.import'>>('compliance.import', {
      files: [file('violations.json')],
    });
    expect(again.files[0]!.repeatedIds).toBeUndefined();
  });

  it('a bad file names file, field and problem, and stores nothing of it', async () => {
    await importFiles('tickets.json');
    const { files } = await importFiles('tickets-bad.json', 'violations-broken.json');
    expect(files[0]).toMatchObject({ ok: false, kind: 'tickets', inserted: 0 });
    expect(files[0]!.problems.map((p) => p.path)).toEqual(['tickets[1].kind', 'tickets[1].openedAt']);
    expect(files[1]).toMatchObject({ ok: false, kind: null });
    expect(files[1]!.problems[0]!.line).toBe(4);
    const rows = await ticketRows();
    expect(rows.map((t) => t.id)).not.toContain('T-2001'); // the good ticket of the bad file too
    expect(rows).toHaveLength(7);
  });

  it('rejects a file that is none of the three kinds', async () => {
    const { files } = await call<{ files: { ok: boolean; problems: { message: string }[] }[] }>(
      'compliance.import',
      {
        files: [{ name: 'listing.json', text: '{"title":"x"}' }],
      },
    );
    expect(files[0]!.ok).toBe(false);
    expect(files[0]!.problems[0]!.message).toContain('"tickets"');
  });

  it('a violation code unknown to the enabled packs is a located error', async () => {
    const { files } = await call<{ files: { ok: boolean; problems: { path: string }[] }[] }>(
      'compliance.import',
      {
        files: [
          {
            name: 'v.json',
            text: JSON.stringify({ violations: [{ id: 1, code: 'nope', occurredAt: AT, decidedAt: null }] }),
          },
        ],
      },
    );
    expect(files[0]).toMatchObject({ ok: false, problems: [{ path: 'violations[0].code' }] });
  });
});

describe('manual entry, appeals and what-if', () => {
  it('logs a ticket, then its first response, with the engine schema', async () => {
    const ticket = {
      id: 'M-1',
      kind: 'complaint',
      openedAt: '2026-01-05T09:50:00+08:00',
      firstResponseAt: null,
      staff: '王芳',
    };
    const saved = await call<{ source: string; openedAt: string }>('compliance.saveTicket', { ticket });
    expect(saved).toMatchObject({ source: 'manual', openedAt: '2026-01-05T09:50:00+08:00' });
    await call('compliance.saveTicket', {
      ticket: { ...ticket, firstResponseAt: '2026-01-05T09:55:00+08:00' },
    });
    expect(await ticketRows()).toEqual([
      expect.objectContaining({ id: 'M-1', status: 'met', responseSeconds: 300 }),
    ]);
    const snapshot = await call<ComplianceSnapshot>('compliance.snapshot', {});
    expect(snapshot.sla!.summary).toEqual({ met: 1, breached: 0, pending: 0 });
    expect(snapshot.sla!.compliance.byStaff).toEqual([
      { staff: '王芳', met: 1, breached: 0, pending: 0, rate: 1 },
    ]);
    const bad = await core.dispatch('compliance.saveTicket', {
      ticket: { ...ticket, firstResponseAt: '2026-01-05T09:00:00+08:00' },
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('adds ledger entries and the opening requirement', async () => {
    await call('compliance.setDepositRequired', { required: 10000 });
    await call('compliance.saveLedgerEntry', {
      entry: { id: 'P-1', at: '2026-01-02T10:00:00+08:00', type: 'payment', amount: 8000.5, reason: null },
    });
    const snapshot = await call<ComplianceSnapshot>('compliance.snapshot', {});
    expect(snapshot.deposit).toMatchObject({
      balance: 8000.5,
      shortfall: 1999.5,
      status: 'deficient',
      topUpDueDate: '2026-01-06',
    }); // 2 Jan is a holiday: 4 (make-up), 5, 6 Jan
  });

  it('records a violation, and an overturned appeal takes its points off', async () => {
    await importFiles('violations.json');
    const bad = await core.dispatch('compliance.saveViolation', {
      violation: { id: 'X', code: 'nope', occurredAt: AT, decidedAt: null },
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    await call('compliance.saveViolation', {
      violation: { id: 'V-5', code: 'fake-transactions', occurredAt: AT, decidedAt: AT },
    });
    let snapshot = await call<ComplianceSnapshot>('compliance.snapshot', {});
    expect(snapshot.points[0]).toMatchObject({ total: 18 });
    await call('compliance.appeal', { id: 'V-2', state: 'overturned', note: '申诉成功' });
    snapshot = await call<ComplianceSnapshot>('compliance.snapshot', {});
    expect(snapshot.points[0]).toMatchObject({ total: 6, activeFreezes: [] });
    expect((await violationRows()).find((v) => v.id === 'V-2')!.appeal).toMatchObject({
      state: 'overturned',
      note: '申诉成功',
    });
    // Each record carries the penalty the engine counts for it: the Points page shows it as is.
    expect((await violationRows()).find((v) => v.id === 'V-2')!.penalty).toEqual({
      points: 12,
      freeze: 15,
      deduction: 5000,
    });
    expect((await violationRows()).find((v) => v.id === 'V-5')!.penalty).toEqual({
      points: 3,
      freeze: 0,
      deduction: 0,
    });
    // Re-import of the marketplace's data keeps the vendor's appeal.
    await importFiles('violations.json');
    expect((await violationRows()).find((v) => v.id === 'V-2')!.appeal.state).toBe('overturned');
  });

  it('carries a count of the violations and the latest counted ones, not all of them', async () => {
    const violations = Array.from({ length: 450 }, (_, i) => ({
      id: `V-BULK-${i}`,
      code: 'fake-transactions',
      occurredAt: '2026-01-02T10:00:00+08:00',
      decidedAt: new Date(Date.parse('2026-01-02T12:00:00+08:00') + i * 60_000).toISOString(),
      points: 0,
    }));
    await call('compliance.import', { files: [{ name: 'bulk.json', text: JSON.stringify({ violations }) }] });
    const snapshot = await call<ComplianceSnapshot>('compliance.snapshot', {});
    expect(snapshot.violationCount).toBe(450);
    const report = snapshot.points[0] as { counted: { violationId: string }[]; countedTotal: number };
    expect(report.countedTotal).toBe(450);
    expect(report.counted).toHaveLength(SNAPSHOT_COUNTED);
    // The latest, in decision order.
    expect(report.counted.at(-1)!.violationId).toBe('V-BULK-449');
    expect(report.counted[0]!.violationId).toBe(`V-BULK-${450 - SNAPSHOT_COUNTED}`);
    // Every one is in the table, a page at a time.
    const page = await call<ResponseOf<'compliance.violations'>>('compliance.violations', {
      offset: 400,
      limit: 100,
    });
    expect(page.total).toBe(450);
    expect(page.rows).toHaveLength(50);
  });

  it('prices a code, a late ticket and a self-check rule with the engine', async () => {
    await importFiles('violations.json');
    const byCode = await call<{ before: { total: number }; after: { total: number } }>('compliance.whatIf', {
      code: 'abuse-users',
    });
    expect([byCode.before.total, byCode.after.total]).toEqual([15, 27]);
    expect(byCode).toMatchObject({ wouldExpel: true, freeze: { days: 15 }, depositDeduction: 5000 });
    const late = await call<{ code: string; addedPoints: number }>('compliance.whatIf', {
      lateTicket: 'complaint',
    });
    expect(late).toMatchObject({ code: 'complaint-response-late', addedPoints: 3 });
    const catalog = await call<{ selfCheckRules: { rule: string; penaltyCode: string }[] }>(
      'compliance.catalog',
      {},
    );
    const rule = catalog.selfCheckRules[0]!;
    const byRule = await call<{ code: string }>('compliance.whatIf', { rule: rule.rule });
    expect(byRule.code).toBe(rule.penaltyCode);
    expect(await core.dispatch('compliance.whatIf', {})).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
  });

  it('reports the jd-store-2021 ledgers when that pack is enabled', async () => {
    await call('settings.update', { policyPacks: ['jdcloud-marketplace-2019', 'jd-store-2021'] });
    const { files } = await call<{ files: { ok: boolean }[] }>('compliance.import', {
      files: [
        {
          name: 'store.json',
          text: JSON.stringify({
            violations: [{ id: 'S-1', code: 'improper-profit-attempt', occurredAt: AT, decidedAt: AT }],
          }),
        },
      ],
    });
    expect(files[0]!.ok).toBe(true);
    const snapshot = await call<ComplianceSnapshot>('compliance.snapshot', {});
    expect(snapshot.policies).toEqual(['jdcloud-marketplace-2019', 'jd-store-2021']);
    expect(snapshot.points[1]).toMatchObject({ serious: { total: 25 }, general: { total: 0 } });
    expect(snapshot.points[0]).toMatchObject({ total: 0 });
  });
});

describe('the service calendar and what changed', () => {
  it('marks holidays with names and make-up days, honouring overrides', async () => {
    await call('settings.update', { calendarOverrides: { '2026-01-06': 'holiday' } });
    const { days } = await call<{ days: { date: string; kind: string; holidayName?: { zh: string } }[] }>(
      'compliance.calendar',
      { year: 2026, month: 1 },
    );
    expect(days).toHaveLength(31);
    expect(days[0]).toMatchObject({ kind: 'holiday', holidayName: { zh: '元旦' } });
    expect(days[3]).toMatchObject({ date: '2026-01-04', kind: 'makeup-workday' });
    expect(days[5]).toMatchObject({ date: '2026-01-06', kind: 'holiday' });
  });

  it('counts what changed since the last look', async () => {
    clock = Date.parse('2026-01-05T08:00:00+08:00');
    await importFiles('tickets.json');
    clock = Date.parse('2026-01-05T09:00:00+08:00');
    await call('compliance.markSeen', {});
    clock = Date.parse(AT);
    await importFiles('violations.json');
    const snapshot = await call<ComplianceSnapshot>('compliance.snapshot', {});
    expect(snapshot.changes).toMatchObject({
      since: '2026-01-05T09:00:00+08:00',
      tickets: 0,
      violations: 4,
      newlyBreached: ['T-1002'],
      newlyBreachedCount: 1,
    });
  });
});

describe('alerts', () => {
  it('raises a lead-time alert once, and never again after a restart', async () => {
    await importFiles('tickets.json', 'ledger.json');
    // The import itself ran the scheduler: the complaint T-1003 is 10 minutes from its deadline.
    expect(notified.map((n) => n.route)).toEqual(['/service?ticket=T-1003']);
    expect(core.alerts.tick().raised).toEqual([]);
    core.close();
    core = openCore();
    expect(core.alerts.tick().raised).toEqual([]);
    expect(notified).toHaveLength(1);
    const recent = await call<{ alerts: { kind: string; recordId: string }[] }>('alerts.recent', {});
    expect(recent.alerts.map((a) => [a.kind, a.recordId])).toEqual([['ticket-deadline', 'T-1003']]);
    // A day later the deposit due date (end of 2026-01-07) is inside its one-day lead time.
    clock = Date.parse('2026-01-07T00:00:01+08:00');
    expect(core.alerts.tick().raised.map((a) => a.kind)).toEqual(['deposit-due']);
  });

  it('announces raised alerts and changed data as contract events', async () => {
    events = [];
    await importFiles('tickets.json');
    const raised = events.filter((e) => e.name === 'alerts.raised');
    expect(raised).toHaveLength(1);
    expect(eventContract['alerts.raised'].parse(raised[0]!.payload).alerts.map((a) => a.recordId)).toEqual([
      'T-1003',
    ]);
    expect(events.filter((e) => e.name === 'data.changed').map((e) => e.payload)).toContainEqual({
      topics: ['tickets', 'ledger', 'violations'],
      reason: 'write',
    });
    for (const e of events) expect(parseEvent(e.name, e.payload)).not.toBeNull();
    // A read announces nothing.
    events = [];
    await call('compliance.snapshot', {});
    expect(events).toEqual([]);
  });

  it('tells the pages when a pending deadline passes with time', async () => {
    await importFiles('tickets.json');
    core.alerts.tick();
    events = [];
    // T-1003 (complaint) is due 10 minutes after AT: an hour later its status has changed.
    clock = Date.parse(AT) + 3_600_000;
    core.alerts.tick();
    expect(events.map((e) => e.payload)).toContainEqual({ topics: ['tickets'], reason: 'time' });
    events = [];
    core.alerts.tick();
    expect(events.filter((e) => (e.payload as { reason?: string }).reason === 'time')).toEqual([]);
  });
});
