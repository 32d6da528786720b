/**
 * Instants in files: ISO 8601 with an explicit offset (formats.md: "All times are ISO 8601 with an
 * offset"). Parsed once, at the edge, to epoch milliseconds; the engines only see numbers.
 * Date.parse does the arithmetic; the pattern and the calendar check in front of it reject what
 * Date.parse would silently accept (a missing offset means "local time of this computer", and
 * 2025-02-30 rolls over to March).
 */
import { z } from 'zod';
import { FIRST_SUPPORTED_YEAR, LAST_SUPPORTED_YEAR, dayOfDateString } from './beijing';

const ISO_INSTANT = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/;

export type InstantParse = { ok: true; ms: number } | { ok: false; message: string };

export function parseIsoInstant(text: string): InstantParse {
  const match = ISO_INSTANT.exec(text);
  if (!match) {
    return {
      ok: false,
      message: `不是带时区偏移的 ISO 8601 时间 / not an ISO 8601 time with an offset (e.g. 2026-01-05T09:00:00+08:00): "${text.slice(0, 60)}"`,
    };
  }
  const [, date = '', hh, mm, ss, zone = '', offH, offM] = match;
  const year = Number(date.slice(0, 4));
  const fieldsValid =
    dayOfDateString(date) !== undefined &&
    Number(hh) <= 23 &&
    Number(mm) <= 59 &&
    Number(ss ?? 0) <= 59 &&
    (zone === 'Z' || (Number(offH) <= 14 && Number(offM) <= 59));
  if (!fieldsValid) return { ok: false, message: `不存在的日期或时间 / no such date or time: "${text}"` };
  if (year < FIRST_SUPPORTED_YEAR || year > LAST_SUPPORTED_YEAR) {
    return {
      ok: false,
      message: `年份须在 ${FIRST_SUPPORTED_YEAR}–${LAST_SUPPORTED_YEAR} 之间 / year must be within ${FIRST_SUPPORTED_YEAR}–${LAST_SUPPORTED_YEAR}: "${text}"`,
    };
  }
  return { ok: true, ms: Date.parse(text) };
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
