/**
 * The State Council holiday calendar (放假安排, including make-up workdays 调休) as published by the
 * `chinese-days` package.
 *
 * We read the package's published JSON (documented in its README) rather than calling its
 * functions: those parse a `YYYY-MM-DD` string into a *local* Date, so on a computer west of UTC
 * `getDayDetail('2025-10-01')` answers for 2025-09-30. The JSON is keyed by the Beijing date
 * itself, which is exactly what we need and cannot be shifted by the machine's time zone.
 */
import chineseDays from 'chinese-days/dist/chinese-days.json';

export interface HolidayName {
  en: string;
  zh: string;
}

type DayMap = Record<string, string>;

const holidays: DayMap = chineseDays.holidays;
const makeUpWorkdays: DayMap = chineseDays.workdays;

/** "National Day,国庆节,3" → { en: "National Day", zh: "国庆节" } */
function parseName(raw: string | undefined): HolidayName | undefined {
  if (raw === undefined) return undefined;
  const [en = raw, zh = en] = raw.split(',');
  return { en, zh };
}

/** A statutory holiday (day off) on that Beijing date, with its festival's name. */
export function publishedHoliday(date: string): HolidayName | undefined {
  return parseName(holidays[date]);
}

/** A make-up workday (调休上班, usually a weekend) on that date, with the festival it pays for. */
export function publishedMakeUpWorkday(date: string): HolidayName | undefined {
  return parseName(makeUpWorkdays[date]);
}

/** Years for which the package carries the State Council's arrangement. */
export const publishedYears: ReadonlySet<number> = new Set(
  Object.keys(holidays).map((date) => Number(date.slice(0, 4))),
);

/** Every published statutory-holiday date (`YYYY-MM-DD`). */
export const publishedHolidayDates: readonly string[] = Object.keys(holidays);

/** Every published make-up workday date (`YYYY-MM-DD`). */
export const publishedMakeUpWorkdayDates: readonly string[] = Object.keys(makeUpWorkdays);
