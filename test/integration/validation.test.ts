/**
 * Issue 16 §3: inputs that used to pass validation, get stored, and then make every compliance
 * page and the alert timer fail with `internal`. Each is sent through the real core (dispatcher,
 * handlers, SQLite on a temp dir); each must come back as a typed error naming the field, with
 * what was stored before unchanged and the compliance snapshot still working.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH } from '../../shared/json/parse';
import { useTempCore } from '../helpers/temp-core';

const app = useTempCore({ appVersion: '1.0.0', now: () => new Date('2026-01-05T10:00:00+08:00') });
const { call: ok } = app;

/** The stored tickets as the Service page fetches them (compliance.tickets). */
const storedTickets = async () =>
  (await ok<{ rows: { id: unknown; openedAt: string }[] }>('compliance.tickets', { offset: 0, limit: 500 }))
    .rows;
const storedViolations = async () =>
  (await ok<{ rows: unknown[] }>('compliance.violations', { offset: 0, limit: 500 })).rows;

/** The call fails with `code` and a message naming `field`; settings and snapshot are as before. */
async function refused(channel: string, payload: unknown, code: string, field: string | RegExp) {
  const settingsBefore = await ok('settings.get', {});
  const violationsBefore = await storedViolations();
  const ticketsBefore = await storedTickets();
  const result = await app.core.dispatch(channel, payload);
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error.code).toBe(code);
  expect(result.error.message).toMatch(field);
  expect(await ok('settings.get', {})).toEqual(settingsBefore);
  expect(await storedTickets()).toEqual(ticketsBefore);
  expect(await storedViolations()).toEqual(violationsBefore);
  return result.error;
}

const ticket = (id: string | number, extra: Record<string, unknown> = {}) => ({
  id,
  kind: 'consultation',
  openedAt: '2026-01-05T09:00:00+08:00',
  firstResponseAt: null,
  ...extra,
});
const ticketsFile = (name: string, tickets: unknown[]) => ({ name, text: JSON.stringify({ tickets }) });

describe('settings that mean something impossible are refused, naming the field', () => {
  beforeEach(async () => {
    await ok('settings.update', { serviceHours: { start: '09:00', end: '18:00' } });
  });

  it('service hours whose end is not after the start', async () => {
    await refused(
      'settings.update',
      { serviceHours: { start: '18:00', end: '09:00' } },
      'invalid-request',
      /serviceHours\.end: .*must be after start/,
    );
    await refused(
      'settings.update',
      { serviceHours: { start: '09:00', end: '09:00' } },
      'invalid-request',
      /serviceHours\.end/,
    );
  });

  it('times that are not on a clock (24:30, 24:00 as a start, 9:00)', async () => {
    await refused(
      'settings.update',
      { serviceHours: { start: '09:00', end: '24:30' } },
      'invalid-request',
      /serviceHours\.end/,
    );
    await refused(
      'settings.update',
      { serviceHours: { start: '24:00', end: '24:00' } },
      'invalid-request',
      /serviceHours\.start/,
    );
    await refused(
      'settings.update',
      { serviceHours: { start: '9:00', end: '18:00' } },
      'invalid-request',
      /serviceHours\.start/,
    );
    // Until midnight is a real end.
    await ok('settings.update', { serviceHours: { start: '08:00', end: '24:00' } });
    await ok('compliance.snapshot', {});
  });

  it('calendar dates that do not exist, or outside the calendar', async () => {
    await refused(
      'settings.update',
      { calendarOverrides: { '2026-02-30': 'holiday' } },
      'invalid-request',
      /calendarOverrides\.2026-02-30/,
    );
    await refused(
      'settings.update',
      { calendarOverrides: { '2026-13-01': 'workday' } },
      'invalid-request',
      /calendarOverrides\.2026-13-01/,
    );
    await refused(
      'settings.update',
      { calendarOverrides: { '2300-01-02': 'workday' } },
      'invalid-request',
      /calendarOverrides\.2300-01-02/,
    );
    await ok('settings.update', { calendarOverrides: { '2028-02-29': 'holiday' } });
  });

  it('a last-seen time that is not a time', async () => {
    await refused(
      'settings.update',
      { complianceLastSeenAt: 'yesterday' },
      'invalid-request',
      /complianceLastSeenAt/,
    );
    await refused(
      'settings.update',
      { complianceLastSeenAt: '2026-02-30T00:00:00+08:00' },
      'invalid-request',
      /complianceLastSeenAt/,
    );
  });
});

