/**
 * The marketplace API's resources as zod schemas — written beside the OpenAPI document
 * (resources/api/marketplace.openapi.json) and checked against it in test/unit/api/contract.test.ts.
 * The client validates every response body with these, so nothing malformed reaches the store.
 *
 * Ticket, ledger-entry and violation records use the field names of formats.md §3–5 (plus extra
 * fields), so the app feeds them to the SLA, deposit and points engines unchanged.
 * Objects are loose: a newer server may add fields ("add fields freely, never rename").
 */
import { z } from 'zod';
import { listingSchema, listingTypes } from '../listing/schema';

/** ISO 8601 with an offset, as everywhere in formats.md. */
export const timestampSchema = z.iso.datetime({ offset: true });
const money = z.number().finite();

// ── envelopes ───────────────────────────────────────────────────────────────────────────────

export const errorBodySchema = z.looseObject({
  /** HTTP status code, repeated (JD Cloud convention). */
  code: z.number().int(),
  /** Symbolic status, e.g. UNAUTHENTICATED, FAILED_PRECONDITION. */
  status: z.string(),
  message: z.string(),
  details: z.unknown().optional(),
});

export const errorEnvelopeSchema = z.looseObject({
  requestId: z.string(),
  error: errorBodySchema,
});
export type ErrorEnvelope = z.infer<typeof errorEnvelopeSchema>;

export function envelopeSchema<T extends z.ZodType>(result: T) {
  return z.looseObject({ requestId: z.string(), result });
}

export const pageInfoShape = {
  totalCount: z.number().int().nonnegative(),
  pageNumber: z.number().int().positive(),
  pageSize: z.number().int().positive(),
};
export const MAX_PAGE_SIZE = 100;

// ── vendor ──────────────────────────────────────────────────────────────────────────────────

export const storeStatuses = ['normal', 'frozen', 'closed'] as const;

export const vendorSchema = z.looseObject({
  vendorId: z.string(),
  name: z.string(),
  qualification: z.looseObject({
    companyName: z.string(),
    unifiedSocialCreditCode: z.string(),
    licenseValidUntil: z.string(),
    categories: z.array(z.string()),
    authorizedBrands: z.array(z.string()),
  }),
  store: z.looseObject({
    status: z.enum(storeStatuses),
    /** Set while frozen: the end of the freeze. */
    frozenUntil: timestampSchema.nullable(),
    closedAt: timestampSchema.nullable(),
  }),
  serviceStaff: z.array(
    z.looseObject({
      name: z.string(),
      role: z.string(),
      phone: z.string().nullable(),
      email: z.string().nullable(),
    }),
  ),
  serviceHours: z.looseObject({
    timezone: z.string(),
    /** `cn-workdays`: State Council working days (formats.md §3). */
    days: z.string(),
    start: z.string(),
    end: z.string(),
  }),
  warrantyPeriodDays: z.number().int().nonnegative(),
  version: z.number().int().positive(),
  updatedAt: timestampSchema,
});
export type Vendor = z.infer<typeof vendorSchema>;

// ── listings ────────────────────────────────────────────────────────────────────────────────

export const reviewStates = [
  'draft',
  'submitted',
  'in-review',
  'approved',
  'rejected',
  'listed',
  'frozen',
  'delisted',
] as const;
export type ReviewState = (typeof reviewStates)[number];

export const reviewCommentSchema = z.looseObject({
  at: timestampSchema,
  author: z.string(),
  message: z.string(),
  /** Set when the comment comes from a self-check finding (formats.md §2 ruleId). */
  ruleId: z.string().nullable(),
  field: z.string().nullable(),
});

