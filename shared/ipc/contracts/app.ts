/** App-level channels: status and settings. */
import { z } from 'zod';
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

const clockSchema = z.string().regex(/^([01]\d|2[0-4]):[0-5]\d$/, { error: 'must be HH:MM' });

/** Seconds before a deadline that an alert fires (issue 7); every field optional, defaults in the alert scheduler. */
export const alertLeadTimesSchema = z.object({
  consultation: z.number().int().min(0).max(86_400).optional(),
  complaint: z.number().int().min(0).max(86_400).optional(),
  afterSales: z.number().int().min(0).max(7 * 86_400).optional(),
  deposit: z.number().int().min(0).max(30 * 86_400).optional(),
});

export const settingsSchema = z.object({
  locale: localeSchema,
  /** Policy packs that apply (resources/policies); default: jdcloud-marketplace-2019 only. */
  policyPacks: z.array(z.string().regex(/^[a-z0-9-]+$/)).max(10).optional(),
  /** Service hours overriding the pack's (Beijing time). */
  serviceHours: z.object({ start: clockSchema, end: clockSchema }).optional(),
  /** Dates marked workday/holiday for years the State Council calendar does not cover yet. */
  calendarOverrides: z.record(z.string().regex(/^\d{4}-\d{2}-\d{2}$/), z.enum(['workday', 'holiday'])).optional(),
  /** Official years imported from formats.md §8 files (see contracts/calendar.ts). */
  officialCalendars: z.array(importedCalendarSchema).max(50).optional(),
  alertLeadTimes: alertLeadTimesSchema.optional(),
  /** No alerts outside service hours. */
  quietOutsideServiceHours: z.boolean().optional(),
  /** When the user last looked at the overview (ISO), for "what changed since". */
  complianceLastSeenAt: z.string().optional(),
});
export type Settings = z.infer<typeof settingsSchema>;

const empty = z.object({}).strict();

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
  'app.cancel': channel(z.object({ operationId: operationIdSchema }).strict(), z.object({ cancelled: z.boolean() })),
  'settings.get': channel(empty, settingsSchema),
  'settings.update': channel(settingsSchema.partial().strict(), settingsSchema),
} as const;
