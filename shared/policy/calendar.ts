/**
 * The business calendar a policy pack's rules run on: the pack's service hours and overrides, the
 * official years it carries, and what the user added on top (CLI `--overrides` / `--calendar`, the
 * app's settings and calendar imports). SLA and deposit engines both take their calendar from here.
 */
import { businessCalendar, type BusinessCalendar, type DayOverride } from '../calendar/business-calendar';
import { mergeOfficialYears, type OfficialYear } from '../calendar/official-year';
import type { PolicyPack } from './schema';

export interface CalendarInputs {
  /** Extra overrides (date → workday/holiday) on top of the pack's; they win. */
  calendarOverrides?: Record<string, DayOverride>;
  /** Official years (formats.md §8) on top of the pack's; a later one replaces the same year. */
  officialYears?: readonly OfficialYear[];
}

export function policyCalendar(pack: PolicyPack, inputs: CalendarInputs = {}): BusinessCalendar {
  if (!pack.calendar)
    throw new Error(`策略 ${pack.id} 没有服务时间 / policy ${pack.id} has no service calendar`);
  return businessCalendar({
    serviceHours: pack.calendar.serviceHours,
    overrides: { ...pack.calendar.overrides, ...inputs.calendarOverrides },
    officialYears: mergeOfficialYears(pack.calendar.officialYears, inputs.officialYears),
  });
}
