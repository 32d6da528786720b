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

/**
 * Per-call caps. Files of any realistic size are uploaded first (bridge `upload`, see
 * electron/services/uploads.ts) and named by `uploadId`; the core streams them from disk. Inline
 * `text` is for small files from scripts and tests only (it crosses the transport as one string).
 */
export const importLimits = {
  maxInlineChars: 5_000_000,
  maxFiles: 500,
  /** An upload larger than this is refused by the transport before it is stored (1 GiB). */
  maxUploadBytes: 1024 ** 3,
} as const;

/** One problem of an imported file: where (field path, line, column) and what. */
export const importProblemSchema = z.object({
  path: z.string(),
  message: z.string(),
  line: z.number().int().optional(),
  column: z.number().int().optional(),
  /** A JSON syntax error, as a code the UI words (shared/json/parse). */
  syntax: z.enum(jsonSyntaxCodes).optional(),
});
export type ImportProblem = z.infer<typeof importProblemSchema>;

/** What every import result says besides its counts: the file, whole or not, and why not. */
export const importOutcomeFields = {
  name: z.string(),
  /** The whole file was stored. */
  ok: z.boolean(),
  /** Cancelled part-way: the batches counted in the result (committed) were kept, the rest not stored. */
  cancelled: z.boolean().optional(),
  problems: z.array(importProblemSchema),
  /** A file with very many problems lists the first ones; this many more were found. */
  problemsOmitted: z.number().int().positive().optional(),
};

export const importFileResultSchema = z.object({
  ...importOutcomeFields,
  imported: z.number().int().nonnegative(),
  /** Of `imported`: listings new to the app, and listings whose `id` was stored and were updated. */
  added: z.number().int().nonnegative().optional(),
  updated: z.number().int().nonnegative().optional(),
  localIds: z.array(z.string()),
});
export type ImportFileResult = z.infer<typeof importFileResultSchema>;

/** An upload's id: the transport made it when it stored the bytes (electron/services/uploads.ts). */
export const uploadIdSchema = z.uuid();

/** A file to import: uploaded (the UI, any size) or inline text (scripts and tests, small). */
export const importFileSchema = z.union([
  z.object({ name: z.string().max(1000), uploadId: uploadIdSchema }).strict(),
  z.object({ name: z.string().max(1000), text: z.string().max(importLimits.maxInlineChars) }).strict(),
]);
export type ImportFile = z.infer<typeof importFileSchema>;

/** The request shape of every file import (listings and compliance records). */
export const importFilesRequestSchema = z
  .object({
    files: z.array(importFileSchema).min(1).max(importLimits.maxFiles),
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
