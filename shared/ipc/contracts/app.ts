/** App-level channels: status and settings. */
import { z } from 'zod';
import { FIRST_SUPPORTED_YEAR, LAST_SUPPORTED_YEAR, dayOfDateString } from '../../calendar/beijing';
import { parseIsoInstant } from '../../calendar/instant';
import { importedCalendarSchema } from './calendar';
import { channel, operationIdSchema } from './define';

export const localeSchema = z.enum(['zh-CN', 'en']);
export type Locale = z.infer<typeof localeSchema>;

export const databaseStateSchema = z.object({
  /** ok; restored (integrity check failed, started from a backup); read-only (written by a newer version). */
  state: z.enum(['ok', 'restored', 'read-only']),
  message: z.string().optional(),
  damagedCopy: z.string().optional(),
  restoredFrom: z.string().optional(),
  schemaVersion: z.number().int(),
  appSchemaVersion: z.number().int(),
});

/** `HH:MM` within a day: 00:00–23:59 (a start), or up to 24:00 (an end: "until midnight"). */
const startClockSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: '应为 00:00–23:59 / must be HH:MM from 00:00 to 23:59' });
const endClockSchema = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, {
  error: '应为 00:00–24:00 / must be HH:MM from 00:00 to 24:00',
});
const minutesOf = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

export const serviceHoursSchema = z
  .object({ start: startClockSchema, end: endClockSchema })
  .refine((hours) => minutesOf(hours.end) > minutesOf(hours.start), {
    path: ['end'],
    error: '结束须晚于开始 / must be after start',
  });

/** A calendar date that exists (2026-02-30 does not) within the supported years. */
const calendarDateSchema = z
  .string()
  .refine((text) => dayOfDateString(text) !== undefined, {
    error: '不存在的日期 / not an existing YYYY-MM-DD date',
  })
  .refine(
    (text) =>
      Number(text.slice(0, 4)) >= FIRST_SUPPORTED_YEAR && Number(text.slice(0, 4)) <= LAST_SUPPORTED_YEAR,
    {
      error: `年份须在 ${FIRST_SUPPORTED_YEAR}–${LAST_SUPPORTED_YEAR} 之间 / year must be within ${FIRST_SUPPORTED_YEAR}–${LAST_SUPPORTED_YEAR}`,
    },
  );

const isoInstantTextSchema = z.string().refine((text) => parseIsoInstant(text).ok, {
  error: '应为带时区偏移的 ISO 8601 时间 / must be an ISO 8601 time with an offset',
});

/** Seconds before a deadline that an alert fires (issue 7); every field optional, defaults in the alert scheduler. */
export const alertLeadTimesSchema = z.object({
  consultation: z.number().int().min(0).max(86_400).optional(),
  complaint: z.number().int().min(0).max(86_400).optional(),
  afterSales: z
    .number()
    .int()
    .min(0)
    .max(7 * 86_400)
    .optional(),
  deposit: z
    .number()
    .int()
    .min(0)
    .max(30 * 86_400)
    .optional(),
});

export const settingsSchema = z.object({
  locale: localeSchema,
  /** Policy packs that apply (resources/policies); default: jdcloud-marketplace-2019 only. */
  policyPacks: z
    .array(z.string().regex(/^[a-z0-9-]+$/))
    .max(10)
    .optional(),
  /** Service hours overriding the pack's (Beijing time). */
  serviceHours: serviceHoursSchema.optional(),
  /** Dates marked workday/holiday for years the State Council calendar does not cover yet. */
  calendarOverrides: z
    .record(calendarDateSchema, z.enum(['workday', 'holiday']))
    .refine((overrides) => Object.keys(overrides).length <= 2000, {
      error: '最多 2000 天 / at most 2000 dates',
    })
    .optional(),
  /** Official years imported from formats.md §8 files (see contracts/calendar.ts). */
  officialCalendars: z.array(importedCalendarSchema).max(50).optional(),
  alertLeadTimes: alertLeadTimesSchema.optional(),
  /** No alerts outside service hours. */
  quietOutsideServiceHours: z.boolean().optional(),
  /** Desktop app auto-update channel: stable releases only, or pre-releases too (electron/main/updates.ts). */
  updateChannel: z.enum(['latest', 'beta']).optional(),
  /** When the user last looked at the overview (ISO), for "what changed since". */
  complianceLastSeenAt: isoInstantTextSchema.optional(),
});
export type Settings = z.infer<typeof settingsSchema>;

const empty = z.object({}).strict();
const sampleDataStatus = z.object({ loaded: z.boolean(), offered: z.boolean() });

export const appContract = {
  'app.status': channel(
    empty,
    z.object({
      version: z.string(),
      mode: z.enum(['electron', 'browser']),
      database: databaseStateSchema,
      dataDir: z.string(),
    }),
  ),
  /** Cancels a long request that carried this `operationId` (it stops at its next batch and reports what it kept). */
  'app.cancel': channel(
    z.object({ operationId: operationIdSchema }).strict(),
    z.object({ cancelled: z.boolean() }),
  ),
  /**
   * Sample data (issue 17): whether it is loaded, and whether to offer it (the app holds no data).
   * Load and remove answer the same.
   */
  'app.sampleData': channel(empty, sampleDataStatus),
  'app.loadSampleData': channel(empty, sampleDataStatus),
  /** Also names the alerts it removed with the sample's records (their banners are taken down). */
  'app.removeSampleData': channel(
    empty,
    sampleDataStatus.extend({ removedAlerts: z.array(z.number().int()) }),
  ),
  'settings.get': channel(empty, settingsSchema),
  'settings.update': channel(settingsSchema.partial().strict(), settingsSchema),
} as const;
