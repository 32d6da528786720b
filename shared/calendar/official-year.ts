/**
 * formats.md §8: the State Council's holiday arrangement for one year, loaded from a file (the
 * CLI's `--calendar`, the app's calendar import) or carried by a policy pack. It fills the years the
 * bundled chinese-days data does not have yet; a loaded year replaces the bundled data for that
 * year only. A year with neither is *unconfirmed*: Monday–Friday are assumed to be workdays and
 * every result computed over one of its days says so.
 */
import { z } from 'zod';
import {
  FIRST_SUPPORTED_YEAR,
  LAST_SUPPORTED_YEAR,
  beijingDayIndex,
  civilOfDay,
  dayOfDateString,
} from './beijing';

export interface OfficialYear {
  year: number;
  /** Where the list comes from, e.g. the notice's title. */
  source: string;
  /** Days off although Monday–Friday (weekend days may be listed; they change nothing). */
  holidays: string[];
  /** Saturdays or Sundays that are workdays (调休). */
  makeupWorkdays: string[];
}

const dateText = z.string({ error: '应为 YYYY-MM-DD 日期 / must be a YYYY-MM-DD date' }).max(10, {
  error: '应为 YYYY-MM-DD 日期 / must be a YYYY-MM-DD date',
});

export const officialYearSchema = z
  .object({
    year: z
      .number({ error: '应为年份数字 / must be a year number' })
      .int({ error: '应为整数年份 / must be a whole year' })
      .min(FIRST_SUPPORTED_YEAR, {
        error: `不早于 ${FIRST_SUPPORTED_YEAR} / not before ${FIRST_SUPPORTED_YEAR}`,
      })
      .max(LAST_SUPPORTED_YEAR, {
        error: `不晚于 ${LAST_SUPPORTED_YEAR} / not after ${LAST_SUPPORTED_YEAR}`,
      }),
    source: z
      .string({ error: '应为文字 / must be a string' })
      .max(500, { error: '最多 500 字 / at most 500 characters' })
      .default(''),
    holidays: z.array(dateText, { error: '应为日期数组 / must be an array of dates' }).max(366),
    makeupWorkdays: z.array(dateText, { error: '应为日期数组 / must be an array of dates' }).max(366),
  })
  .superRefine((value, ctx) => {
    const seen = new Map<string, 'holidays' | 'makeupWorkdays'>();
    for (const list of ['holidays', 'makeupWorkdays'] as const) {
      value[list].forEach((date, index) => {
        const path = [list, index];
        const day = dayOfDateString(date);
        if (day === undefined) {
          ctx.addIssue({
            code: 'custom',
            path,
            message: `"${date}" 不是有效日期 / is not a valid YYYY-MM-DD date`,
          });
          return;
        }
        if (Number(date.slice(0, 4)) !== value.year) {
          ctx.addIssue({
            code: 'custom',
            path,
            message: `${date} 不在 ${value.year} 年内 / is outside the year ${value.year}`,
          });
          return;
        }
        const other = seen.get(date);
        if (other && other !== list) {
          ctx.addIssue({
            code: 'custom',
            path,
            message: `${date} 同时列为放假日和调休上班日 / is listed both as a holiday and as a make-up workday`,
          });
        }
        seen.set(date, list);
      });
    }
  });

export type OfficialYearInput = z.input<typeof officialYearSchema>;

/**
 * Several loaded years, one per year: a later one replaces an earlier one for the same year, as a
 * file loaded for a year with official data replaces that data.
 */
export function mergeOfficialYears(
  ...lists: readonly (readonly OfficialYear[] | undefined)[]
): OfficialYear[] {
  const byYear = new Map<number, OfficialYear>();
  for (const list of lists) for (const entry of list ?? []) byYear.set(entry.year, entry);
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

/**
 * The years a user needs an official arrangement for as of `atMs`: the current Beijing year, and
 * from 1 December the next one too (the State Council publishes it late in the year before), plus
 * any other years the caller's records reach (e.g. the deadlines of stored tickets).
 */
export function yearsInUse(atMs: number, alsoYears: Iterable<number> = []): number[] {
  const { year, month } = civilOfDay(beijingDayIndex(atMs));
  const years = new Set<number>([year, ...alsoYears]);
  if (month === 12) years.add(year + 1);
  return [...years].sort((a, b) => a - b);
}
