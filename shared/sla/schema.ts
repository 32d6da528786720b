/**
 * formats.md §3 input: `{ "tickets": [ { "id", "kind", "openedAt", "firstResponseAt" } ] }`.
 * Extra fields are kept (an optional `staff` enables per-staff compliance). Times are parsed to
 * epoch milliseconds here, once, so the engine's loop only sees numbers.
 */
import { z } from 'zod';
import { isoInstantSchema, nullableIsoInstantSchema } from '../calendar/instant';
import { ticketKinds } from '../policy/schema';

/** Ids are stored and compared as text (1 and "1" are one record), so they are bounded text. */
export const MAX_ID_LENGTH = 128;
export const MAX_NAME_LENGTH = 200;

export const idSchema = z.union(
  [
    z
      .string()
      .min(1, { error: '不能为空 / must not be empty' })
      .max(MAX_ID_LENGTH, {
        error: `不能超过 ${MAX_ID_LENGTH} 个字符 / must be at most ${MAX_ID_LENGTH} characters`,
      }),
    z.number().refine(Number.isSafeInteger, {
      error: '数字编号应为整数（不超过 2^53）/ a numeric id must be a whole number below 2^53',
    }),
  ],
  { error: '应为字符串或数字 / must be a string or a number' },
);

export const idCollisionMessage = (list: string, firstIndex: number, key: string) =>
  `与 ${list}[${firstIndex}].id 冲突（数字 ${key} 与文本 "${key}" 是同一编号）/ collides with ${list}[${firstIndex}].id (the number ${key} and the text "${key}" are the same id)`;

/**
 * Records are keyed by the id's text, so `1` and `"1"` in one file would silently be one record:
 * refuse the second with both paths named.
 */
export function refineIdCollisions(list: string) {
  return (file: Record<string, unknown>, ctx: z.RefinementCtx) => {
    const records = file[list];
    if (!Array.isArray(records)) return;
    const seen = new Map<string, { index: number; type: string }>();
    records.forEach((record: { id?: unknown }, index) => {
      const id = record?.id;
      if (typeof id !== 'string' && typeof id !== 'number') return;
      const key = String(id);
      const first = seen.get(key);
      if (!first) seen.set(key, { index, type: typeof id });
      else if (first.type !== typeof id) {
        ctx.addIssue({
          code: 'custom',
          path: [list, index, 'id'],
          message: idCollisionMessage(list, first.index, key),
        });
      }
    });
  };
}

export const ticketSchema = z
  .looseObject({
    id: idSchema,
    kind: z.enum(ticketKinds, { error: `应为以下之一 / must be one of: ${ticketKinds.join(', ')}` }),
    openedAt: isoInstantSchema,
    firstResponseAt: nullableIsoInstantSchema,
    staff: z
      .string({ error: '应为字符串 / must be a string' })
      .max(MAX_NAME_LENGTH, {
        error: `不能超过 ${MAX_NAME_LENGTH} 个字符 / must be at most ${MAX_NAME_LENGTH} characters`,
      })
      .optional(),
  })
  .superRefine((ticket, ctx) => {
    if (ticket.firstResponseAt !== null && ticket.firstResponseAt < ticket.openedAt) {
      ctx.addIssue({
        code: 'custom',
        path: ['firstResponseAt'],
        message: '早于 openedAt / is before openedAt',
      });
    }
  });

export const ticketsFileSchema = z
  .looseObject({
    tickets: z.array(ticketSchema, { error: '应为工单数组 / must be an array of tickets' }),
  })
  .superRefine(refineIdCollisions('tickets'));

/** A validated ticket: times are epoch milliseconds. */
export type Ticket = z.output<typeof ticketSchema>;
export type TicketsFile = z.output<typeof ticketsFileSchema>;
