/** Listing drafts: CRUD, import and export of formats.md §1 files. */
import { z } from 'zod';
import { jsonSyntaxCodes } from '../../json/parse';
import { listingSchema } from '../../listing/schema';
import { channel, operationIdSchema } from './define';

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

export const localIdSchema = z.string().min(1).max(64);

/** Per-file caps: a listing file is a few KB; 5 MB is generous, and protects the main process. */
export const importLimits = { maxFileChars: 5_000_000, maxFiles: 500 } as const;

export const importFileResultSchema = z.object({
  name: z.string(),
  ok: z.boolean(),
  imported: z.number().int().nonnegative(),
  /** Of `imported`: listings new to the app, and listings whose `id` was stored and were updated. */
  added: z.number().int().nonnegative().optional(),
  updated: z.number().int().nonnegative().optional(),
  localIds: z.array(z.string()),
  /** Cancelled part-way: `imported` listings (whole batches, committed) were kept, the rest not stored. */
  cancelled: z.boolean().optional(),
  problems: z.array(
    z.object({
      path: z.string(),
      message: z.string(),
      line: z.number().int().optional(),
      column: z.number().int().optional(),
      /** A JSON syntax error, as a code the UI words (shared/json/parse). */
      syntax: z.enum(jsonSyntaxCodes).optional(),
    }),
  ),
});
export type ImportFileResult = z.infer<typeof importFileResultSchema>;

/** The request shape of every file import (listings here; tickets, ledgers, violations later). */
export const importFilesRequestSchema = z
  .object({
    files: z
      .array(
        z.object({ name: z.string().max(1000), text: z.string().max(importLimits.maxFileChars) }).strict(),
      )
      .min(1)
      .max(importLimits.maxFiles),
    /** Makes the import an operation: `progress` events name it and `app.cancel` stops it between batches. */
    operationId: operationIdSchema.optional(),
  })
  .strict();

const empty = z.object({}).strict();
const byId = z.object({ localId: localIdSchema }).strict();

export const listingsContract = {
  'listings.list': channel(empty, z.array(listingRecordSchema)),
  'listings.get': channel(byId, listingRecordSchema),
  'listings.create': channel(z.object({ listing: listingSchema }).strict(), listingRecordSchema),
  'listings.update': channel(
    z
      .object({ localId: localIdSchema, revision: z.number().int().positive(), listing: listingSchema })
      .strict(),
    listingRecordSchema,
  ),
  'listings.duplicate': channel(byId, listingRecordSchema),
  'listings.delete': channel(byId, z.object({ deleted: z.boolean() })),
  'listings.import': channel(importFilesRequestSchema, z.object({ files: z.array(importFileResultSchema) })),
  'listings.export': channel(
    z.object({ localIds: z.array(localIdSchema).optional() }).strict(),
    z.object({ fileName: z.string(), text: z.string(), count: z.number().int() }),
  ),
} as const;
