/**
 * Marketplace sync (issue 10): the connection (endpoint, region, keys → the secret store; the
 * secret never comes back), sync now, the state the Sync page and the header indicator show
 * (outbox with state/attempts/last error, last complete pull, conflicts with both versions),
 * and what the user does about entries: retry, discard, resolve a conflict.
 */
import { z } from 'zod';
import { listingSchema } from '../../listing/schema';
import { channel } from './define';

export const syncReportSchema = z.object({
  cursor: z.string().nullable(),
  asOf: z.string().nullable(),
  pulled: z.number().int(),
  pushed: z.number().int(),
  conflicts: z.number().int(),
  failed: z.number().int(),
  pending: z.number().int(),
  resources: z.object({
    listings: z.number().int(),
    orders: z.number().int(),
    tickets: z.number().int(),
    ledger: z.number().int(),
    violations: z.number().int(),
  }),
});
export type SyncReportView = z.infer<typeof syncReportSchema>;

export const outboxStates = ['pending', 'sent', 'conflict', 'failed', 'discarded'] as const;
export const outboxEntrySchema = z.object({
  id: z.number().int(),
  resource: z.enum(['listing', 'ticket']),
  resourceId: z.string(),
  op: z.enum(['create', 'update', 'submit', 'delete', 'respond']),
  /** A short description (listing title, the response text's start). */
  label: z.string(),
  state: z.enum(outboxStates),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type OutboxEntryView = z.infer<typeof outboxEntrySchema>;

export const connectionSchema = z.object({
  endpoint: z.string().nullable(),
  region: z.string().nullable(),
  /** Masked (first and last four characters), never the whole key. */
  accessKey: z.string().nullable(),
  hasSecret: z.boolean(),
  intervalSeconds: z.number().int(),
  connected: z.boolean(),
});
export type ConnectionView = z.infer<typeof connectionSchema>;

/** The header indicator: offline · syncing · up to date · N waiting · error. */
export const syncIndicatorStates = [
  'not-connected',
  'offline',
  'syncing',
  'up-to-date',
  'waiting',
  'error',
] as const;

export const syncStatusSchema = z.object({
  indicator: z.enum(syncIndicatorStates),
  message: z.string().nullable(),
  report: syncReportSchema,
  outbox: z.array(outboxEntrySchema),
  scheduler: z.object({ running: z.boolean(), paused: z.boolean(), intervalSeconds: z.number().int() }),
});
export type SyncStatusView = z.infer<typeof syncStatusSchema>;

const id = z.object({ id: z.number().int().positive() }).strict();

export const syncContract = {
  'sync.connection': channel(z.object({}).strict(), connectionSchema),
  /** Saves endpoint/region/interval; keys only when given (the secret goes to the secret store). */
  'sync.connect': channel(
    z
      .object({
        endpoint: z.string().min(1).max(300),
        region: z.string().min(1).max(40),
        accessKey: z.string().max(128).optional(),
        secretKey: z.string().max(256).optional(),
        intervalSeconds: z.number().int().min(10).max(86_400).optional(),
      })
      .strict(),
    connectionSchema,
  ),
  /** Fetches the vendor profile with the saved connection. */
  'sync.testConnection': channel(z.object({}).strict(), z.object({ vendorId: z.string(), name: z.string() })),
  /** Forgets the keys; the synced data stays. */
  'sync.disconnect': channel(z.object({}).strict(), connectionSchema),
  'sync.now': channel(z.object({}).strict(), syncReportSchema),
  'sync.status': channel(z.object({}).strict(), syncStatusSchema),
  'sync.retry': channel(id, outboxEntrySchema),
  'sync.discard': channel(id, outboxEntrySchema),
  'sync.conflict': channel(
    id,
    z.object({
      mine: listingSchema.nullable(),
      theirs: z
        .object({ version: z.number().int(), draft: listingSchema, reviewState: z.string() })
        .nullable(),
    }),
  ),
  'sync.resolveConflict': channel(
    z.object({ id: z.number().int().positive(), choice: z.enum(['keep-mine', 'take-theirs']) }).strict(),
    outboxEntrySchema,
  ),
  /** Queues a local draft for the marketplace (create, or update when it is already there). */
  'sync.pushListing': channel(z.object({ localId: z.string().min(1).max(100) }).strict(), outboxEntrySchema),
  'sync.submitListing': channel(
    z.object({ localId: z.string().min(1).max(100) }).strict(),
    outboxEntrySchema,
  ),
  'sync.respondToTicket': channel(
    z.object({ ticketId: z.string().min(1).max(200), text: z.string().min(1).max(5000) }).strict(),
    outboxEntrySchema,
  ),
} as const;
