/** Public API of the Beijing business calendar (see beijing.ts and business-calendar.ts). */
export {
  BEIJING_TIME_ZONE,
  beijingDateString,
  beijingDayIndex,
  beijingYear,
  dateStringOfDay,
  dayOfDateString,
  formatBeijingIso,
  subtractBeijingMonths,
} from './beijing';
export {
  BusinessCalendar,
  businessCalendar,
  type CalendarOptions,
  type DayInfo,
  type DayKind,
  type DayOverride,
} from './business-calendar';
export { publishedYears, type HolidayName } from './holiday-data';
export { isoInstantSchema, nullableIsoInstantSchema, parseIsoInstant } from './instant';
