/**
 * The ONE place that converts between instants (epoch milliseconds) and Beijing wall time.
 *
 * The rules are stated in Beijing time (Asia/Shanghai) whatever the computer's own time zone.
 * China has observed no daylight-saving time since September 1991, so inside the supported range
 * Beijing time is a constant UTC+08:00. We do not simply believe that: at module load the time
 * zone database (through @date-fns/tz, which asks Intl) is scanned over the whole supported range
 * and the module refuses to load if it finds any offset change or an offset other than +08:00.
 * With that proven, the hot paths (a million tickets) can use integer arithmetic on the constant
 * offset instead of allocating a zoned date per ticket. Nothing else in the project may do
 * offset arithmetic: call these functions.
 */
import { TZDate, tzOffset, tzScan } from '@date-fns/tz';
import { subMonths } from 'date-fns/subMonths';

export const BEIJING_TIME_ZONE = 'Asia/Shanghai';
export const MS_PER_SECOND = 1000;
export const MS_PER_DAY = 86_400_000;
export const SECONDS_PER_DAY = 86_400;

/** First and last Beijing years the engines accept (DST in China ended in 1991). */
export const FIRST_SUPPORTED_YEAR = 1992;
export const LAST_SUPPORTED_YEAR = 2199;

const OFFSET_MINUTES = 480;
const OFFSET_MS = OFFSET_MINUTES * 60_000;

function assertFixedOffset(): void {
  const start = new Date(Date.UTC(FIRST_SUPPORTED_YEAR, 0, 1) - OFFSET_MS);
  const end = new Date(Date.UTC(LAST_SUPPORTED_YEAR + 1, 0, 1) - OFFSET_MS);
  const changes = tzScan(BEIJING_TIME_ZONE, { start, end });
  const offset = tzOffset(BEIJING_TIME_ZONE, start);
  if (changes.length > 0 || offset !== OFFSET_MINUTES) {
    throw new Error(
      `北京时间应为固定的 UTC+08:00，但时区数据显示 ${offset} 分钟偏移或 ${changes.length} 次变化 / ` +
        `Asia/Shanghai is expected to be a fixed UTC+08:00 in ${FIRST_SUPPORTED_YEAR}–${LAST_SUPPORTED_YEAR}; ` +
        `the time-zone data says offset ${offset} min with ${changes.length} change(s)`,
    );
  }
}
assertFixedOffset();

/** Day number in Beijing: 0 is 1970-01-01 (Beijing), negative before. */
export function beijingDayIndex(ms: number): number {
  return Math.floor((ms + OFFSET_MS) / MS_PER_DAY);
}

/** Milliseconds since 00:00 Beijing of the instant's Beijing day, 0 ≤ result < MS_PER_DAY. */
export function beijingMsOfDay(ms: number): number {
  const local = ms + OFFSET_MS;
  return local - Math.floor(local / MS_PER_DAY) * MS_PER_DAY;
}

/** The instant of 00:00 Beijing on the given day. */
export function beijingDayStart(dayIndex: number): number {
  return dayIndex * MS_PER_DAY - OFFSET_MS;
}

/** 0 = Sunday … 6 = Saturday, as Date#getDay (1970-01-01 was a Thursday). */
export function weekdayOfDay(dayIndex: number): number {
  return (((dayIndex + 4) % 7) + 7) % 7;
}

export interface CivilDate {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
}

