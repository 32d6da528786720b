/** App-level channels: status and settings. */
import { z } from 'zod';
import { channel } from './define';

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

export const settingsSchema = z.object({
  locale: localeSchema,
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
  'settings.get': channel(empty, settingsSchema),
  'settings.update': channel(settingsSchema.partial().strict(), settingsSchema),
} as const;
