/**
 * Workdays and service hours in Beijing time.
 *
 * A workday is one the State Council calendar marks as working: Monday–Friday unless a statutory
 * holiday, plus weekend make-up days (调休). Users may override single dates (for a year the
 * calendar has not been published for yet, or a known change). Service time is the service
 * hours (e.g. 09:00–18:00, start included, end excluded) of workdays.
 *
 * Everything is precomputed once per (service hours, overrides) into typed arrays indexed by
 * Beijing day — a workday flag and the cumulative service milliseconds before each day — so
 * "add N seconds of service time" and "service time between two instants" are O(1) or a binary
 * search, with no date objects, however many tickets there are.
 */
import {
  FIRST_SUPPORTED_YEAR,
  LAST_SUPPORTED_YEAR,
  MS_PER_SECOND,
  beijingDayIndex,
  beijingDayStart,
  beijingMsOfDay,
  civilOfDay,
  dateStringOfDay,
  dayOfCivil,
  dayOfDateString,
  weekdayOfDay,
} from './beijing';
import {
  publishedHoliday,
  publishedHolidayDates,
  publishedMakeUpWorkday,
  publishedMakeUpWorkdayDates,
  publishedYears,
  type HolidayName,
} from './holiday-data';
import type { OfficialYear } from './official-year';

export type DayOverride = 'workday' | 'holiday';

export interface CalendarOptions {
  /** Service hours as `HH:MM` Beijing time; start included, end excluded. */
  serviceHours: { start: string; end: string };
  /** `YYYY-MM-DD` → workday/holiday; wins over the published calendar. */
  overrides?: Record<string, DayOverride>;
  /**
   * Official arrangements loaded from files or a policy pack (formats.md §8). Each replaces the
   * bundled chinese-days data for its year only, and makes that year confirmed.
   */
  officialYears?: readonly OfficialYear[];
}

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup-workday';

export interface DayInfo {
  date: string;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
  workday: boolean;
  kind: DayKind;
  /** Festival name when chinese-days has one for this date (holiday or make-up workday). */
  holidayName?: HolidayName;
  /** Set when a user override decided this day. */
  overridden?: DayOverride;
  /** False when the year has neither published data nor any override: Monday–Friday was assumed. */
  published: boolean;
  /**
   * True when the year's official arrangement is known (bundled or loaded, formats.md §8). User
   * overrides alone do not confirm a year: they are guesses about single dates.
   */
  confirmed: boolean;
}

const FIRST_DAY = dayOfCivil(FIRST_SUPPORTED_YEAR, 1, 1);
const LAST_DAY = dayOfCivil(LAST_SUPPORTED_YEAR, 12, 31);
const DAY_COUNT = LAST_DAY - FIRST_DAY + 1;

const HH_MM = /^([01]\d|2[0-4]):([0-5]\d)$/;

function msOfClock(text: string, field: string): number {
  const match = HH_MM.exec(text);
  const ms = match ? (Number(match[1]) * 60 + Number(match[2])) * 60_000 : NaN;
  if (!match || ms > 86_400_000)
    throw new RangeError(`${field}: 应为 HH:MM / must be HH:MM within a day, got "${text}"`);
  return ms;
}

function outOfRange(what: string): RangeError {
  return new RangeError(
    `${what} 超出支持的日历范围 / outside the supported calendar range ${FIRST_SUPPORTED_YEAR}–${LAST_SUPPORTED_YEAR}`,
  );
}

export class BusinessCalendar {
  readonly serviceStartMs: number;
  readonly serviceEndMs: number;
  private readonly serviceLengthMs: number;
  private readonly overrides: ReadonlyMap<number, DayOverride>;
  /** 1 when the day (index − FIRST_DAY) is a workday. */
  private readonly workday: Uint8Array;
  /** cumulativeServiceMs[i] = service milliseconds in days FIRST_DAY … FIRST_DAY + i − 1. */
  private readonly cumulativeServiceMs: Float64Array;
  private readonly yearsWithOverrides: ReadonlySet<number>;
  /** Official data loaded for a year, which then replaces the bundled data for that year. */
  private readonly loaded: ReadonlyMap<
    number,
    { holidays: ReadonlySet<string>; makeup: ReadonlySet<string> }
  >;
  /** 1 when the year (year − FIRST_SUPPORTED_YEAR) has an official arrangement. */
  private readonly confirmedYear: Uint8Array;

