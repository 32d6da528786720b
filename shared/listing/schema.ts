/**
 * The listing format of ../shared/spec/formats.md §1 — the project's public contract.
 * Unknown fields are kept (the spec says "add fields freely, never rename"), so import → export
 * round-trips what the vendor wrote. Fields whose absence is a *compliance* problem
 * (officialSite, delistingStrategy, serviceTerms, runsOnJdCloud) are optional here: a missing one
 * is a self-check finding, not unreadable input.
 */
import { z } from 'zod';

/** Yuan with at most two decimals (formats.md: "money is CNY yuan with at most two decimals"). */
export const yuanSchema = z
  .number({ error: '应为数字（元）/ must be a number (yuan)' })
  .finite()
  .nonnegative({ error: '不能为负数 / must not be negative' })
  .refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, {
    error: '最多两位小数（元）/ at most two decimals (yuan)',
  });

export const listingTypes = ['application', 'service', 'tool'] as const;
export const billingKinds = ['monthly', 'yearly', 'one-time', 'usage'] as const;

export const priceSchema = z.looseObject({
  amount: yuanSchema,
  currency: z.literal('CNY', { error: '币种应为 "CNY" / currency must be "CNY"' }),
  billing: z.enum(billingKinds, {
    error: `计费方式应为 / billing must be one of: ${billingKinds.join(', ')}`,
  }),
});

/** Ids and names are labels (file names, table cells), never documents: bounded. */
const MAX_LABEL = 200;
const label = () =>
  z
    .string({ error: '应为字符串 / must be a string' })
    .max(MAX_LABEL, { error: `不能超过 ${MAX_LABEL} 个字符 / must be at most ${MAX_LABEL} characters` });

export const specSchema = z.looseObject({
  name: label().min(1, { error: '不能为空 / must not be empty' }),
  price: yuanSchema,
  attributes: z
    .record(z.string(), z.string({ error: '属性值应为字符串 / attribute values must be strings' }))
    .optional(),
});

export const caseSchema = z.looseObject({
  title: z.string({ error: '应为字符串 / must be a string' }),
  content: z.string({ error: '应为字符串 / must be a string' }),
});

export const imageSchema = z.looseObject({
  url: z.string({ error: '应为字符串 / must be a string' }),
  alt: z.string({ error: '应为字符串 / must be a string' }).optional(),
});

export const listingSchema = z.looseObject({
  id: z
    .string({ error: '应为字符串 / must be a string' })
    .max(128, { error: '不能超过 128 个字符 / must be at most 128 characters' })
    .optional(),
  title: z.string({ error: '应为字符串 / must be a string' }),
  type: z.enum(listingTypes, { error: `应为以下之一 / must be one of: ${listingTypes.join(', ')}` }),
  price: priceSchema,
  specs: z.array(specSchema).optional(),
  attributes: z
    .record(z.string(), z.string({ error: '属性值应为字符串 / attribute values must be strings' }))
    .optional(),
  summary: z.string({ error: '应为字符串 / must be a string' }).optional(),
  description: z.string({ error: '应为字符串 / must be a string' }),
  cases: z.array(caseSchema).optional(),
  images: z.array(imageSchema).optional(),
  officialSite: z
    .looseObject({ productPageUrl: z.string({ error: '应为字符串 / must be a string' }) })
    .nullable()
    .optional(),
  delistingStrategy: z
    .string({ error: '应为字符串或 null / must be a string or null' })
    .nullable()
    .optional(),
  serviceTerms: z.string({ error: '应为字符串或 null / must be a string or null' }).nullable().optional(),
  runsOnJdCloud: z
    .boolean({ error: '应为 true、false 或 null / must be true, false or null' })
    .nullable()
    .optional(),
  vendor: z
    .looseObject({
      name: label(),
      authorizedBrands: z.array(z.string({ error: '应为字符串 / must be a string' })).default([]),
    })
    .optional(),
});

export type Listing = z.infer<typeof listingSchema>;

/**
 * The §1 fields, in the order of formats.md §1 (the schema's own order): the one list the store
 * (each its own column; any other key goes to `extra_json`) and the findings order (a listing
 * read top to bottom) are built from.
 */
export const listingFields = Object.keys(listingSchema.shape) as readonly (keyof Listing & string)[];
export type ListingType = (typeof listingTypes)[number];
export type Billing = (typeof billingKinds)[number];

/** The text fields a self-check or the editor addresses by name (formats.md §2 `field`). */
export type ListingInput = z.input<typeof listingSchema>;
