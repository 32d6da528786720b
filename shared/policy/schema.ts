/**
 * Policy packs: every number the engines use, as data (resources/policies/*.json, or a file the
 * user loads in Settings). A pack is validated here so a hand-edited file fails with the field path
 * and the problem (in Chinese and English, as the user reads it) instead of producing silently
 * wrong deadlines.
 */
import { z } from 'zod';
import { officialYearSchema } from '../calendar/official-year';

const text = z.looseObject({
  'zh-CN': z
    .string({ error: '需要中文文字 / zh-CN text required' })
    .min(1, { error: '需要中文文字 / zh-CN text required' }),
  en: z
    .string({ error: '需要英文文字 / English text required' })
    .min(1, { error: '需要英文文字 / English text required' }),
});

const count = z
  .number({ error: '应为数字 / must be a number' })
  .int({ error: '应为整数 / must be a whole number' })
  .nonnegative({ error: '不能为负数 / must not be negative' });
const yuan = z
  .number({ error: '应为金额数字（元） / must be a number (yuan)' })
  .nonnegative({ error: '不能为负数 / must not be negative' })
  .refine((v) => Number.isInteger(Math.round(v * 100)) && Math.abs(Math.round(v * 100) - v * 100) < 1e-6, {
    error: '最多两位小数（元） / at most two decimals (yuan)',
  });
const clock = z.string().regex(/^([01]\d|2[0-4]):[0-5]\d$/, { error: '应为 HH:MM / must be HH:MM' });
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: '应为 YYYY-MM-DD / must be YYYY-MM-DD' });

export const ticketKinds = ['consultation', 'complaint', 'after-sales-email', 'after-sales-phone'] as const;
export type TicketKind = (typeof ticketKinds)[number];

export const calendarPolicySchema = z.looseObject({
  serviceHours: z.object({ start: clock, end: clock }),
  overrides: z
    .record(
      date,
      z.enum(['workday', 'holiday'], {
        error: '应为 "workday" 或 "holiday" / must be "workday" or "holiday"',
      }),
    )
    .default({}),
  /** Official years the pack brings (formats.md §8), e.g. a pack published after the notice. */
  officialYears: z.array(officialYearSchema).optional(),
});

const responseLimit = z.looseObject({
  seconds: z
    .number({ error: '应为数字 / must be a number' })
    .positive({ error: '应为正数 / must be positive' }),
  /** `service`: the clock runs only in service hours; `wall`: at any hour. */
  clock: z.enum(['service', 'wall'], { error: '应为 "service" 或 "wall" / must be "service" or "wall"' }),
  text,
});

export const slaPolicySchema = z.looseObject({
  clause: z.string(),
  limits: z.object({
    consultation: responseLimit,
    complaint: responseLimit,
    'after-sales-email': responseLimit,
    'after-sales-phone': responseLimit,
  }),
  /** Which penalty code a late ticket of each kind would earn (for what-if). */
  lateTicketCodes: z.record(z.enum(ticketKinds), z.string()),
});

export const depositPolicySchema = z.looseObject({
  clause: z.string(),
  topUpWorkdays: count,
  deductionWindowMonths: count,
  maxDeductionsInWindow: count,
  extraDepositYuan: yuan,
  text,
});

export const penaltySchema = z.looseObject({
  points: count,
  /** Freeze days, or `expel` (清退). */
  freeze: z.union([count, z.literal('expel')], {
    error: '应为天数或 "expel" / must be a number of days or "expel"',
  }),
  /** Deposit deduction in yuan, or `all` (whole deposit). */
  deduction: z.union([yuan, z.literal('all')], { error: '应为金额（元）或 "all" / must be yuan or "all"' }),
  group: z.string().optional(),
  clause: z.string(),
  text,
});
export type Penalty = z.infer<typeof penaltySchema>;

export const annualPointsSchema = z.looseObject({
  model: z.literal('annual'),
  clause: z.string(),
  expelAt: count,
  resetAt: text,
  codes: z.record(z.string(), penaltySchema),
});
export type AnnualPointsPolicy = z.infer<typeof annualPointsSchema>;

const threshold = z.looseObject({ points: count, action: text });

export const storeCategories = ['general', 'serious'] as const;
export type StoreCategory = (typeof storeCategories)[number];

export const categoryPointsSchema = z.looseObject({
  model: z.literal('categories'),
  clause: z.string(),
  categories: z.object({
    general: z.looseObject({ text, resetsYearly: z.boolean(), thresholds: z.array(threshold) }),
    serious: z.looseObject({ text, resetsYearly: z.boolean(), thresholds: z.array(threshold) }),
  }),
  codes: z.record(z.string(), z.looseObject({ category: z.enum(storeCategories), points: count, text })),
  delayedShipment: z.looseObject({
    code: z.string(),
    waybillWithinHours: z.number().positive(),
    pickupWithinHours: z.number().positive(),
    weeklyOnTimeRateThreshold: z.number().min(0).max(1),
    pointsPerLateOrder: count,
    weeklyCapAtOrAboveThreshold: count,
    weeklyPointsBelowThreshold: count,
    text,
  }),
});
export type CategoryPointsPolicy = z.infer<typeof categoryPointsSchema>;

export const policyPackSchema = z
  .looseObject({
    id: z
      .string({ error: '需要策略包 id / a pack id is required' })
      .regex(/^[a-z0-9-]+$/, {
        error: '只能是小写字母、数字和连字符 / must be lower-case letters, digits and dashes',
      })
      .max(100, { error: '最多 100 个字符 / at most 100 characters' }),
    /** Compared with the bundled pack of the same id: a loaded pack supersedes it only when newer. */
    version: z
      .string({ error: '需要版本号 / a version is required' })
      .regex(/^\d+\.\d+\.\d+$/, { error: '版本号应为 x.y.z，例如 1.0.0 / must be semver, e.g. 1.0.0' }),
    name: text,
    source: z.string(),
    calendar: calendarPolicySchema.optional(),
    sla: slaPolicySchema.optional(),
    deposit: depositPolicySchema.optional(),
    points: z.discriminatedUnion('model', [annualPointsSchema, categoryPointsSchema], {
      error: 'points.model 应为 "annual" 或 "categories" / points.model must be "annual" or "categories"',
    }),
  })
  .superRefine((pack, ctx) => {
    if ((pack.sla || pack.deposit) && !pack.calendar) {
      ctx.addIssue({
        code: 'custom',
        path: ['calendar'],
        message:
          '服务时效和保证金规则需要日历（服务时间） / SLA and deposit rules need a calendar (service hours)',
      });
    }
    if (pack.sla && pack.points.model === 'annual') {
      for (const [kind, code] of Object.entries(pack.sla.lateTicketCodes)) {
        if (!(code in pack.points.codes)) {
          ctx.addIssue({
            code: 'custom',
            path: ['sla', 'lateTicketCodes', kind],
            message: `未知的扣分代码 "${code}" / unknown penalty code "${code}"`,
          });
        }
      }
    }
    if (pack.points.model === 'categories' && !(pack.points.delayedShipment.code in pack.points.codes)) {
      ctx.addIssue({
        code: 'custom',
        path: ['points', 'delayedShipment', 'code'],
        message: '不是 points.codes 中的代码 / not a code of points.codes',
      });
    }
  });

export type PolicyPack = z.infer<typeof policyPackSchema>;
