/**
 * The IPC contract: every channel with its request and response schema. Preload derives
 * `window.vendorDesk` from the channel names, the main process (and the browser-mode host)
 * validate every request against these schemas, and the renderer gets its types from here.
 * Adding a capability = adding a channel here + a handler in electron/services/handlers.
 */
import { z } from 'zod';
import { listingSchema } from '../listing/schema';
import { channelNames, type ChannelName } from './channels';

export const localeSchema = z.enum(['zh-CN', 'en']);
export type Locale = z.infer<typeof localeSchema>;

export const listingStatusSchema = z.enum(['draft']);

export const listingRecordSchema = z.object({
  localId: z.string(),
  revision: z.number().int().positive(),
  status: listingStatusSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  listing: listingSchema,
});
export type ListingRecord = z.infer<typeof listingRecordSchema>;

const localIdSchema = z.string().min(1).max(64);

/** Per-file caps: a listing file is a few KB; 5 MB is generous, and protects the main process. */
export const importLimits = { maxFileChars: 5_000_000, maxFiles: 500 } as const;

export const importFileResultSchema = z.object({
  name: z.string(),
  ok: z.boolean(),
  imported: z.number().int().nonnegative(),
  localIds: z.array(z.string()),
  problems: z.array(
    z.object({
      path: z.string(),
      message: z.string(),
      line: z.number().int().optional(),
      column: z.number().int().optional(),
    }),
  ),
});
export type ImportFileResult = z.infer<typeof importFileResultSchema>;

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

const channel = <Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res) => ({ request, response });
const empty = z.object({}).strict();

export const contract = {
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
  'listings.list': channel(empty, z.array(listingRecordSchema)),
  'listings.get': channel(z.object({ localId: localIdSchema }).strict(), listingRecordSchema),
  'listings.create': channel(z.object({ listing: listingSchema }).strict(), listingRecordSchema),
  'listings.update': channel(
    z.object({ localId: localIdSchema, revision: z.number().int().positive(), listing: listingSchema }).strict(),
    listingRecordSchema,
  ),
  'listings.duplicate': channel(z.object({ localId: localIdSchema }).strict(), listingRecordSchema),
  'listings.delete': channel(z.object({ localId: localIdSchema }).strict(), z.object({ deleted: z.boolean() })),
  'listings.import': channel(
    z
      .object({
        files: z
          .array(z.object({ name: z.string().max(1000), text: z.string().max(importLimits.maxFileChars) }).strict())
          .min(1)
          .max(importLimits.maxFiles),
      })
      .strict(),
    z.object({ files: z.array(importFileResultSchema) }),
  ),
  'listings.export': channel(
    z.object({ localIds: z.array(localIdSchema).optional() }).strict(),
    z.object({ fileName: z.string(), text: z.string(), count: z.number().int() }),
  ),
} as const;

export type Contract = typeof contract;
export type { ChannelName };
export { channelNames };

// Compile-time check that channels.ts and the contract list the same channels.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _channelsMatch: Same<keyof Contract, ChannelName> = true;
void _channelsMatch;
export type RequestOf<C extends ChannelName> = z.input<Contract[C]['request']>;
export type ParsedRequestOf<C extends ChannelName> = z.output<Contract[C]['request']>;
export type ResponseOf<C extends ChannelName> = z.output<Contract[C]['response']>;

export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}
