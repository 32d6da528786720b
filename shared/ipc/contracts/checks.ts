/**
 * Self-check channels: run and store a check, the per-listing summary the list shows, the check
 * history, the official-site verification (fetched and cached by main) and the check report.
 * The exposure arithmetic lives in shared/check/exposure.ts (main and the live editor share it).
 */
import { z } from 'zod';
import { listingSchema } from '../../listing/schema';
import type { CheckCounts, Exposure } from '../../check/exposure';
import { ruleIds } from '../../check/types';
import { localIdSchema, listingStatusSchema } from './listings';
import { localeSchema } from './app';
import { channel } from './define';

const severitySchema = z.enum(['blocker', 'warning', 'info']);
const ruleIdSchema = z.enum(ruleIds);

const penaltySchema = z.object({
  points: z.number(),
  freezeDays: z.union([z.number(), z.literal('expel')]),
  depositDeduction: z.union([z.number(), z.literal('all')]),
});

const textEditSchema = z.object({
  field: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  text: z.string(),
});

/** formats.md §2 finding (with the engine's optional extras). */
export const findingSchema = z.object({
  ruleId: ruleIdSchema,
  severity: severitySchema,
  field: z.string(),
  start: z.number().int().optional(),
  end: z.number().int().optional(),
  match: z.string().optional(),
  message: z.string(),
  clause: z.string(),
  penalty: penaltySchema.nullable(),
  suggestion: z.string(),
  messageEn: z.string().optional(),
  suggestionEn: z.string().optional(),
  fix: z.object({ label: z.string(), labelEn: z.string(), edits: z.array(textEditSchema) }).optional(),
  penaltyCode: z.string().optional(),
  /** Why, in the rule's words, and how sure the check is (issue 15). */
  reason: z.string().optional(),
  reasonEn: z.string().optional(),
  confidence: z.number().min(0).max(1).optional(),
  /** Set when a person dismissed this finding for this listing (it no longer counts). */
  dismissed: z
    .object({
      fingerprint: z.string().optional(),
      reason: z.string(),
      dismissedBy: z.string(),
      dismissedAt: z.string(),
    })
    .optional(),
});

/** A stored dismissal (shared/check/dismissals.ts). */
export const dismissalSchema = z.object({
  fingerprint: z.string(),
  ruleId: z.string(),
  field: z.string(),
  match: z.string().nullable(),
  reason: z.string(),
  dismissedBy: z.string(),
  dismissedAt: z.string(),
});

export const officialSiteVerificationSchema = z.object({
  url: z.string(),
  checkedAt: z.string(),
  status: z.enum(['verified', 'problems', 'unreachable']),
  httpStatus: z.number().int().optional(),
  found: z.object({
    pageExists: z.boolean(),
    namesProduct: z.boolean(),
    linksToListing: z.boolean().nullable(),
    statesPartnership: z.boolean(),
  }),
  missing: z.array(z.string()),
  error: z.string().optional(),
});

export const exposureSchema = z.object({
  points: z.number().int().nonnegative(),
  freezeDays: z.number().int().nonnegative(),
  /** Deposit deduction in yuan (the rows with a fixed amount). */
  depositYuan: z.number().nonnegative(),
  /** A row says 清退, or the points reach the expulsion threshold (第二十条 4). */
  expel: z.boolean(),
  /** A row deducts the whole deposit. */
  depositAll: z.boolean(),
  /** The penalty codes (附件一 rows) counted, each once. */
  rows: z.array(z.string()),
}) satisfies z.ZodType<Exposure>;

export const checkCountsSchema = z.object({
  blockers: z.number().int().nonnegative(),
  warnings: z.number().int().nonnegative(),
  infos: z.number().int().nonnegative(),
}) satisfies z.ZodType<CheckCounts>;

export const checkRunSchema = z.object({
  id: z.number().int(),
  localId: z.string(),
  revision: z.number().int(),
  checkedAt: z.string(),
  packId: z.string(),
  packVersion: z.string(),
  counts: checkCountsSchema,
  exposure: exposureSchema,
  /** Rule ids with at least one finding (for the list's rule filter). */
  rules: z.array(ruleIdSchema),
});
export type CheckRun = z.infer<typeof checkRunSchema>;

/** One row of the listings page: small on purpose (10,000 of them cross the bridge). */
export const listingSummarySchema = z.object({
  localId: z.string(),
  revision: z.number().int(),
  status: listingStatusSchema,
  updatedAt: z.string(),
  title: z.string(),
  listingId: z.string().optional(),
  type: listingSchema.shape.type,
  priceAmount: z.number(),
  billing: z.string(),
  /** The latest run; null until the listing has been checked. */
  check: z
    .object({
      checkedAt: z.string(),
      counts: checkCountsSchema,
      exposure: exposureSchema.omit({ rows: true }),
      /** Rule ids with findings as a bit set over `ruleIds` (see rulesOfMask); keeps 10,000 rows small. */
      ruleMask: z.number().int().nonnegative(),
    })
    .nullable(),
});
export type ListingSummary = z.infer<typeof listingSummarySchema>;

