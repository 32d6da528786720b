/**
 * formats.md §4 input: `{ "required": 10000, "entries": [ { "id", "at", "type", "amount", "reason" } ] }`.
 * Amounts are yuan with at most two decimals; times are parsed to epoch milliseconds.
 */
import { z } from 'zod';
import { isoInstantSchema } from '../calendar/instant';
import { yuanSchema } from '../listing/schema';
import { MAX_NAME_LENGTH, idSchema, refineIdCollisions } from '../sla/schema';

export const depositEntryTypes = ['payment', 'top-up', 'deduction', 'withdrawal', 'requirement'] as const;
export type DepositEntryType = (typeof depositEntryTypes)[number];

export const depositEntrySchema = z.looseObject({
  id: idSchema,
  at: isoInstantSchema,
  type: z.enum(depositEntryTypes, {
    error: `应为以下之一 / must be one of: ${depositEntryTypes.join(', ')}`,
  }),
  amount: yuanSchema,
  reason: z
    .string({ error: '应为字符串 / must be a string' })
    .max(10 * MAX_NAME_LENGTH, {
      error: `不能超过 ${10 * MAX_NAME_LENGTH} 个字符 / must be at most ${10 * MAX_NAME_LENGTH} characters`,
    })
    .nullable()
    .optional(),
});

export const depositLedgerSchema = z
  .looseObject({
    required: yuanSchema,
    entries: z.array(depositEntrySchema, { error: '应为流水数组 / must be an array of entries' }),
  })
  .superRefine(refineIdCollisions('entries'));

export type DepositEntry = z.output<typeof depositEntrySchema>;
export type DepositLedger = z.output<typeof depositLedgerSchema>;
