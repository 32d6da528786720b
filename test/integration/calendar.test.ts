/**
 * formats.md §8 in the app, through the real core: a year without official data is reported as
 * unconfirmed, importing its file moves the deadlines and confirms them, a bad file names the date
 * and changes nothing, removing the import brings the guess back.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { CalendarStatus, ComplianceSnapshot } from '../../shared/ipc/contract';
import { useTempCore } from '../helpers/temp-core';

const now = Date.parse('2026-12-15T10:00:00+08:00');

const year2027 = {
  year: 2027,
  source: '测试用安排',
  holidays: ['2027-01-01', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12'],
  makeupWorkdays: ['2027-02-06'],
};
const tickets = {
  tickets: [
    { id: 'chat-2027', kind: 'consultation', openedAt: '2027-02-09T10:00:00+08:00', firstResponseAt: null },
  ],
};

const app = useTempCore({ now: () => new Date(now) });
const { call } = app;
beforeEach(async () => {
  await call('compliance.import', { files: [{ name: 'tickets.json', text: JSON.stringify(tickets) }] });
});

/** The stored ticket with its SLA result, as the Service page fetches it (compliance.tickets). */
const firstTicket = async () =>
  (
    await call<{ rows: { deadline: string; calendarConfirmed: boolean }[] }>('compliance.tickets', {
      offset: 0,
      limit: 1,
    })
  ).rows[0]!;

describe('official calendars in the app (formats.md §8)', () => {
  it('in December 2026, 2027 is unconfirmed and its deadlines say so', async () => {
    const status = await call<CalendarStatus>('calendar.status', {});
    expect(status.unconfirmed).toEqual([2027]);
    expect(status.years.find((y) => y.year === 2026)).toMatchObject({ origin: 'bundled' });
    expect(await firstTicket()).toMatchObject({
      deadline: '2027-02-09T10:00:30+08:00',
      calendarConfirmed: false,
    });
  });

  it('importing the year confirms it, moves the deadline past the holiday, and survives a restart', async () => {
    const result = await call<{ year: number; replaced: boolean; status: CalendarStatus }>(
      'calendar.importYear',
      {
        name: '2027.json',
        text: JSON.stringify(year2027),
      },
    );
    expect(result).toMatchObject({ year: 2027, replaced: false });
    expect(result.status.unconfirmed).toEqual([]);
    expect(result.status.years[0]).toMatchObject({
      year: 2027,
      origin: 'file',
      fileName: '2027.json',
      holidays: 6,
      makeupWorkdays: 1,
    });
    app.reopen();
    expect(await firstTicket()).toMatchObject({
      deadline: '2027-02-15T09:00:30+08:00',
      calendarConfirmed: true,
    });
    const month = await call<{ days: { date: string; kind: string; confirmed: boolean }[] }>(
      'compliance.calendar',
      { year: 2027, month: 2 },
    );
    expect(month.days.find((d) => d.date === '2027-02-10')).toMatchObject({
      kind: 'holiday',
      confirmed: true,
    });
  });

  it('a bad file is refused naming the date, and nothing stored changes', async () => {
    await call('calendar.importYear', { name: 'good.json', text: JSON.stringify(year2027) });
    const before = await call<CalendarStatus>('calendar.status', {});
    for (const [text, named] of [
      [JSON.stringify({ ...year2027, holidays: ['2027-02-30'] }), '2027-02-30'],
      [JSON.stringify({ ...year2027, holidays: ['2026-10-01'] }), '2026-10-01'],
      [JSON.stringify({ ...year2027, makeupWorkdays: ['2027-01-01'] }), '2027-01-01'],
      ['{ "year": 2027, ', 'bad.json'],
    ] as const) {
      const result = await app.core.dispatch('calendar.importYear', { name: 'bad.json', text });
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('invalid-input');
        expect(result.error.message).toContain(named);
      }
    }
    expect(await call<CalendarStatus>('calendar.status', {})).toEqual(before);
  });

  it('re-importing a year replaces it; removing it brings back the assumption', async () => {
    await call('calendar.importYear', { name: 'a.json', text: JSON.stringify(year2027) });
    const again = await call<{ replaced: boolean }>('calendar.importYear', {
      name: 'b.json',
      text: JSON.stringify({ ...year2027, holidays: ['2027-01-01'] }),
    });
    expect(again.replaced).toBe(true);
    expect(await firstTicket()).toMatchObject({
      deadline: '2027-02-09T10:00:30+08:00',
      calendarConfirmed: true,
    });
    const status = await call<CalendarStatus>('calendar.removeYear', { year: 2027 });
    expect(status.unconfirmed).toEqual([2027]);
    expect((await firstTicket()).calendarConfirmed).toBe(false);
    // The overview's SLA report warns about the year as computeSla does.
    const snapshot = await call<ComplianceSnapshot>('compliance.snapshot', {});
    expect(snapshot.sla!.warnings.join(' ')).toContain('2027');
    const missing = await app.core.dispatch('calendar.removeYear', { year: 2027 });
    expect(missing.ok ? null : missing.error.code).toBe('not-found');
  });
});