/** The listings table's sortable columns (ListingsPage) — sorted in SQL. */
export const listingSortFields = [
  'title',
  'blockers',
  'warnings',
  'exposure',
  'checkedAt',
  'updatedAt',
] as const;
export type ListingSortField = (typeof listingSortFields)[number];

/** One page of the listings table: filters, sort and paging all in SQL (issue 11). */
export const listingsPageRequestSchema = z
  .object({
    offset: z.number().int().nonnegative(),
    limit: z.number().int().min(1).max(500),
    sort: z
      .object({ field: z.enum(listingSortFields), order: z.enum(['asc', 'desc']) })
      .strict()
      .optional(),
    /** Part of the title or of the vendor's listing id (case-insensitive for Latin letters). */
    query: z.string().max(200).optional(),
    state: z.enum(['ready', 'blocked', 'unchecked']).optional(),
    rule: ruleIdSchema.optional(),
    severity: severitySchema.optional(),
  })
  .strict();
export type ListingsPageRequest = z.infer<typeof listingsPageRequestSchema>;

export const listingsPageSchema = z.object({
  rows: z.array(listingSummarySchema),
  /** Listings matching the filters. */
  total: z.number().int().nonnegative(),
  /** Listings stored. */
  all: z.number().int().nonnegative(),
});
export type ListingsPage = z.infer<typeof listingsPageSchema>;

export const reportFormatSchema = z.enum(['html', 'pdf']);

export const checksContract = {
  /** Checks the stored listing (with the cached official-site result) and stores the run. */
  'checks.run': channel(
    z.object({ localId: localIdSchema }).strict(),
    z.object({ run: checkRunSchema, findings: z.array(findingSchema) }),
  ),
  /** Every listing with its latest run; listings never checked at their current revision are checked first. */
  'checks.summary': channel(z.object({}).strict(), z.array(listingSummarySchema)),
  /** One page of the listings table (the page fetches the rows it shows); stale listings are checked first. */
  'checks.page': channel(listingsPageRequestSchema, listingsPageSchema),
  /** A listing's runs, oldest first. */
  'checks.history': channel(z.object({ localId: localIdSchema }).strict(), z.array(checkRunSchema)),
  /** Fetches the product page now and caches the result. */
  'checks.verifyOfficialSite': channel(
    z
      .object({
        url: z.string().min(1).max(2000),
        title: z.string().max(1000),
        marketplaceListingUrl: z.string().max(2000).optional(),
      })
      .strict(),
    officialSiteVerificationSchema,
  ),
  /** The cached verification of a URL, if any (the editor's live check uses it). */
  'checks.cachedVerification': channel(
    z.object({ url: z.string().max(2000) }).strict(),
    z.object({ verification: officialSiteVerificationSchema.nullable() }),
  ),
  /** The dismissed findings of a listing. */
  'checks.dismissals': channel(z.object({ localId: localIdSchema }).strict(), z.array(dismissalSchema)),
  /**
   * Dismisses a finding of the stored listing with a reason; the finding is identified as the
   * engine finds it now (rule, field, span), so a dismissal always refers to the current text.
   */
  'checks.dismiss': channel(
    z
      .object({
        localId: localIdSchema,
        ruleId: ruleIdSchema,
        field: z.string().min(1).max(500),
        start: z.number().int().nonnegative().optional(),
        end: z.number().int().nonnegative().optional(),
        reason: z.string().trim().min(1).max(2000),
        by: z.string().trim().min(1).max(200).optional(),
      })
      .strict(),
    dismissalSchema,
  ),
  /** Takes a dismissal back. */
  'checks.restore': channel(
    z.object({ localId: localIdSchema, fingerprint: z.string().min(1).max(2000) }).strict(),
    z.object({ restored: z.boolean() }),
  ),
  /** A check report of the listing as the editor has it (saved or not). PDF bytes come base64-encoded. */
  'checks.report': channel(
    z
      .object({
        listing: listingSchema,
        format: reportFormatSchema,
        locale: localeSchema,
        localId: localIdSchema.optional(),
      })
      .strict(),
    z.object({
      fileName: z.string(),
      mimeType: z.string(),
      encoding: z.enum(['utf8', 'base64']),
      content: z.string(),
    }),
  ),
} as const;

export type { CheckCounts, Exposure } from '../../check/exposure';
