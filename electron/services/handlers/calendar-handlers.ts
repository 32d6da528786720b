/**
 * Official holiday calendars (formats.md §8): the years known (bundled, from a policy pack, or
 * imported), the years in use that have none, and importing/removing a year's file. Imported years
 * are stored in the settings, so every engine run (pages, alerts) picks them up from there.
 */
import { beijingDayIndex, beijingYear, civilOfDay, formatBeijingIso } from '../../../shared/calendar/beijing';
import {
  publishedHolidayDates,
  publishedMakeUpWorkdayDates,
  publishedYears,
} from '../../../shared/calendar/holiday-data';
import { officialYearSchema, yearsInUse } from '../../../shared/calendar/official-year';
import type { CalendarStatus, CalendarYear, ImportedCalendar } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import { formatProblems, parseInputText } from '../../../shared/policy/input-file';
import { complianceConfig } from '../compliance/engines';
import type { HandlerContext, HandlerGroup } from './types';

const countByYear = (dates: readonly string[]) => {
  const counts = new Map<number, number>();
  for (const date of dates)
    counts.set(Number(date.slice(0, 4)), (counts.get(Number(date.slice(0, 4))) ?? 0) + 1);
  return counts;
};
const bundledHolidays = countByYear(publishedHolidayDates);
const bundledMakeup = countByYear(publishedMakeUpWorkdayDates);

export function calendarStatus(ctx: HandlerContext): CalendarStatus {
  const settings = ctx.settings.get();
  const config = complianceConfig(settings, ctx.compliance.policyPacks.current());
  const byYear = new Map<number, CalendarYear>();
  for (const year of publishedYears) {
    byYear.set(year, {
      year,
      origin: 'bundled',
      source: 'chinese-days',
      packId: null,
      holidays: bundledHolidays.get(year) ?? 0,
      makeupWorkdays: bundledMakeup.get(year) ?? 0,
      fileName: null,
      importedAt: null,
    });
  }
  // The years of the pack the calendar is built from (a loaded pack superseding a bundled one
  // brings its years here); a user's §8 import of the same year wins over it (see complianceConfig).
  const pack = config.calendarPack;
  for (const entry of pack.calendar?.officialYears ?? []) {
    byYear.set(entry.year, {
      ...summary(entry),
      origin: 'pack',
      source: entry.source || `${pack.id} ${pack.version}`,
      packId: pack.id,
      fileName: null,
      importedAt: null,
    });
  }
  for (const entry of settings.officialCalendars ?? []) {
    byYear.set(entry.year, {
      ...summary(entry),
      origin: 'file',
      packId: null,
      fileName: entry.fileName,
      importedAt: entry.importedAt,
    });
  }
  const now = ctx.now().getTime();
  const span = ctx.compliance.tickets.openedSpan();
  const ticketYears = span ? range(beijingYear(span.first), civilOfDay(beijingDayIndex(span.last)).year) : [];
  return {
    years: [...byYear.values()].sort((a, b) => b.year - a.year),
    unconfirmed: yearsInUse(now, ticketYears).filter((year) => !config.calendar.isConfirmedYear(year)),
    at: formatBeijingIso(now),
  };
}

function summary(entry: { year: number; source: string; holidays: string[]; makeupWorkdays: string[] }) {
  return {
    year: entry.year,
    source: entry.source,
    holidays: entry.holidays.length,
    makeupWorkdays: entry.makeupWorkdays.length,
  };
}

function range(first: number, last: number): number[] {
  const years: number[] = [];
  for (let year = first; year <= last && years.length < 50; year++) years.push(year);
  return years;
}

export function calendarHandlers(
  ctx: HandlerContext,
): HandlerGroup<'calendar.status' | 'calendar.importYear' | 'calendar.removeYear'> {
  return {
    'calendar.status': () => calendarStatus(ctx),
    'calendar.importYear': ({ name, text }) => {
      const parsed = parseInputText(officialYearSchema, text);
      if (!parsed.ok) {
        throw new AppError('invalid-input', formatProblems(name, parsed.problems), {
          file: name,
          problems: parsed.problems,
        });
      }
      const imported: ImportedCalendar = {
        ...parsed.value,
        fileName: name,
        importedAt: formatBeijingIso(ctx.now().getTime()),
      };
      const before = calendarStatus(ctx).years.some((y) => y.year === imported.year);
      const others = (ctx.settings.get().officialCalendars ?? []).filter(
        (entry) => entry.year !== imported.year,
      );
      ctx.settings.update({ officialCalendars: [...others, imported].sort((a, b) => a.year - b.year) });
      return { year: imported.year, replaced: before, status: calendarStatus(ctx) };
    },
    'calendar.removeYear': ({ year }) => {
      const stored = ctx.settings.get().officialCalendars ?? [];
      if (!stored.some((entry) => entry.year === year)) {
        throw new AppError('not-found', `没有导入 ${year} 年的节假日安排 / no imported calendar for ${year}`);
      }
      ctx.settings.update({ officialCalendars: stored.filter((entry) => entry.year !== year) });
      return calendarStatus(ctx);
    },
  };
}
