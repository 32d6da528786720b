/**
 * formats.md §5 input: `{ "violations": [ { "id", "code", "occurredAt", "decidedAt" } ] }`, with
 * optional per-violation `points`, `freezeDays`, `depositDeduction` overriding the penalty table.
 *
 * For the `jd-store-2021` pack the same file may also carry the orders from which delayed
 * shipment is computed:
 *
 *   "orders": [ { "id", "paidAt", "waybillUploadedAt", "pickedUpAt" } ]
 *
 *   paidAt             payment time (for cash on delivery: the time the order was submitted);
 *   waybillUploadedAt  when the courier waybill number was uploaded to JD, null if not yet;
 *   pickedUpAt         the courier's first pickup scan, null if not yet.
 *
 * Codes are checked against the chosen policy pack, so the schema is built per pack.
 */
import { z } from 'zod';
import { isoInstantSchema, nullableIsoInstantSchema } from '../calendar/instant';
import { yuanSchema } from '../listing/schema';
import type { PolicyPack } from '../policy/schema';
import { idSchema, refineIdCollisions } from '../sla/schema';

const count = z
  .number({ error: '应为数字 / must be a number' })
  .int({ error: '应为整数 / must be a whole number' })
  .nonnegative({ error: '不能为负数 / must not be negative' });

/** One violation, its code checked against the pack's table (a violations file's records). */
export function violationSchemaFor(pack: PolicyPack) {
  return violationSchema(Object.keys(pack.points.codes), pack.id);
}

function violationSchema(codes: readonly string[], policyId: string) {
  return z
    .looseObject({
      id: idSchema,
      code: z.string({ error: '应为字符串 / must be a string' }).refine((code) => codes.includes(code), {
        error: (issue) =>
          `策略 ${policyId} 中没有该违规代码 / unknown code ${JSON.stringify(issue.input)} for policy ${policyId}`,
      }),
      occurredAt: isoInstantSchema,
      decidedAt: nullableIsoInstantSchema,
      points: count.optional(),
      freezeDays: z
        .union([count, z.literal('expel')], {
          error: '应为天数或 "expel" / must be a number of days or "expel"',
        })
        .optional(),
      depositDeduction: z
        .union([yuanSchema, z.literal('all')], { error: '应为金额（元）或 "all" / must be yuan or "all"' })
        .optional(),
    })
    .superRefine((v, ctx) => {
      if (v.decidedAt !== null && v.decidedAt < v.occurredAt) {
        ctx.addIssue({
          code: 'custom',
          path: ['decidedAt'],
          message: '早于 occurredAt / is before occurredAt',
        });
      }
    });
}

export const orderSchema = z
  .looseObject({
    id: idSchema,
    paidAt: isoInstantSchema,
    waybillUploadedAt: nullableIsoInstantSchema.default(null),
    pickedUpAt: nullableIsoInstantSchema.default(null),
  })
  .superRefine((order, ctx) => {
    for (const field of ['waybillUploadedAt', 'pickedUpAt'] as const) {
      const value = order[field];
      if (value !== null && value < order.paidAt) {
        ctx.addIssue({ code: 'custom', path: [field], message: '早于 paidAt / is before paidAt' });
      }
    }
  });

export function violationsFileSchema(pack: PolicyPack) {
  const codes = Object.keys(pack.points.codes);
  return z
    .looseObject({
      violations: z.array(violationSchema(codes, pack.id), {
        error: '应为违规记录数组 / must be an array of violations',
      }),
      orders: z.array(orderSchema, { error: '应为订单数组 / must be an array of orders' }).optional(),
    })
    .superRefine(refineIdCollisions('violations'));
}

export type ViolationsFile = z.output<ReturnType<typeof violationsFileSchema>>;
export type Violation = ViolationsFile['violations'][number];
export type Order = z.output<typeof orderSchema>;
