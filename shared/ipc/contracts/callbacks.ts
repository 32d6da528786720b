/**
 * Delivery-callback tester channels (issue 13; formats.md §6): the endpoint under test (the key
 * goes into the secret store and never comes back), starting a run, following its progress by
 * polling `callbacks.run` (no event channel yet), the run history and an HTML export of a run.
 */
import { z } from 'zod';
import { callbackCheckIds } from '../../callbacks/checks';
import { localeSchema } from './app';
import { channel } from './define';

const checkIdSchema = z.enum(callbackCheckIds);
const checkStatusSchema = z.enum(['pass', 'fail', 'skip']);

export const callbackExchangeSchema = z.object({
  label: z.string(),
  action: z.string(),
  url: z.string(),
  params: z.array(z.tuple([z.string(), z.string()])),
  sentAt: z.string(),
  ms: z.number(),
  outcome: z.enum(['answer', 'timeout', 'unreachable', 'error']),
  status: z.number().int().optional(),
  contentType: z.string().optional(),
  body: z.string().optional(),
  bytes: z.number().int().optional(),
  truncated: z.boolean().optional(),
  error: z.string().optional(),
});

export const callbackCheckSchema = z.object({
  id: checkIdSchema,
  status: checkStatusSchema,
  message: z.string(),
  ms: z.number(),
  exchanges: z.array(callbackExchangeSchema),
});

const summarySchema = z.object({ pass: z.number().int(), fail: z.number().int(), skip: z.number().int() });

export const callbackRunSummarySchema = z.object({
  id: z.number().int(),
  url: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  /** running; done (every check judged); unreachable (nothing judged); failed (the tester itself broke). */
  state: z.enum(['running', 'done', 'unreachable', 'failed']),
  summary: summarySchema,
});
export type CallbackRunSummary = z.infer<typeof callbackRunSummarySchema>;

export const callbackRunSchema = callbackRunSummarySchema.extend({
  timeoutMs: z.number().int(),
  retryIntervalMs: z.number().int(),
  /** The checks judged so far, in the order of formats.md §6 once the run is done. */
  checks: z.array(callbackCheckSchema),
  /** The call in flight while running. */
  current: z.string().nullable(),
  /** Why nothing was judged (unreachable) or why the run stopped (failed). */
  error: z.string().nullable(),
});
export type CallbackRun = z.infer<typeof callbackRunSchema>;

const ms = (max: number) => z.number().int().min(0).max(max);

export const callbackEndpointSchema = z.object({
  url: z.string().nullable(),
  /** Whether a key is saved; the key itself never leaves the main process. */
  hasKey: z.boolean(),
  timeoutMs: z.number().int(),
  retryIntervalMs: z.number().int(),
});
export type CallbackEndpoint = z.infer<typeof callbackEndpointSchema>;

export const callbacksContract = {
  'callbacks.endpoint': channel(z.object({}).strict(), callbackEndpointSchema),
  /** Saves the endpoint; `key` replaces the saved key (omit it to keep the saved one). */
  'callbacks.saveEndpoint': channel(
    z
      .object({
        url: z.string().min(1).max(2000),
        key: z.string().min(1).max(512).optional(),
        timeoutMs: ms(600_000).min(1).optional(),
        retryIntervalMs: ms(600_000).optional(),
      })
      .strict(),
    callbackEndpointSchema,
  ),
  'callbacks.forgetKey': channel(z.object({}).strict(), callbackEndpointSchema),
  /** Starts a run against the saved endpoint and key; follow it with callbacks.run. */
  'callbacks.start': channel(z.object({}).strict(), z.object({ id: z.number().int() })),
  'callbacks.run': channel(z.object({ id: z.number().int() }).strict(), callbackRunSchema),
  /** Runs, newest first. */
  'callbacks.history': channel(
    z.object({ limit: z.number().int().min(1).max(500).optional() }).strict(),
    z.array(callbackRunSummarySchema),
  ),
  /** A finished run as a self-contained HTML page (key and tokens masked). */
  'callbacks.report': channel(
    z.object({ id: z.number().int(), locale: localeSchema }).strict(),
    z.object({ fileName: z.string(), mimeType: z.string(), content: z.string() }),
  ),
} as const;
