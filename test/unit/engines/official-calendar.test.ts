/**
 * formats.md §8: a year's official holidays loaded from a file. Hand-computed cases: 2027 has no
 * bundled data (chinese-days ends with 2026), so its Spring Festival week counts as workdays until
 * the year's list is loaded.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run as deposit } from '../../../cli/commands/deposit';
import { run as points } from '../../../cli/commands/points';
import { run as sla } from '../../../cli/commands/sla';
import type { CliIO } from '../../../cli/io';
import { parseIsoInstant } from '../../../shared/calendar/instant';
import { officialYearSchema, type OfficialYear } from '../../../shared/calendar/official-year';
import { computeDeposit } from '../../../shared/deposit/compute';
import { policyCalendar } from '../../../shared/policy/calendar';
import { getPolicyPack } from '../../../shared/policy/packs';
import { computeSla } from '../../../shared/sla/compute';

const pack = getPolicyPack('jdcloud-marketplace-2019');
const ms = (iso: string) => {
  const parsed = parseIsoInstant(iso);
  if (!parsed.ok) throw new Error(iso);
  return parsed.ms;
};

/** A made-up 2027 arrangement (the real one is not published at the time of writing). */
const year2027: OfficialYear = {
  year: 2027,
  source: 'test',
  holidays: ['2027-01-01', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12'],
  makeupWorkdays: ['2027-02-06'],
};

describe('official year files (§8)', () => {
  it('accepts the documented shape', () => {
    const parsed = officialYearSchema.safeParse({
      year: 2027,
      source: 'x',
      holidays: ['2027-01-01'],
      makeupWorkdays: [],
    });
    expect(parsed.success).toBe(true);
  });

  it.each([
    [{ ...year2027, holidays: ['2027-02-30'] }, 'holidays.0', '2027-02-30'],
    [{ ...year2027, holidays: ['27-1-1'] }, 'holidays.0', '27-1-1'],
    [{ ...year2027, makeupWorkdays: ['2026-12-26'] }, 'makeupWorkdays.0', '2026-12-26'],
    [{ ...year2027, makeupWorkdays: ['2027-02-08'] }, 'makeupWorkdays.0', '2027-02-08'],
  ])('refuses a bad date, naming it (%#)', (value, where, date) => {
    const parsed = officialYearSchema.safeParse(value);
    expect(parsed.success).toBe(false);
    const issue = parsed.error!.issues[0]!;
    expect(issue.path.join('.')).toBe(where);
    expect(issue.message).toContain(date);
  });

  it('refuses a year outside the supported range and a non-array list', () => {
    expect(officialYearSchema.safeParse({ ...year2027, year: 1900 }).success).toBe(false);
    expect(officialYearSchema.safeParse({ ...year2027, holidays: '2027-01-01' }).success).toBe(false);
  });
});

describe('the calendar with a loaded year', () => {
  it('2027 without its list: Monday–Friday, unconfirmed; with it: the holidays and make-up day, confirmed', () => {
    const guessed = policyCalendar(pack);
    expect(guessed.isWorkday('2027-02-10')).toBe(true); // a Wednesday, assumed
    expect(guessed.isWorkday('2027-02-06')).toBe(false); // a Saturday
    expect(guessed.dayInfo('2027-02-10').confirmed).toBe(false);
    const loaded = policyCalendar(pack, { officialYears: [year2027] });
    expect(loaded.isWorkday('2027-02-10')).toBe(false);
    expect(loaded.isWorkday('2027-02-06')).toBe(true);
    expect(loaded.dayInfo('2027-02-10')).toMatchObject({ kind: 'holiday', confirmed: true, workday: false });
    expect(loaded.dayInfo('2027-02-06')).toMatchObject({ kind: 'makeup-workday', confirmed: true });
    // Other years keep the bundled data.
    expect(loaded.isWorkday('2026-10-01')).toBe(false);
    expect(loaded.dayInfo('2026-10-01').confirmed).toBe(true);
  });

  it('a file for a year with bundled data replaces it for that year only', () => {
    // 2026-10-01 is National Day in the bundled data; a (fictitious) file without it makes it a workday.
    const replaced = policyCalendar(pack, {
      officialYears: [{ year: 2026, source: 'x', holidays: [], makeupWorkdays: [] }],
    });
    expect(replaced.isWorkday('2026-10-01')).toBe(true);
    expect(replaced.isWorkday('2025-10-01')).toBe(false);
  });

  it('user overrides still win over a loaded year, and do not confirm a year on their own', () => {
    const calendar = policyCalendar(pack, {
      officialYears: [year2027],
      calendarOverrides: { '2027-02-10': 'workday' },
    });
    expect(calendar.isWorkday('2027-02-10')).toBe(true);
    expect(
      policyCalendar(pack, { calendarOverrides: { '2028-01-03': 'holiday' } }).isConfirmedYear(2028),
    ).toBe(false);
  });
});

describe('engines say which results are unconfirmed', () => {
  const tickets = [
    {
      id: 'chat',
      kind: 'consultation' as const,
      openedAt: ms('2027-02-09T10:00:00+08:00'),
      firstResponseAt: null,
    },
    {
      id: 'complaint',
      kind: 'complaint' as const,
      openedAt: ms('2027-02-09T10:00:00+08:00'),
      firstResponseAt: null,
    },
    {
      id: 'old',
      kind: 'consultation' as const,
      openedAt: ms('2026-06-01T10:00:00+08:00'),
      firstResponseAt: null,
    },
    {
      id: 'year-end',
      kind: 'after-sales-email' as const,
      openedAt: ms('2026-12-31T17:00:00+08:00'),
      firstResponseAt: null,
    },
  ];
  const at = ms('2027-01-15T00:00:00+08:00');

  it('SLA: a 2027 chat is due on the assumed workday, unconfirmed; after loading 2027 it moves past the holiday', () => {
    const before = computeSla(tickets, at, pack);
    expect(before.tickets.map((t) => [t.id, t.deadline, t.calendarConfirmed])).toEqual([
      ['chat', '2027-02-09T10:00:30+08:00', false],
      ['complaint', '2027-02-09T10:30:00+08:00', true], // wall clock: no calendar involved
      ['old', '2026-06-01T10:00:30+08:00', true],
      // 1 service hour left on 31 Dec, 8 more from the next workday: 1 Jan 2027 is assumed.
      ['year-end', '2027-01-01T17:00:00+08:00', false],
    ]);
    const after = computeSla(tickets, at, pack, { officialYears: [year2027] });
    expect(after.tickets.map((t) => [t.id, t.deadline, t.calendarConfirmed])).toEqual([
      ['chat', '2027-02-15T09:00:30+08:00', true], // 8–12 Feb off, then the weekend
      ['complaint', '2027-02-09T10:30:00+08:00', true],
      ['old', '2026-06-01T10:00:30+08:00', true],
      ['year-end', '2027-01-04T17:00:00+08:00', true], // 1 Jan off, 2–3 Jan weekend
    ]);
    expect(before.warnings.join(' ')).toContain('2027');
    expect(after.warnings).toEqual([]);
  });

  it('deposit: a top-up due date counted over 2027 workdays is unconfirmed until the year is loaded', () => {
    const ledger = {
      required: 10000,
      entries: [
        { id: 'p', at: ms('2027-02-05T12:00:00+08:00'), type: 'payment' as const, amount: 5000, reason: '' },
      ],
    };
    const before = computeDeposit(ledger, at + 30 * 86_400_000, pack);
    expect([before.topUpDueDate, before.calendarConfirmed]).toEqual(['2027-02-10', false]);
    const after = computeDeposit(ledger, at + 30 * 86_400_000, pack, { officialYears: [year2027] });
    // Workdays after Fri 5 Feb: Sat 6 Feb (make-up), then 8–12 Feb off, 15 Feb, 16 Feb.
    expect([after.topUpDueDate, after.calendarConfirmed]).toEqual(['2027-02-16', true]);
  });
});

describe('--calendar on the command line', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vendordesk-calendar-'));
  const write = (name: string, value: unknown) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, JSON.stringify(value));
    return file;
  };
  const io = () => {
    const out: string[] = [];
    const err: string[] = [];
    const value: CliIO = {
      stdout: { write: (t: string) => out.push(t) },
      stderr: { write: (t: string) => err.push(t) },
      readStdin: async () => '',
      cwd: dir,
      env: {},
    };
    return { io: value, out: () => out.join(''), err: () => err.join('') };
  };
  const ticketsFile = write('tickets.json', {
    tickets: [
      { id: 'chat', kind: 'consultation', openedAt: '2027-02-09T10:00:00+08:00', firstResponseAt: null },
    ],
  });

  it('loads the year and reports calendarConfirmed per ticket', async () => {
    const calendar = write('2027.json', year2027);
    const without = io();
    expect(await sla([ticketsFile, '--at', '2027-01-15T00:00:00+08:00'], without.io)).toBe(0);
    expect(JSON.parse(without.out()).tickets[0]).toMatchObject({
      deadline: '2027-02-09T10:00:30+08:00',
      calendarConfirmed: false,
    });
    expect(without.err()).toContain('2027');
    const withFile = io();
    expect(
      await sla([ticketsFile, '--at', '2027-01-15T00:00:00+08:00', '--calendar', calendar], withFile.io),
    ).toBe(0);
    expect(JSON.parse(withFile.out()).tickets[0]).toMatchObject({
      deadline: '2027-02-15T09:00:30+08:00',
      calendarConfirmed: true,
    });
  });

  it('is repeatable: a second file for another year is loaded too', async () => {
    const y2028 = write('2028.json', {
      year: 2028,
      source: 'x',
      holidays: ['2028-01-03'],
      makeupWorkdays: [],
    });
    const t = io();
    const file = write('t2028.json', {
      tickets: [
        { id: 'x', kind: 'consultation', openedAt: '2028-01-03T10:00:00+08:00', firstResponseAt: null },
      ],
    });
    expect(
      await sla(
        [
          file,
          '--calendar',
          write('2027b.json', year2027),
          '--calendar',
          y2028,
          '--at',
          '2028-01-01T00:00:00+08:00',
        ],
        t.io,
      ),
    ).toBe(0);
    expect(JSON.parse(t.out()).tickets[0]).toMatchObject({
      deadline: '2028-01-04T09:00:30+08:00',
      calendarConfirmed: true,
    });
  });

  it.each([
    ['a date outside the year', { ...year2027, holidays: ['2026-10-01'] }, '2026-10-01'],
    ['a malformed date', { ...year2027, makeupWorkdays: ['2027-2-6'] }, '2027-2-6'],
    ['a date in both lists', { ...year2027, makeupWorkdays: ['2027-01-01'] }, '2027-01-01'],
  ])('exits 2 naming the date for %s, in sla, deposit and points alike', async (_name, value, date) => {
    const calendar = write(`bad-${date}.json`, value);
    for (const command of [sla, deposit, points]) {
      const t = io();
      expect(await command([ticketsFile, '--calendar', calendar], t.io)).toBe(2);
      expect(t.err()).toContain(date);
      expect(t.out()).toBe('');
    }
  });
});