  constructor(options: CalendarOptions) {
    this.serviceStartMs = msOfClock(options.serviceHours.start, 'serviceHours.start');
    this.serviceEndMs = msOfClock(options.serviceHours.end, 'serviceHours.end');
    if (this.serviceEndMs <= this.serviceStartMs) {
      throw new RangeError('serviceHours: 结束须晚于开始 / end must be after start');
    }
    this.serviceLengthMs = this.serviceEndMs - this.serviceStartMs;

    const overrides = new Map<number, DayOverride>();
    for (const [date, kind] of Object.entries(options.overrides ?? {})) {
      const day = dayOfDateString(date);
      if (day === undefined) throw new RangeError(`overrides: 不是日期 / not a YYYY-MM-DD date: "${date}"`);
      if (kind !== 'workday' && kind !== 'holiday') {
        throw new RangeError(
          `overrides["${date}"]: 应为 workday 或 holiday / must be "workday" or "holiday"`,
        );
      }
      overrides.set(day, kind);
    }
    this.overrides = overrides;
    this.yearsWithOverrides = new Set([...overrides.keys()].map((day) => civilOfDay(day).year));

    const loaded = new Map<number, { holidays: ReadonlySet<string>; makeup: ReadonlySet<string> }>();
    for (const entry of options.officialYears ?? []) {
      loaded.set(entry.year, { holidays: new Set(entry.holidays), makeup: new Set(entry.makeupWorkdays) });
    }
    this.loaded = loaded;
    this.confirmedYear = new Uint8Array(LAST_SUPPORTED_YEAR - FIRST_SUPPORTED_YEAR + 1);
    for (const year of [...publishedYears, ...loaded.keys()]) {
      if (year >= FIRST_SUPPORTED_YEAR && year <= LAST_SUPPORTED_YEAR)
        this.confirmedYear[year - FIRST_SUPPORTED_YEAR] = 1;
    }

    // Monday–Friday, then the published holidays and make-up days (a loaded year's instead of the
    // bundled ones), then the user's overrides — the same precedence as classify(), which
    // describes single days for views.
    this.workday = new Uint8Array(DAY_COUNT);
    for (let i = 0; i < DAY_COUNT; i++) {
      const weekday = weekdayOfDay(FIRST_DAY + i);
      this.workday[i] = weekday >= 1 && weekday <= 5 ? 1 : 0;
    }
    const mark = (date: string, isWork: boolean) => {
      const day = dayOfDateString(date);
      if (day !== undefined && day >= FIRST_DAY && day <= LAST_DAY)
        this.workday[day - FIRST_DAY] = isWork ? 1 : 0;
    };
    const bundled = (date: string) => !loaded.has(Number(date.slice(0, 4)));
    for (const date of publishedHolidayDates) if (bundled(date)) mark(date, false);
    for (const date of publishedMakeUpWorkdayDates) if (bundled(date)) mark(date, true);
    for (const { holidays, makeup } of loaded.values()) {
      for (const date of holidays) mark(date, false);
      for (const date of makeup) mark(date, true);
    }
    for (const [day, kind] of overrides) {
      if (day >= FIRST_DAY && day <= LAST_DAY) this.workday[day - FIRST_DAY] = kind === 'workday' ? 1 : 0;
    }

    this.cumulativeServiceMs = new Float64Array(DAY_COUNT + 1);
    for (let i = 0; i < DAY_COUNT; i++) {
      this.cumulativeServiceMs[i + 1] =
        this.cumulativeServiceMs[i]! + (this.workday[i] === 1 ? this.serviceLengthMs : 0);
    }
  }