describe('settings an earlier version accepted and stored', () => {
  it('no longer break the compliance pages: each bad value reads as unset, the others are kept', async () => {
    const write = app.core.store.db.prepare(
      'INSERT OR REPLACE INTO settings (key, value_json, updated_at) VALUES (?, ?, ?)',
    );
    for (const [key, value] of Object.entries({
      serviceHours: { start: '18:00', end: '09:00' },
      calendarOverrides: { '2026-02-30': 'holiday' },
      complianceLastSeenAt: 'yesterday',
      quietOutsideServiceHours: true,
    }))
      write.run(key, JSON.stringify(value), '2026-01-01T00:00:00Z');
    const settings = await ok<Record<string, unknown>>('settings.get', {});
    expect(settings).not.toHaveProperty('serviceHours');
    expect(settings).not.toHaveProperty('calendarOverrides');
    expect(settings).not.toHaveProperty('complianceLastSeenAt');
    expect(settings).toMatchObject({ quietOutsideServiceHours: true });
    await ok('compliance.snapshot', {});
    await ok('compliance.calendar', { year: 2026, month: 2 });
  });
});

describe('record ids', () => {
  it('a number id and the same digits as text in one file: refused, nothing imported', async () => {
    const [result] = (
      await ok<{ files: { ok: boolean; problems: { path: string; message: string }[] }[] }>(
        'compliance.import',
        {
          files: [ticketsFile('a.json', [ticket(2), ticket('2', { kind: 'complaint' })])],
        },
      )
    ).files;
    expect(result).toMatchObject({
      ok: false,
      problems: [{ path: 'tickets[1].id', message: expect.stringContaining('collides with tickets[0].id') }],
    });
    expect(await storedTickets()).toEqual([]);
  });

  it('the same digits as text as a stored number id (manual entry and import): refused, the stored one kept', async () => {
    await ok('compliance.saveTicket', { ticket: ticket(1) });
    const error = await refused(
      'compliance.saveTicket',
      { ticket: ticket('1', { openedAt: '2026-01-05T09:30:00+08:00' }) },
      'invalid-input',
      /tickets\[0\]\.id: .*collides/,
    );
    expect(error?.details).toEqual([
      { path: 'tickets[0].id', message: expect.stringContaining('the number 1') },
    ]);
    const [file] = (
      await ok<{ files: { ok: boolean; problems: { path: string }[] }[] }>('compliance.import', {
        files: [ticketsFile('b.json', [ticket(9), ticket('1')])],
      })
    ).files;
    expect(file).toMatchObject({ ok: false, problems: [{ path: 'tickets[1].id' }] });
    // A bulk file (written in id order, not file order) names the colliding ticket by its place
    // in the file too, and stores none of it.
    const bulk = Array.from({ length: 30 }, (_, i) => ticket(i === 17 ? '1' : `Z-${i}`));
    const [bulkFile] = (
      await ok<{ files: { ok: boolean; problems: { path: string }[] }[] }>('compliance.import', {
        files: [ticketsFile('c.json', bulk)],
      })
    ).files;
    expect(bulkFile).toMatchObject({ ok: false, problems: [{ path: 'tickets[17].id' }] });
    const tickets = await storedTickets();
    expect(tickets.map((t) => t.id)).toEqual([1]);
    // Same for ledger entries and violations.
    await ok('compliance.saveLedgerEntry', {
      entry: { id: 7, at: '2026-01-02T10:00:00+08:00', type: 'payment', amount: 100 },
    });
    await refused(
      'compliance.saveLedgerEntry',
      { entry: { id: '7', at: '2026-01-02T10:00:00+08:00', type: 'payment', amount: 5 } },
      'invalid-input',
      /entries\[0\]\.id/,
    );
  });

  it('unbounded ids and names are capped', async () => {
    await refused(
      'compliance.saveTicket',
      { ticket: ticket('x'.repeat(129)) },
      'invalid-request',
      /ticket\.id/,
    );
    await refused('compliance.saveTicket', { ticket: ticket(2 ** 60) }, 'invalid-request', /ticket\.id/);
    await refused('compliance.saveTicket', { ticket: ticket(1.5) }, 'invalid-request', /ticket\.id/);
    await refused(
      'compliance.saveTicket',
      { ticket: ticket('a', { staff: 's'.repeat(201) }) },
      'invalid-request',
      /ticket\.staff/,
    );
    await ok('compliance.saveTicket', { ticket: ticket('x'.repeat(128), { staff: 's'.repeat(200) }) });
    const [listing] = (
      await ok<{ files: { ok: boolean; problems: { path: string }[] }[] }>('listings.import', {
        files: [
          {
            name: 'l.json',
            text: JSON.stringify({
              id: 'i'.repeat(129),
              title: 't',
              type: 'saas',
              price: { amount: 1, currency: 'CNY', billing: 'monthly' },
              description: 'd',
              vendor: { name: 'v'.repeat(201) },
            }),
          },
        ],
      })
    ).files;
    expect(listing?.ok).toBe(false);
    expect(listing?.problems.map((p) => p.path)).toEqual(expect.arrayContaining(['id', 'vendor.name']));
  });
});