export const listingResourceSchema = z.looseObject({
  id: z.string(),
  version: z.number().int().positive(),
  /** The draft in formats.md §1 shape. */
  draft: listingSchema,
  review: z.looseObject({
    state: z.enum(reviewStates),
    comments: z.array(reviewCommentSchema),
    submittedAt: timestampSchema.nullable(),
    decidedAt: timestampSchema.nullable(),
  }),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type ListingResource = z.infer<typeof listingResourceSchema>;

export const listingPageSchema = z.looseObject({
  listings: z.array(listingResourceSchema),
  ...pageInfoShape,
});
/** Body of POST …/listings and PUT …/listings/{id}. */
export const listingWriteSchema = z.looseObject({ draft: listingSchema });

// ── orders ──────────────────────────────────────────────────────────────────────────────────

export const refundStates = ['pending', 'approved', 'rejected', 'refunded'] as const;

export const orderSchema = z.looseObject({
  id: z.string(),
  listingId: z.string(),
  type: z.enum(listingTypes),
  buyer: z.looseObject({ name: z.string() }),
  amount: money,
  currency: z.literal('CNY'),
  purchasedAt: timestampSchema,
  serviceConfirmedAt: timestampSchema.nullable(),
  warrantyEndsAt: timestampSchema.nullable(),
  /**
   * Orders of goods that ship only (absent on digital orders): when the courier waybill number was
   * uploaded and the courier's first pickup scan, null until then. They feed the jd-store-2021
   * delayed-shipment points (shared/points/store.ts), with `purchasedAt` as the payment time.
   */
  waybillUploadedAt: timestampSchema.nullable().optional(),
  pickedUpAt: timestampSchema.nullable().optional(),
  refundRequests: z.array(
    z.looseObject({
      id: z.string(),
      requestedAt: timestampSchema,
      amount: money,
      reason: z.string(),
      state: z.enum(refundStates),
    }),
  ),
  version: z.number().int().positive(),
  updatedAt: timestampSchema,
});
export type Order = z.infer<typeof orderSchema>;
export const orderPageSchema = z.looseObject({ orders: z.array(orderSchema), ...pageInfoShape });

// ── tickets (formats.md §3) ─────────────────────────────────────────────────────────────────

export const ticketKinds = ['consultation', 'complaint', 'after-sales-email', 'after-sales-phone'] as const;

export const ticketMessageSchema = z.looseObject({
  id: z.string(),
  at: timestampSchema,
  from: z.enum(['buyer', 'vendor', 'system']),
  text: z.string(),
});

export const ticketSchema = z.looseObject({
  id: z.string(),
  kind: z.enum(ticketKinds),
  openedAt: timestampSchema,
  firstResponseAt: timestampSchema.nullable(),
  orderId: z.string().nullable(),
  subject: z.string(),
  status: z.enum(['open', 'answered', 'closed']),
  messages: z.array(ticketMessageSchema),
  version: z.number().int().positive(),
  updatedAt: timestampSchema,
});
export type Ticket = z.infer<typeof ticketSchema>;
export const ticketPageSchema = z.looseObject({ tickets: z.array(ticketSchema), ...pageInfoShape });
/** Body of POST …/tickets/{id}:respond. */
export const ticketResponseWriteSchema = z.looseObject({ text: z.string().min(1).max(5000) });

// ── deposit (formats.md §4) ─────────────────────────────────────────────────────────────────

export const ledgerEntryTypes = ['payment', 'top-up', 'deduction', 'withdrawal', 'requirement'] as const;

export const ledgerEntrySchema = z.looseObject({
  id: z.string(),
  at: timestampSchema,
  type: z.enum(ledgerEntryTypes),
  amount: money,
  reason: z.string(),
  /** Balance after this entry (yuan). */
  balanceAfter: money,
});
export type LedgerEntry = z.infer<typeof ledgerEntrySchema>;

export const depositAccountSchema = z.looseObject({
  currency: z.literal('CNY'),
  required: money,
  balance: money,
  shortfall: money,
  updatedAt: timestampSchema,
});
export type DepositAccount = z.infer<typeof depositAccountSchema>;
export const ledgerPageSchema = z.looseObject({ entries: z.array(ledgerEntrySchema), ...pageInfoShape });

// ── violations (formats.md §5) ──────────────────────────────────────────────────────────────

export const violationCodes = [
  'brand-misuse',
  'bribery',
  'offline-trade',
  'prohibited-goods',
  'data-misuse',
  'premature-acceptance',
  'fraud',
  'fake-withdrawal',
  'obstruct-investigation',
  'abuse-users',
  'complaint-response-late',
  'service-unavailable',
  'broken-promise',
  'security-harm',
  'security-config',
  'embedded-sales-entry',
  'independent-account-system',
  'ip-infringement',
  'fake-transactions',
  'unfair-competition',
  'false-qualification',
  'official-site-missing',
  'not-on-jdcloud',
] as const;
export const appealStates = ['none', 'pending', 'accepted', 'rejected'] as const;

export const violationSchema = z.looseObject({
  id: z.string(),
  code: z.enum(violationCodes),
  occurredAt: timestampSchema,
  decidedAt: timestampSchema.nullable(),
  listingId: z.string().nullable(),
  description: z.string(),
  appeal: z.looseObject({
    state: z.enum(appealStates),
    submittedAt: timestampSchema.nullable(),
    decidedAt: timestampSchema.nullable(),
  }),
  version: z.number().int().positive(),
  updatedAt: timestampSchema,
});
export type Violation = z.infer<typeof violationSchema>;
export const violationPageSchema = z.looseObject({ violations: z.array(violationSchema), ...pageInfoShape });

// ── rule packs ──────────────────────────────────────────────────────────────────────────────

export const rulePackSummarySchema = z.looseObject({
  id: z.string(),
  /** The rule pack's own version, e.g. `2019.2` (the path's `{packVersion}`). */
  packVersion: z.string(),
  /** Revision of this record, as for every resource. */
  version: z.number().int().positive(),
  publishedAt: timestampSchema,
  /** Hex SHA-256 of the canonical JSON of `content`, so a download can be checked. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export const rulePackSchema = rulePackSummarySchema.extend({
  content: z.record(z.string(), z.unknown()),
});
export type RulePack = z.infer<typeof rulePackSchema>;
export const rulePackPageSchema = z.looseObject({
  rulePacks: z.array(rulePackSummarySchema),
  ...pageInfoShape,
});

// ── change feed ─────────────────────────────────────────────────────────────────────────────

export const resourceTypes = [
  'vendor',
  'listing',
  'order',
  'ticket',
  'ledgerEntry',
  'violation',
  'rulePack',
] as const;
export type ResourceType = (typeof resourceTypes)[number];

export const changeSchema = z.looseObject({
  /** Position in the feed; pass it back as `cursor` to read what follows. */
  cursor: z.string(),
  resourceType: z.enum(resourceTypes),
  resourceId: z.string(),
  /** `delete` is a tombstone: `data` is null. */
  op: z.enum(['upsert', 'delete']),
  version: z.number().int().nonnegative(),
  at: timestampSchema,
  data: z.record(z.string(), z.unknown()).nullable(),
});
export type Change = z.infer<typeof changeSchema>;

export const changePageSchema = z.looseObject({
  changes: z.array(changeSchema),
  /** The cursor to ask with next (the last change's, or the one given when nothing is new). */
  nextCursor: z.string(),
  hasMore: z.boolean(),
});

/** Each resource type's record, as the feed's `data` carries it. */
export const resourceSchemas = {
  vendor: vendorSchema,
  listing: listingResourceSchema,
  order: orderSchema,
  ticket: ticketSchema,
  ledgerEntry: ledgerEntrySchema,
  violation: violationSchema,
  rulePack: rulePackSchema,
} as const satisfies Record<ResourceType, z.ZodType>;
export type ResourceRecord<T extends ResourceType> = z.infer<(typeof resourceSchemas)[T]>;

function feedChangeOf<T extends ResourceType>(type: T) {
  return changeSchema.extend({
    resourceType: z.literal(type),
    data: resourceSchemas[type].nullable(),
  });
}

/**
 * The change feed as the client reads it: `ChangePage` with every record's `data` checked against
 * its resource type's schema in the same pass (one discriminated union over the page, not one
 * parse of the page and another of each record). A page with one broken record is refused whole
 * (malformed-response naming the record's path), so nothing of it is stored.
 */
export const feedChangeSchema = z.discriminatedUnion('resourceType', [
  feedChangeOf('vendor'),
  feedChangeOf('listing'),
  feedChangeOf('order'),
  feedChangeOf('ticket'),
  feedChangeOf('ledgerEntry'),
  feedChangeOf('violation'),
  feedChangeOf('rulePack'),
]);
export type FeedChange = z.infer<typeof feedChangeSchema>;
export const feedPageSchema = changePageSchema.extend({ changes: z.array(feedChangeSchema) });
export type FeedPage = z.infer<typeof feedPageSchema>;

// ── sandbox ─────────────────────────────────────────────────────────────────────────────────

export const advanceWriteSchema = z.looseObject({
  minutes: z
    .number()
    .int()
    .positive()
    .max(60 * 24 * 366),
});
export const advanceResultSchema = z.looseObject({
  now: timestampSchema,
  ticketsOpened: z.number().int().nonnegative(),
  reviewsFinished: z.number().int().nonnegative(),
  deductions: z.number().int().nonnegative(),
});

/**
 * Sandbox only: the marketplace publishes a rule-pack version. Without `content`, the sandbox's
 * own pack (the app's bundled one) as `packVersion`, with `changes` as its newest changelog entry;
 * with `content`, that pack as given — not validated, so a test can publish a bad one.
 */
export const rulePackPublishWriteSchema = z.looseObject({
  packVersion: z.string().regex(/^\d+\.\d+\.\d+$/),
  changes: z
    .array(z.object({ zh: z.string().min(1), en: z.string().min(1) }))
    .min(1)
    .optional(),
  content: z.record(z.string(), z.unknown()).optional(),
});

/**
 * The schemas of the OpenAPI document's components, by component name — the single list the
 * contract test walks to check the document and these schemas agree.
 */
export const componentSchemas = {
  ErrorEnvelope: errorEnvelopeSchema,
  Vendor: vendorSchema,
  Listing: listingResourceSchema,
  ListingPage: listingPageSchema,
  ListingWrite: listingWriteSchema,
  Order: orderSchema,
  OrderPage: orderPageSchema,
  Ticket: ticketSchema,
  TicketPage: ticketPageSchema,
  TicketResponseWrite: ticketResponseWriteSchema,
  DepositAccount: depositAccountSchema,
  LedgerPage: ledgerPageSchema,
  Violation: violationSchema,
  ViolationPage: violationPageSchema,
  RulePack: rulePackSchema,
  RulePackPage: rulePackPageSchema,
  ChangePage: changePageSchema,
  AdvanceWrite: advanceWriteSchema,
  AdvanceResult: advanceResultSchema,
  RulePackPublishWrite: rulePackPublishWriteSchema,
} as const;
export type ComponentName = keyof typeof componentSchemas;
