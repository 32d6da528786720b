/**
 * formats.md §3 input: `{ "tickets": [ { "id", "kind", "openedAt", "firstResponseAt" } ] }`.
 * Extra fields are kept (an optional `staff` enables per-staff compliance). Times are parsed to
 * epoch milliseconds here, once, so the engine's loop only sees numbers.
 */
import { z } from 'zod';
import { isoInstantSchema, nullableIsoInstantSchema } from '../calendar/instant';
import { ticketKinds } from '../policy/schema';

export const idSchema = z.union([z.string().min(1, { error: '不能为空 / must not be empty' }), z.number()], {
  error: '应为字符串或数字 / must be a string or a number',
});

export const ticketSchema = z
  .looseObject({
    id: idSchema,
    kind: z.enum(ticketKinds, { error: `应为以下之一 / must be one of: ${ticketKinds.join(', ')}` }),
    openedAt: isoInstantSchema,
    firstResponseAt: nullableIsoInstantSchema,
    staff: z.string({ error: '应为字符串 / must be a string' }).optional(),
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

export const ticketsFileSchema = z.looseObject({
  tickets: z.array(ticketSchema, { error: '应为工单数组 / must be an array of tickets' }),
});

/** A validated ticket: times are epoch milliseconds. */
export type Ticket = z.output<typeof ticketSchema>;
export type TicketsFile = z.output<typeof ticketsFileSchema>;
