/**
 * Instants in files: ISO 8601 with an explicit offset (formats.md: "All times are ISO 8601 with an
 * offset"). Parsed once, at the edge, to epoch milliseconds; the engines only see numbers.
 * Only this shape is accepted, and its fields are checked as a calendar date and a time of day:
 * Date.parse would silently accept more (a missing offset means "local time of this computer", and
 * 2025-02-30 rolls over to March).
 */
import { z } from 'zod';
import { FIRST_SUPPORTED_YEAR, LAST_SUPPORTED_YEAR } from './beijing';

/** The accepted shape as a pattern (documentation, and the reference a unit test holds the parser to). */
export const ISO_INSTANT_SHAPE =
  /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/;

export type InstantParse = { ok: true; ms: number } | { ok: false; message: string };

/**
 * Whether year-month-day is a calendar date (the Gregorian leap rule). Checked on the numbers
 * rather than by dayOfDateString's round trip through a day index: an import parses two
 * instants per ticket, a million times (issue 11), and that round trip was a third of the cost.
 */
function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  if (month === 2) return day <= (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28);
  return day <= (month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31);
}

export function parseIsoInstant(text: string): InstantParse {
  const ms = isoInstantMs(text);
  if (!Number.isNaN(ms)) return { ok: true, ms };
  // Not an instant: the fields again, to say what is wrong.
  const fields = instantFields(text);
  if (!fields) {
    return {
      ok: false,
      message: `不是带时区偏移的 ISO 8601 时间 / not an ISO 8601 time with an offset (e.g. 2026-01-05T09:00:00+08:00): "${text.slice(0, 60)}"`,
    };
  }
  const { year, month, day, hour, minute, second, millis, offsetSign, offsetHours, offsetMins } = fields;
  const fieldsValid =
    isCalendarDate(year, month, day) &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59 &&
    offsetHours <= 14 &&
    offsetMins <= 59;
  if (!fieldsValid) return { ok: false, message: `不存在的日期或时间 / no such date or time: "${text}"` };
  if (year < FIRST_SUPPORTED_YEAR || year > LAST_SUPPORTED_YEAR) {
    return {
      ok: false,
      message: `年份须在 ${FIRST_SUPPORTED_YEAR}–${LAST_SUPPORTED_YEAR} 之间 / year must be within ${FIRST_SUPPORTED_YEAR}–${LAST_SUPPORTED_YEAR}: "${text}"`,
    };
  }
  return {
    ok: true,
    ms:
      Date.UTC(year, month - 1, day, hour, minute, second, millis) -
      offsetSign * (offsetHours * 60 + offsetMins) * 60_000,
  };
}

/**
 * The epoch milliseconds of an instant parseIsoInstant accepts, else NaN — the same reading
 * without its objects (an import reads two instants per ticket, a million times: issue 11).
 * A unit test holds the two together.
 */
export function isoInstantMs(text: string): number {
  const n = text.length;
  if (n < 17 || n > 35) return NaN;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  const hour = digitsAt(text, 11, 2);
  const minute = digitsAt(text, 14, 2);
  if (
    year < 0 ||
    month < 0 ||
    day < 0 ||
    hour < 0 ||
    minute < 0 ||
    text.charCodeAt(4) !== 45 || // -
    text.charCodeAt(7) !== 45 ||
    text.charCodeAt(10) !== 84 || // T
    text.charCodeAt(13) !== 58 // :
  )
    return NaN;
  let at = 16;
  let second = 0;
  let millis = 0;
  if (text.charCodeAt(at) === 58) {
    second = digitsAt(text, at + 1, 2);
    if (second < 0) return NaN;
    at += 3;
    if (text.charCodeAt(at) === 46) {
      // .f{1,9}: milliseconds from the first three digits (".5" is 500 ms), the rest dropped.
      const from = ++at;
      let scale = 100;
      for (; at < n && at - from < 9; at++) {
        const digit = text.charCodeAt(at) - 48;
        if (!(digit >= 0 && digit <= 9)) break;
        millis += digit * scale;
        scale = scale >= 10 ? scale / 10 : 0;
      }
      if (at === from) return NaN;
    }
  }
  let offsetMs = 0;
  const zone = text.charCodeAt(at);
  if (zone === 90) {
    // Z
    if (at + 1 !== n) return NaN;
  } else {
    const sign = zone === 43 ? 1 : zone === 45 ? -1 : 0; // + -
    const offH = digitsAt(text, at + 1, 2);
    const offM = digitsAt(text, at + 4, 2);
    if (sign === 0 || offH < 0 || offM < 0 || text.charCodeAt(at + 3) !== 58 || at + 6 !== n) return NaN;
    if (!(offH <= 14 && offM <= 59)) return NaN;
    offsetMs = sign * (offH * 60 + offM) * 60_000;
  }
  if (!(isCalendarDate(year, month, day) && hour <= 23 && minute <= 59 && second <= 59)) return NaN;
  if (year < FIRST_SUPPORTED_YEAR || year > LAST_SUPPORTED_YEAR) return NaN;
  return Date.UTC(year, month - 1, day, hour, minute, second, millis) - offsetMs;
}