describe('JSON nested deeper than the parser allows', () => {
  const deep = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);
  const deepBroken = (levels: number) => '['.repeat(levels) + ']'.repeat(levels - 1);

  it('a compliance import of a good file and a too-deep one: the good one is committed and reported so, the deep one refused with its position', async () => {
    const result = await ok<{
      files: {
        name: string;
        ok: boolean;
        inserted: number;
        problems: { message: string; line?: number; column?: number }[];
      }[];
    }>('compliance.import', {
      files: [
        ticketsFile('good.json', [ticket(5)]),
        { name: 'deep.json', text: deepBroken(50_000) },
        {
          name: 'deep-extra.json',
          text: `{"tickets":[{"id":6,"kind":"consultation","openedAt":"2026-01-05T09:00:00+08:00","firstResponseAt":null,"x":${deep(50_000)}}]}`,
        },
      ],
    });
    expect(result.files.map((f) => [f.name, f.ok, f.inserted])).toEqual([
      ['good.json', true, 1],
      ['deep.json', false, 0],
      ['deep-extra.json', false, 0],
    ]);
    expect(result.files[1]?.problems[0]).toMatchObject({
      message: expect.stringContaining(`deeper than ${MAX_JSON_DEPTH} levels`),
      line: 1,
      column: MAX_JSON_DEPTH + 1,
    });
    const tickets = await storedTickets();
    expect(tickets.map((t) => t.id)).toEqual([5]);
    // Re-importing the good file updates it instead of duplicating it.
    const again = await ok<{ files: { inserted: number; updated: number }[] }>('compliance.import', {
      files: [ticketsFile('good.json', [ticket(5)])],
    });
    expect(again.files[0]).toMatchObject({ inserted: 0, updated: 1 });
  });

  it('a listing import of a good file and a too-deep one: the good one is committed and reported so', async () => {
    const good = JSON.stringify({
      title: '云主机安全加固服务',
      type: 'service',
      price: { amount: 100, currency: 'CNY', billing: 'one-time' },
      description: '服务内容',
    });
    const result = await ok<{
      files: { name: string; ok: boolean; imported: number; problems: { message: string }[] }[];
    }>('listings.import', {
      files: [
        { name: 'good.json', text: good },
        { name: 'deep.json', text: deepBroken(50_000) },
      ],
    });
    expect(result.files.map((f) => [f.name, f.ok, f.imported])).toEqual([
      ['good.json', true, 1],
      ['deep.json', false, 0],
    ]);
    expect(result.files[1]?.problems[0]?.message).toContain('deeper than');
    expect(await ok<unknown[]>('listings.list', {})).toHaveLength(1);
  });

  it('nesting up to the limit is still read', async () => {
    const [file] = (
      await ok<{ files: { ok: boolean }[] }>('compliance.import', {
        files: [
          {
            name: 'ok.json',
            text: `{"tickets":[{"id":8,"kind":"consultation","openedAt":"2026-01-05T09:00:00+08:00","firstResponseAt":null,"x":${deep(MAX_JSON_DEPTH - 4)}}]}`,
          },
        ],
      })
    ).files;
    expect(file?.ok).toBe(true);
  });
});
