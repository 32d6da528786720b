import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FIRST_SUPPORTED_YEAR,
  LAST_SUPPORTED_YEAR,
  beijingDateString,
  civilOfDay,
  dayOfCivil,
  dayOfDateString,
  formatBeijingIso,
  subtractBeijingMonths,
} from '../../../shared/calendar/beijing';
import { businessCalendar } from '../../../shared/calendar/business-calendar';
import { ISO_INSTANT_SHAPE, isoInstantMs, parseIsoInstant } from '../../../shared/calendar/instant';

// Prove the engines do not depend on the machine's zone: run this file in New York time.
const savedTz = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'America/New_York';
});
afterAll(() => {
  process.env.TZ = savedTz;
});

const ms = (iso: string): number => {
  const parsed = parseIsoInstant(iso);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.ms;
};
const calendar = businessCalendar({ serviceHours: { start: '09:00', end: '18:00' } });
const FROM = Date.UTC(1995, 0, 1);
const TO = Date.UTC(2150, 0, 1);

describe('Beijing time conversion', () => {
  it('really runs in a zone other than Beijing', () => {
    expect(new Date(Date.UTC(2026, 0, 15)).getTimezoneOffset()).toBe(300);
  });

  it('formats like the time-zone library for any instant', () => {
    fc.assert(
      fc.property(fc.integer({ min: FROM, max: TO }), (t) => {
        const expected = format(
          new TZDate(Math.floor(t / 1000) * 1000, 'Asia/Shanghai'),
          "yyyy-MM-dd'T'HH:mm:ssxxx",
        );
        expect(formatBeijingIso(Math.floor(t / 1000) * 1000)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips day indices through civil dates', () => {
    fc.assert(
      fc.property(fc.integer({ min: -30000, max: 80000 }), (day) => {
        const { year, month, day: d } = civilOfDay(day);
        expect(dayOfCivil(year, month, d)).toBe(day);
      }),
    );
  });

  it.each([
    ['2025-12-31T15:59:00Z', '2025-12-31T23:59:00+08:00', '2025-12-31'],
    ['2025-12-31T16:01:00Z', '2026-01-01T00:01:00+08:00', '2026-01-01'],
    ['2026-01-05T09:00:30.250+08:00', '2026-01-05T09:00:30.250+08:00', '2026-01-05'],
    ['2026-01-04T20:00:00-05:00', '2026-01-05T09:00:00+08:00', '2026-01-05'],
  ])('%s is %s in Beijing', (input, iso, date) => {
    expect(formatBeijingIso(ms(input))).toBe(iso);
    expect(beijingDateString(ms(input))).toBe(date);
  });

  it.each([
    ['2026-01-05 09:00:00', 'offset'],
    ['2026-01-05T09:00:00', 'offset'],
    ['2025-02-30T09:00:00+08:00', 'no such date'],
    ['2026-01-05T24:00:00+08:00', 'no such date'],
    ['1985-06-01T09:00:00+08:00', 'year'],
  ])('rejects %s', (input, problem) => {
    const parsed = parseIsoInstant(input);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain(problem);
  });

  it('accepts exactly the calendar dates dayOfDateString knows (every day of 1988–2203 and impossible ones)', () => {
    const wrong: string[] = [];
    for (let year = 1988; year <= 2203; year++)
      for (let month = 0; month <= 13; month++)
        for (let day = 0; day <= 32; day++) {
          const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          const text = `${date}T09:00:00+08:00`;
          const parsed = parseIsoInstant(text);
          if (parsed.ok ? isoInstantMs(text) !== parsed.ms : !Number.isNaN(isoInstantMs(text)))
            wrong.push(`${date} (isoInstantMs)`);
          const inRange = year >= FIRST_SUPPORTED_YEAR && year <= LAST_SUPPORTED_YEAR;
          if (parsed.ok !== (inRange && dayOfDateString(date) !== undefined)) wrong.push(date);
          else if (parsed.ok && parsed.ms !== Date.parse(text)) wrong.push(`${date} (ms)`);
        }
    expect(wrong).toEqual([]);
  });

  it('reads instants as the shape pattern and Date.parse do (generated times, and each with one character changed)', () => {
    // The reference: the shape as a pattern, the fields checked as numbers (the date by
    // dayOfDateString's calendar), then Date.parse for the arithmetic.
    const reference = (text: string): number | 'shape' | 'invalid' => {
      const match = ISO_INSTANT_SHAPE.exec(text);
      if (!match) return 'shape';
      const [, date = '', hh, mm, ss, zone, offH, offM] = match;
      const valid =
        dayOfDateString(date) !== undefined &&
        Number(hh) <= 23 &&
        Number(mm) <= 59 &&
        Number(ss ?? 0) <= 59 &&
        (zone === 'Z' || (Number(offH) <= 14 && Number(offM) <= 59));
      const year = Number(date.slice(0, 4));
      return valid && year >= FIRST_SUPPORTED_YEAR && year <= LAST_SUPPORTED_YEAR
        ? Date.parse(text)
        : 'invalid';
    };
    const outcome = (text: string): number | 'shape' | 'invalid' => {
      const parsed = parseIsoInstant(text);
      if (parsed.ok) return parsed.ms;
      return parsed.message.includes('not an ISO 8601') ? 'shape' : 'invalid';
    };
    const pad = (n: number, w = 2) => String(n).padStart(w, '0');
    const instant = fc
      .record({
        y: fc.integer({ min: 1980, max: 2210 }),
        mo: fc.integer({ min: 0, max: 13 }),
        d: fc.integer({ min: 0, max: 32 }),
        h: fc.integer({ min: 0, max: 25 }),
        mi: fc.integer({ min: 0, max: 61 }),
        s: fc.option(fc.integer({ min: 0, max: 61 })),
        frac: fc.option(fc.stringMatching(/^[0-9]{1,10}$/)),
        zone: fc.oneof(
          fc.constant('Z'),
          fc.tuple(
            fc.constantFrom('+', '-'),
            fc.integer({ min: 0, max: 15 }),
            fc.integer({ min: 0, max: 60 }),
          ),
        ),
      })
      .map(({ y, mo, d, h, mi, s, frac, zone }) => {
        const seconds = s === null ? '' : `:${pad(s)}${frac === null ? '' : `.${frac}`}`;
        const offset = zone === 'Z' ? 'Z' : `${zone[0]}${pad(zone[1])}:${pad(zone[2])}`;
        return `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}${seconds}${offset}`;
      });
    const mutated = fc
      .tuple(instant, fc.nat(), fc.constantFrom('0', '9', '-', ':', 'T', ' ', 'Z', '+', '.', '１', ''))
      .map(([text, at, c]) => {
        const i = at % (text.length + 1);
        return text.slice(0, i) + c + text.slice(i + (c === '' || at % 2 ? 1 : 0));
      });
    fc.assert(
      fc.property(fc.oneof(instant, mutated), (text) => {
        const expected = reference(text);
        expect(outcome(text), text).toEqual(expected);
        // The allocation-free reading the tickets fast path uses: the same instants, NaN for the rest.
        expect(isoInstantMs(text), text).toEqual(typeof expected === 'number' ? expected : NaN);
      }),
      { numRuns: 20_000 },
    );
  });

  it('subtracts calendar months on the Beijing wall clock', () => {
    expect(formatBeijingIso(subtractBeijingMonths(ms('2026-03-31T10:00:00+08:00'), 1))).toBe(
      '2026-02-28T10:00:00+08:00',
    );
    expect(formatBeijingIso(subtractBeijingMonths(ms('2026-01-01T00:30:00+08:00'), 12))).toBe(
      '2025-01-01T00:30:00+08:00',
    );
  });
});

describe('workdays (State Council calendar via chinese-days)', () => {
  it.each([
    ['2025-09-27', false, 'weekend'],
    ['2025-09-28', true, 'makeup-workday'], // Sunday, 调休上班 for National Day
    ['2025-09-30', true, 'workday'],
    ['2025-10-01', false, 'holiday'],
    ['2025-10-06', false, 'holiday'], // 中秋 inside the National Day break
    ['2025-10-08', false, 'holiday'], // Wednesday, still off
    ['2025-10-09', true, 'workday'],
    ['2025-10-11', true, 'makeup-workday'], // Saturday, 调休上班
    ['2025-10-12', false, 'weekend'],
    ['2026-01-01', false, 'holiday'],
    ['2026-01-04', true, 'makeup-workday'],
    ['2026-01-05', true, 'workday'],
  ])('%s: workday %s (%s)', (date, workday, kind) => {
    expect(calendar.isWorkday(date)).toBe(workday);
    expect(calendar.dayInfo(date).kind).toBe(kind);
  });

  it('names holidays in the month view', () => {
    const october = calendar.monthView(2025, 10);
    expect(october).toHaveLength(31);
    expect(october[0]).toMatchObject({
      date: '2025-10-01',
      kind: 'holiday',
      holidayName: { zh: '国庆节', en: 'National Day' },
    });
    expect(october.filter((d) => d.workday).map((d) => d.date)[0]).toBe('2025-10-09');
  });

  it('applies user overrides; an overridden year is still unconfirmed until its official list is loaded', () => {
    const plain = businessCalendar({ serviceHours: { start: '09:00', end: '18:00' } });
    expect(plain.isWorkday('2027-01-01')).toBe(true);
    expect(plain.dataWarnings(ms('2026-12-30T10:00:00+08:00'), ms('2027-01-04T10:00:00+08:00'))).toEqual([
      expect.stringContaining('2027'),
    ]);
    const custom = businessCalendar({
      serviceHours: { start: '09:00', end: '18:00' },
      overrides: { '2027-01-01': 'holiday', '2026-10-05': 'workday' },
    });
    expect(custom.isWorkday('2027-01-01')).toBe(false);
    expect(custom.dayInfo('2027-01-01')).toMatchObject({ kind: 'holiday', overridden: 'holiday' });
    expect(custom.isWorkday('2026-10-05')).toBe(true);
    // Overrides are single dates a user is sure of, not the year's arrangement (formats.md §8).
    expect(custom.dataWarnings(ms('2026-12-30T10:00:00+08:00'), ms('2027-01-04T10:00:00+08:00'))).toEqual([
      expect.stringContaining('2027'),
    ]);
    expect(custom.dayInfo('2027-01-01').confirmed).toBe(false);
  });

  it.each([
    ['2025-09-30', '2025-10-11'], // before National Day: 10-09, 10-10, 10-11 (make-up Saturday)
    ['2026-01-02', '2026-01-06'], // a holiday: 01-04 (make-up Sunday), 01-05, 01-06
    ['2026-01-09', '2026-01-14'], // Friday: Mon 12, Tue 13, Wed 14
  ])('end of the 3rd workday after %s', (date, expected) => {
    expect(calendar.endOfNthWorkdayAfter(date, 3)).toBe(expected);
  });
});

describe('service time (09:00–18:00 on workdays)', () => {
  const add = (from: string, seconds: number) =>
    formatBeijingIso(calendar.addServiceSeconds(ms(from), seconds));

  it.each([
    ['2026-01-05T08:59:50+08:00', 30, '2026-01-05T09:00:30+08:00'], // before opening: counts from 09:00
    ['2026-01-05T17:59:45+08:00', 30, '2026-01-06T09:00:15+08:00'], // 15 s today, 15 s tomorrow
    ['2026-01-05T17:59:30+08:00', 30, '2026-01-05T18:00:00+08:00'], // runs out exactly at 18:00
    ['2026-01-09T17:59:45+08:00', 30, '2026-01-12T09:00:15+08:00'], // Friday → Monday
    ['2026-01-10T03:00:00+08:00', 30, '2026-01-12T09:00:30+08:00'], // Saturday night
    ['2025-09-30T17:59:45+08:00', 30, '2025-10-09T09:00:15+08:00'], // into the National Day break
    ['2025-09-27T12:00:00+08:00', 30, '2025-09-28T09:00:30+08:00'], // Saturday → make-up Sunday
    ['2026-01-05T18:00:00+08:00', 30, '2026-01-06T09:00:30+08:00'], // 18:00 is closed
    ['2026-01-05T09:00:00+08:00', 9 * 3600, '2026-01-05T18:00:00+08:00'],
    ['2025-09-30T17:00:00+08:00', 9 * 3600, '2025-10-09T17:00:00+08:00'],
    ['2025-12-31T16:59:00+08:00', 9 * 3600, '2026-01-04T16:59:00+08:00'], // New Year: 01-04 Sunday make-up
  ])('%s + %i s = %s', (from, seconds, expected) => {
    expect(add(from, seconds)).toBe(expected);
  });

  it.each([
    ['2026-01-05T08:59:59+08:00', false],
    ['2026-01-05T09:00:00+08:00', true],
    ['2026-01-05T17:59:59+08:00', true],
    ['2026-01-05T18:00:00+08:00', false],
    ['2026-01-05T01:00:00Z', true], // 09:00 Beijing
    ['2026-01-10T10:00:00+08:00', false], // Saturday
    ['2025-10-11T10:00:00+08:00', true], // make-up Saturday
  ])('isServiceTime(%s) = %s', (iso, expected) => {
    expect(calendar.isServiceTime(ms(iso))).toBe(expected);
  });

  it('measures service time between two instants', () => {
    expect(
      calendar.serviceSecondsBetween(ms('2026-01-09T17:00:00+08:00'), ms('2026-01-12T10:00:00+08:00')),
    ).toBe(7200);
    expect(
      calendar.serviceSecondsBetween(ms('2025-09-30T20:00:00+08:00'), ms('2025-10-08T23:00:00+08:00')),
    ).toBe(0);
  });

  const instant = fc.integer({ min: Date.UTC(2004, 0, 1), max: Date.UTC(2026, 11, 1) });

  it('adding service time then measuring it back gives the same amount', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 30 * 24 * 3600 }), (from, seconds) => {
        const to = calendar.addServiceSeconds(from, seconds);
        expect(calendar.serviceSecondsBetween(from, to)).toBe(seconds);
        expect(to).toBeGreaterThanOrEqual(from);
      }),
      { numRuns: 3000 },
    );
  });

  it('a consultation deadline never falls in non-service time', () => {
    fc.assert(
      fc.property(instant, (from) => {
        const deadline = calendar.addServiceSeconds(from, 30);
        // In service hours, or exactly at 18:00 closing of a workday.
        const justBefore = deadline - 1;
        expect(calendar.isServiceTime(justBefore)).toBe(true);
        expect(calendar.serviceSecondsBetween(from, deadline)).toBe(30);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('the precomputed workday table agrees with the day-by-day description', () => {
  it('for every day of 2004–2027, with overrides', () => {
    const custom = businessCalendar({
      serviceHours: { start: '09:00', end: '18:00' },
      overrides: {
        '2027-01-01': 'holiday',
        '2027-02-06': 'workday',
        '2025-10-01': 'workday',
        '2025-10-11': 'holiday',
      },
    });
    for (const cal of [calendar, custom]) {
      for (let year = 2004; year <= 2027; year++) {
        for (let month = 1; month <= 12; month++) {
          for (const day of cal.monthView(year, month))
            expect(cal.isWorkday(day.date), day.date).toBe(day.workday);
        }
      }
    }
  });
});