/** Proleptic Gregorian calendar date of a day index (H. Hinnant's days→civil, pure integer maths). */
export function civilOfDay(dayIndex: number): CivilDate {
  const z = dayIndex + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Inverse of civilOfDay. */
export function dayOfCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = month > 2 ? month - 3 : month + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

export function beijingYear(ms: number): number {
  return civilOfDay(beijingDayIndex(ms)).year;
}

/** First day index of a Beijing calendar year. */
export function firstDayOfYear(year: number): number {
  return dayOfCivil(year, 1, 1);
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

function formatDate(dayIndex: number): string {
  const { year, month, day } = civilOfDay(dayIndex);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/** Day strings are requested once per ticket when formatting output, so they are memoised in an
 * array over the supported range (filled lazily). */
const FIRST_CACHED_DAY = dayOfCivil(FIRST_SUPPORTED_YEAR, 1, 1);
const CACHED_DAY_COUNT = dayOfCivil(LAST_SUPPORTED_YEAR + 1, 1, 1) - FIRST_CACHED_DAY;
const dateStrings = new Array<string | null>(CACHED_DAY_COUNT).fill(null);

/** `YYYY-MM-DD` of a Beijing day index. */
export function dateStringOfDay(dayIndex: number): string {
  const slot = dayIndex - FIRST_CACHED_DAY;
  if (slot < 0 || slot >= CACHED_DAY_COUNT) return formatDate(dayIndex);
  return (dateStrings[slot] ??= formatDate(dayIndex));
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day index of a `YYYY-MM-DD` string, or undefined when it is not a real calendar date. */
export function dayOfDateString(text: string): number | undefined {
  const match = DATE_PATTERN.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const index = dayOfCivil(year, month, day);
  const back = civilOfDay(index);
  return back.year === year && back.month === month && back.day === day ? index : undefined;
}

/** `YYYY-MM-DD` of the instant in Beijing. */
export function beijingDateString(ms: number): string {
  return dateStringOfDay(beijingDayIndex(ms));
}

/**
 * Formatting a million deadlines must not cost a million number→string conversions: the output is
 * built from two memoised halves, "YYYY-MM-DDT" per day and "HH:MM:SS+08:00" per second of the day,
 * so each timestamp is one concatenation.
 */
let clockSuffixes: string[] | undefined;
const dayPrefixes = new Array<string | null>(CACHED_DAY_COUNT).fill(null);

function clockSuffix(secondOfDay: number): string {
  if (!clockSuffixes) {
    clockSuffixes = new Array<string>(SECONDS_PER_DAY);
    for (let s = 0; s < SECONDS_PER_DAY; s++) {
      clockSuffixes[s] =
        `${pad2(Math.floor(s / 3600))}:${pad2(Math.floor((s % 3600) / 60))}:${pad2(s % 60)}+08:00`;
    }
  }
  return clockSuffixes[secondOfDay]!;
}

function dayPrefix(dayIndex: number): string {
  const slot = dayIndex - FIRST_CACHED_DAY;
  if (slot < 0 || slot >= CACHED_DAY_COUNT) return `${dateStringOfDay(dayIndex)}T`;
  return (dayPrefixes[slot] ??= `${dateStringOfDay(dayIndex)}T`);
}

/**
 * ISO 8601 in Beijing time with an explicit +08:00, e.g. `2026-01-05T09:00:30+08:00`.
 * Milliseconds are shown only when present, so whole-second inputs round-trip unchanged.
 */
export function formatBeijingIso(instant: number): string {
  const ms = Math.floor(instant); // sub-millisecond parts are below the format's resolution
  const dayIndex = beijingDayIndex(ms);
  const msOfDay = ms + OFFSET_MS - dayIndex * MS_PER_DAY;
  const seconds = Math.floor(msOfDay / 1000);
  const millis = msOfDay - seconds * 1000;
  if (millis === 0) return dayPrefix(dayIndex) + clockSuffix(seconds);
  const clock = clockSuffix(seconds);
  return `${dayPrefix(dayIndex)}${clock.slice(0, 8)}.${String(millis).padStart(3, '0')}+08:00`;
}

/** Instant of a Beijing wall time (the inverse of formatBeijingIso for a given day and time). */
export function beijingInstant(dayIndex: number, msOfDay: number): number {
  return beijingDayStart(dayIndex) + msOfDay;
}

/**
 * The instant `months` calendar months before `ms`, on the Beijing wall clock (same time of day;
 * a day missing in the target month clamps to its last day, e.g. 31 March − 1 month = 28/29 Feb).
 * Not a hot path, so the time-zone library does it.
 */
export function subtractBeijingMonths(ms: number, months: number): number {
  return subMonths(new TZDate(ms, BEIJING_TIME_ZONE), months).getTime();
}

/**
 * ISO 8601 text with any offset (UTC "…Z" from audit columns, say) as the Beijing "…+08:00" text
 * of the same instant; already-Beijing text as is, text that is not a time unchanged (issue 17).
 */
export function toBeijingIsoText(iso: string): string {
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?\+08:00$/.test(iso)) return iso;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : formatBeijingIso(ms);
}
