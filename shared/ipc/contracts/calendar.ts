/**
 * Official holiday calendars (formats.md §8): which years the app knows the State Council's
 * arrangement for, importing a year's file, removing an imported year. Imported years live in the
 * settings (`officialCalendars`) and every engine run uses them.
 */
import { z } from 'zod';
import { officialYearSchema } from '../../calendar/official-year';
import { channel } from './define';

/** An imported year as stored: the §8 content plus where and when it came from. */
export const importedCalendarSchema = officialYearSchema.and(
  z.object({
    fileName: z.string().max(260),
    importedAt: z.string().max(40),
  }),
);
export type ImportedCalendar = z.infer<typeof importedCalendarSchema>;

export const calendarYearSchema = z.object({
  year: z.number().int(),
  /** bundled: the chinese-days data shipped with the app; file: imported by the user; pack: from a policy pack. */
  origin: z.enum(['bundled', 'file', 'pack']),
  source: z.string(),
  /** origin 'pack': the policy pack that carries the year. */
  packId: z.string().nullable(),
  holidays: z.number().int(),
  makeupWorkdays: z.number().int(),
  fileName: z.string().nullable(),
  importedAt: z.string().nullable(),
});
export type CalendarYear = z.infer<typeof calendarYearSchema>;

export const calendarStatusSchema = z.object({
  /** Every year with an official arrangement, newest first. */
  years: z.array(calendarYearSchema),
  /** Years in use now (this year; from December the next; years stored tickets reach) without one. */
  unconfirmed: z.array(z.number().int()),
  at: z.string(),
});
export type CalendarStatus = z.infer<typeof calendarStatusSchema>;

export const calendarContract = {
  'calendar.status': channel(z.object({}).strict(), calendarStatusSchema),
  /** Imports one §8 file; a year already known is replaced for that year only. */
  'calendar.importYear': channel(
    z.object({ name: z.string().min(1).max(260), text: z.string().max(1_000_000) }).strict(),
    z.object({ year: z.number().int(), replaced: z.boolean(), status: calendarStatusSchema }),
  ),
  /** Forgets an imported year (the bundled data, if any, applies again). */
  'calendar.removeYear': channel(z.object({ year: z.number().int() }).strict(), calendarStatusSchema),
} as const;