interface InstantFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millis: number;
  /** 1 east of UTC (and for Z), -1 west. */
  offsetSign: 1 | -1;
  offsetHours: number;
  offsetMins: number;
}

/**
 * The fields of `YYYY-MM-DDTHH:MM[:SS[.f{1,9}]](Z|±HH:MM)`, read by character code, or null when
 * the text is not of that shape. An import reads two instants per ticket, a million times (issue
 * 11): a RegExp with its capture strings, Number() of each and Date.parse cost ~1 µs an instant,
 * this a tenth of it. `ISO_INSTANT_SHAPE` is the same shape as a pattern.
 */
/** The number written by `count` ASCII digits of `text` from `at`, or -1 if one is not a digit. */
function digitsAt(text: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    value = value * 10 + c;
  }
  return value;
}

function instantFields(text: string): InstantFields | null {
  const n = text.length;
  if (n < 17 || n > 35) return null;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  const hour = digitsAt(text, 11, 2);
  const minute = digitsAt(text, 14, 2);
  if (
    year < 0 ||
    month < 0 ||
    day < 0 ||
    hour < 0 ||
    minute < 0 ||
    text[4] !== '-' ||
    text[7] !== '-' ||
    text[10] !== 'T' ||
    text[13] !== ':'
  )
    return null;
  let at = 16;
  let second = 0;
  let millis = 0;
  if (text[at] === ':') {
    second = digitsAt(text, at + 1, 2);
    if (second < 0) return null;
    at += 3;
    if (text[at] === '.') {
      const from = ++at;
      while (at < n && at - from < 9 && digitsAt(text, at, 1) >= 0) at++;
      if (at === from) return null;
      // Milliseconds from the first three digits (".5" is 500 ms); further digits are dropped, as Date.parse does.
      millis = Number(text.slice(from, Math.min(at, from + 3)).padEnd(3, '0'));
    }
  }
  if (text[at] === 'Z')
    return at + 1 === n
      ? { year, month, day, hour, minute, second, millis, offsetSign: 1, offsetHours: 0, offsetMins: 0 }
      : null;
  const sign: 0 | 1 | -1 = text[at] === '+' ? 1 : text[at] === '-' ? -1 : 0;
  const offH = digitsAt(text, at + 1, 2);
  const offM = digitsAt(text, at + 4, 2);
  if (sign === 0 || offH < 0 || offM < 0 || text[at + 3] !== ':' || at + 6 !== n) return null;
  return {
    year,
    month,
    day,
    hour,
    minute,
    second,
    millis,
    offsetSign: sign,
    offsetHours: offH,
    offsetMins: offM,
  };
}

/** An ISO instant in a file, validated and turned into epoch milliseconds. */
export const isoInstantSchema = z
  .string({ error: '应为带时区偏移的 ISO 8601 时间字符串 / must be an ISO 8601 time string with an offset' })
  .transform((text, ctx) => {
    const parsed = parseIsoInstant(text);
    if (parsed.ok) return parsed.ms;
    ctx.addIssue({ code: 'custom', message: parsed.message });
    return z.NEVER;
  });

/** Same, null allowed ("not yet"). */
export const nullableIsoInstantSchema = isoInstantSchema.nullable();