  /** Full description of one Beijing day (used to build the table and the month view). */
  private classify(day: number): DayInfo {
    const date = dateStringOfDay(day);
    const weekday = weekdayOfDay(day);
    const year = civilOfDay(day).year;
    const confirmed = this.isConfirmedYear(year);
    const published = confirmed || this.yearsWithOverrides.has(year);
    const official = this.loaded.get(year);
    // A loaded year has no festival names (the file lists dates only).
    const holiday = official ? (official.holidays.has(date) ? NO_NAME : undefined) : publishedHoliday(date);
    const makeUp = official
      ? official.makeup.has(date)
        ? NO_NAME
        : undefined
      : publishedMakeUpWorkday(date);
    const override = this.overrides.get(day);
    const weekend = weekday === 0 || weekday === 6;
    let kind: DayKind = makeUp ? 'makeup-workday' : holiday ? 'holiday' : weekend ? 'weekend' : 'workday';
    if (override === 'workday' && kind !== 'workday') kind = weekend ? 'makeup-workday' : 'workday';
    if (override === 'holiday' && (kind === 'workday' || kind === 'makeup-workday'))
      kind = weekend ? 'weekend' : 'holiday';
    const info: DayInfo = {
      date,
      weekday,
      workday: kind === 'workday' || kind === 'makeup-workday',
      kind,
      published,
      confirmed,
    };
    const name = makeUp ?? holiday;
    if (name && name !== NO_NAME) info.holidayName = name;
    if (override) info.overridden = override;
    return info;
  }

  /** Does the year have an official arrangement (bundled or loaded)? */
  isConfirmedYear(year: number): boolean {
    return this.confirmedYear[year - FIRST_SUPPORTED_YEAR] === 1;
  }

  /**
   * True when every Beijing day from the instant `fromMs` to `toMs` lies in a confirmed year, i.e.
   * a result computed over those days used the official calendar, not an assumed Monday–Friday.
   */
  confirmedBetween(fromMs: number, toMs: number): boolean {
    const first = civilOfDay(beijingDayIndex(Math.min(fromMs, toMs))).year;
    const last = civilOfDay(beijingDayIndex(Math.max(fromMs, toMs))).year;
    for (let year = first; year <= last; year++) if (!this.isConfirmedYear(year)) return false;
    return true;
  }

  /** Years from `fromMs` to `toMs` without an official arrangement. */
  unconfirmedYears(fromMs: number, toMs: number): number[] {
    if (!(fromMs <= toMs)) return [];
    const years: number[] = [];
    const last = civilOfDay(beijingDayIndex(toMs)).year;
    for (let year = civilOfDay(beijingDayIndex(fromMs)).year; year <= last; year++) {
      if (!this.isConfirmedYear(year)) years.push(year);
    }
    return years;
  }

  private slot(day: number): number {
    const i = day - FIRST_DAY;
    if (i < 0 || i >= DAY_COUNT) throw outOfRange(dateStringOfDay(day));
    return i;
  }

  isWorkdayIndex(day: number): boolean {
    return this.workday[this.slot(day)] === 1;
  }

  /** Is `YYYY-MM-DD` (Beijing) a workday? */
  isWorkday(date: string): boolean {
    const day = dayOfDateString(date);
    if (day === undefined) throw new RangeError(`不是日期 / not a YYYY-MM-DD date: "${date}"`);
    return this.isWorkdayIndex(day);
  }

  dayInfo(date: string): DayInfo {
    const day = dayOfDateString(date);
    if (day === undefined) throw new RangeError(`不是日期 / not a YYYY-MM-DD date: "${date}"`);
    this.slot(day);
    return this.classify(day);
  }

  /** Every day of a month (month 1–12) for a calendar view. */
  monthView(year: number, month: number): DayInfo[] {
    const first = dayOfCivil(year, month, 1);
    const next = month === 12 ? dayOfCivil(year + 1, 1, 1) : dayOfCivil(year, month + 1, 1);
    const days: DayInfo[] = [];
    for (let day = first; day < next; day++) {
      this.slot(day);
      days.push(this.classify(day));
    }
    return days;
  }

  /** Is the instant inside service hours of a workday? (start included, end excluded) */
  isServiceTime(ms: number): boolean {
    const msOfDay = beijingMsOfDay(ms);
    return (
      this.isWorkdayIndex(beijingDayIndex(ms)) &&
      msOfDay >= this.serviceStartMs &&
      msOfDay < this.serviceEndMs
    );
  }

  /** Service milliseconds from the start of the table up to the instant. */
  private serviceOffset(ms: number): number {
    const day = beijingDayIndex(ms);
    const i = this.slot(day);
    const before = this.cumulativeServiceMs[i] ?? 0;
    if (this.workday[i] !== 1) return before;
    const into = beijingMsOfDay(ms) - this.serviceStartMs;
    return before + (into <= 0 ? 0 : into >= this.serviceLengthMs ? this.serviceLengthMs : into);
  }

  /** Service milliseconds in [from, to); negative when to is before from. */
  serviceMsBetween(from: number, to: number): number {
    return this.serviceOffset(to) - this.serviceOffset(from);
  }

  serviceSecondsBetween(from: number, to: number): number {
    return this.serviceMsBetween(from, to) / MS_PER_SECOND;
  }

  /**
   * The earliest instant by which `amountMs` of service time has elapsed since `from`.
   * A deadline that runs out exactly at the end of service hours is that end (18:00), not the
   * next morning; one that starts outside service hours begins counting at the next opening.
   */
  addServiceMs(from: number, amountMs: number): number {
    if (!(amountMs > 0)) return from;
    const day = beijingDayIndex(from);
    const msOfDay = beijingMsOfDay(from);
    // Fast path, the common case for chats: inside today's hours with enough left.
    if (
      msOfDay >= this.serviceStartMs &&
      msOfDay + amountMs <= this.serviceEndMs &&
      this.isWorkdayIndex(day)
    ) {
      return from + amountMs;
    }
    const target = this.serviceOffset(from) + amountMs;
    const cumulative = this.cumulativeServiceMs;
    if (target > (cumulative[DAY_COUNT] ?? 0)) throw outOfRange('deadline');
    // First j with cumulative[j] ≥ target; day j − 1 holds the target (it has service time).
    let lo = day - FIRST_DAY + 1;
    let hi = DAY_COUNT;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((cumulative[mid] ?? 0) >= target) hi = mid;
      else lo = mid + 1;
    }
    const i = lo - 1;
    return beijingDayStart(FIRST_DAY + i) + this.serviceStartMs + (target - (cumulative[i] ?? 0));
  }

  addServiceSeconds(from: number, seconds: number): number {
    return this.addServiceMs(from, seconds * MS_PER_SECOND);
  }

  /**
   * The last day (`YYYY-MM-DD`, inclusive) of the Nth workday after `date`, the day itself not
   * counted: 第九条(六)'s top-up deadline is the end of that day, Beijing time.
   */
  endOfNthWorkdayAfter(date: string, n: number): string {
    const start = dayOfDateString(date);
    if (start === undefined) throw new RangeError(`不是日期 / not a YYYY-MM-DD date: "${date}"`);
    return dateStringOfDay(this.nthWorkdayAfterIndex(start, n));
  }

  nthWorkdayAfterIndex(day: number, n: number): number {
    let current = day;
    for (let found = 0; found < n;) {
      current++;
      if (this.isWorkdayIndex(current)) found++;
    }
    return current;
  }

  /**
   * Human-readable warnings for the years between two instants that have no published calendar
   * and no user overrides — workdays there were assumed to be Monday–Friday.
   */
  dataWarnings(fromMs: number, toMs: number): string[] {
    return this.unconfirmedYears(fromMs, toMs).map(missingYearWarning);
  }
}

export function missingYearWarning(year: number): string {
  return (
    `${year} 年的国务院节假日安排尚未载入，已按周一至周五为工作日计算（日历未确认）；公布后请用 --calendar 文件载入。 / ` +
    `no official State Council holiday calendar is loaded for ${year}: Monday–Friday were assumed to be workdays ` +
    `(calendar not confirmed); load the year's list with --calendar FILE once it is published.`
  );
}

/** Stands for "a holiday of a loaded year" whose festival the file does not name. */
const NO_NAME: HolidayName = { en: '', zh: '' };

/** Building a calendar fills ~76,000 days; reuse one per distinct configuration. */
const cache = new Map<string, BusinessCalendar>();

export function businessCalendar(options: CalendarOptions): BusinessCalendar {
  const overrides = Object.entries(options.overrides ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const official = (options.officialYears ?? []).map((y) => [y.year, y.holidays, y.makeupWorkdays]);
  const key = JSON.stringify([options.serviceHours.start, options.serviceHours.end, overrides, official]);
  let calendar = cache.get(key);
  if (!calendar) {
    calendar = new BusinessCalendar(options);
    if (cache.size >= 16) cache.clear();
    cache.set(key, calendar);
  }
  return calendar;
}
