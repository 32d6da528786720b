/**
 * Service tickets, deposit ledger and violations (issue 7): import of formats.md §3–5 files,
 * manual entry, the engines' reports as of now, the service calendar and the what-if simulator.
 *
 * Entry requests reuse the engines' own zod schemas (shared/sla, shared/deposit), so a ticket
 * typed into the form is checked exactly as `vendordesk sla` checks a file. Engine reports cross
 * the boundary as the engines produce them (their types are the contract; they are not re-described).
 */
import { z } from 'zod';
import type { DayInfo } from '../../calendar/business-calendar';
import type { DepositReport } from '../../deposit/compute';
import { depositEntrySchema } from '../../deposit/schema';
import type { PointsReport } from '../../points/compute';
import type { AnnualWhatIf, CategoryWhatIf } from '../../points/what-if';
import { ticketKinds } from '../../policy/schema';
import type { SlaSummaryReport } from '../../sla/compute';
import { idSchema, ticketSchema } from '../../sla/schema';
import { yuanSchema } from '../../listing/schema';
import { channel } from './define';
import { importFilesRequestSchema, importOutcomeFields } from './listings';

/** A report produced by one of the engines in the main process; trusted, passed through as is. */
const engineReport = <T>() => z.custom<T>((value) => typeof value === 'object' && value !== null);

export const recordSources = ['import', 'manual', 'sync'] as const;
export type RecordSource = (typeof recordSources)[number];

const provenance = {
  source: z.enum(recordSources),
  /** When the record was imported, typed in or synced (ISO). */
  sourceAt: z.string(),
  /** The file it came from, for imports. */
  sourceFile: z.string().nullable(),
};

export const ticketRecordSchema = z.object({
  id: z.union([z.string(), z.number()]),
  kind: z.enum(ticketKinds),
  openedAt: z.string(),
  firstResponseAt: z.string().nullable(),
  staff: z.string().nullable(),
  ...provenance,
});
export type TicketRecord = z.infer<typeof ticketRecordSchema>;

export const ledgerRecordSchema = z.object({
  id: z.union([z.string(), z.number()]),
  at: z.string(),
  type: z.enum(['payment', 'top-up', 'deduction', 'withdrawal', 'requirement']),
  amount: z.number(),
  reason: z.string().nullable(),
  ...provenance,
});
export type LedgerRecord = z.infer<typeof ledgerRecordSchema>;

export const appealStates = ['none', 'filed', 'upheld', 'overturned'] as const;
export type AppealState = (typeof appealStates)[number];

export const violationRecordSchema = z.object({
  id: z.union([z.string(), z.number()]),
  /** The policy pack whose code table the violation belongs to. */
  policy: z.string(),
  code: z.string(),
  occurredAt: z.string(),
  decidedAt: z.string().nullable(),
  points: z.number().nullable(),
  freezeDays: z.union([z.number(), z.literal('expel')]).nullable(),
  depositDeduction: z.union([z.number(), z.literal('all')]).nullable(),
  /**
   * The penalty the engine counts for it (points/penaltyOf: its pack's code table with the overrides
   * above); freeze and deduction are null where the pack's model has none. Null for an unknown code.
   */
  penalty: z
    .object({
      points: z.number(),
      freeze: z.union([z.number(), z.literal('expel')]).nullable(),
      deduction: z.union([z.number(), z.literal('all')]).nullable(),
    })
    .nullable(),
  appeal: z.object({ state: z.enum(appealStates), note: z.string().nullable(), at: z.string().nullable() }),
  ...provenance,
});
export type ViolationRecord = z.infer<typeof violationRecordSchema>;

const rateRow = z.object({
  met: z.number().int(),
  breached: z.number().int(),
  pending: z.number().int(),
  rate: z.number().nullable(),
});
export type RateRow = z.infer<typeof rateRow>;

/** Counted violations per list in the snapshot's points reports (the latest; see complianceSnapshotSchema.points). */
export const SNAPSHOT_COUNTED = 200;

export const complianceSnapshotSchema = z.object({
  /** Every number below is as of this instant (ISO +08:00) … */
  at: z.string(),
  /** … in epoch ms, for countdowns (the renderer adds its own elapsed time, never its wall clock). */
  atMs: z.number(),
  policies: z.array(z.string()),
  /** Tickets stored (their rows: compliance.tickets, a page at a time). */
  ticketCount: z.number().int().nonnegative(),
  /** The pending tickets closest to their deadline (at most 20), soonest first. */
  closestTickets: z.array(
    z.object({
      id: z.union([z.string(), z.number()]),
      kind: z.enum(ticketKinds),
      staff: z.string().nullable(),
      deadline: z.string(),
      deadlineMs: z.number(),
      calendarConfirmed: z.boolean(),
    }),
  ),
  /** Staff names on stored tickets (the Service page's filter). */
  staffNames: z.array(z.string()),
  ledger: z.object({ required: z.number(), entries: z.array(ledgerRecordSchema) }).nullable(),
  /** Violations stored (their rows: compliance.violations, a page at a time). */
  violationCount: z.number().int().nonnegative(),
  /** computeSla's report without its per-ticket rows (those come with compliance.tickets). */
  sla: engineReport<SlaSummaryReport>().nullable(),
  deposit: engineReport<DepositReport>().nullable(),
  /**
   * One report per enabled policy pack, in settings order; each `counted` list holds its latest
   * SNAPSHOT_COUNTED entries (`countedTotal` says how many there are).
   */
  points: z.array(engineReport<PointsReport>()),
  /** Today's and this week's (Monday–today, Beijing) tickets by the day they were opened. */
  today: rateRow,
  week: rateRow,
  /** Deadline of the deposit top-up: end of topUpDueDate (exclusive), epoch ms. */
  depositDueEndMs: z.number().nullable(),
  changes: z.object({
    since: z.string().nullable(),
    tickets: z.number().int(),
    ledger: z.number().int(),
    violations: z.number().int(),
    /** Tickets whose deadline passed unanswered (or answered late) since the last look. */
    newlyBreached: z.array(z.union([z.string(), z.number()])),
    /** How many there are (newlyBreached lists the first 200). */
    newlyBreachedCount: z.number().int().nonnegative(),
    alerts: z.number().int(),
  }),
});
export type ComplianceSnapshot = z.infer<typeof complianceSnapshotSchema>;

export const complianceImportKinds = ['tickets', 'ledger', 'violations'] as const;

export const complianceImportResultSchema = z.object({
  ...importOutcomeFields,
  kind: z.enum(complianceImportKinds).nullable(),
  /** New ids. */
  inserted: z.number().int().nonnegative(),
  /** Ids that were already stored and were replaced by the file's version. */
  updated: z.number().int().nonnegative(),
  /**
   * Violation ids the file lists more than once (one matter, stored once: the last record wins):
   * the first few, and how many ids were repeated.
   */
  repeatedIds: z.object({ ids: z.array(z.string()).max(10), count: z.number().int().positive() }).optional(),
});
export type ComplianceImportResult = z.infer<typeof complianceImportResultSchema>;

const codeEntry = z.object({
  code: z.string(),
  points: z.number(),
  freeze: z.union([z.number(), z.literal('expel')]).nullable(),
  deduction: z.union([z.number(), z.literal('all')]).nullable(),
  category: z.enum(['general', 'serious']).nullable(),
  clause: z.string().nullable(),
  text: z.object({ 'zh-CN': z.string(), en: z.string() }),
});
export type CodeEntry = z.infer<typeof codeEntry>;

export const catalogSchema = z.object({
  packs: z.array(
    z.object({
      id: z.string(),
      name: z.object({ 'zh-CN': z.string(), en: z.string() }),
      model: z.enum(['annual', 'categories']),
      expelAt: z.number().nullable(),
      resetAt: z.object({ 'zh-CN': z.string(), en: z.string() }).nullable(),
      codes: z.array(codeEntry),
    }),
  ),
  /** Self-check rules (resources/rulepacks) with the penalty code a finding would earn. */
  selfCheckRules: z.array(
    z.object({
      rule: z.string(),
      penaltyCode: z.string(),
      message: z.object({ zh: z.string(), en: z.string() }),
    }),
  ),
  /** Which code a late ticket of each kind risks (policy pack SLA section). */
  lateTicketCodes: z.record(z.string(), z.string()),
  serviceHours: z.object({ start: z.string(), end: z.string() }),
  /** The primary pack's deposit rule numbers (第九条(六)), for explaining the engine's result. */
  depositRules: z
    .object({
      topUpWorkdays: z.number(),
      deductionWindowMonths: z.number(),
      maxDeductionsInWindow: z.number(),
      extraDepositYuan: z.number(),
    })
    .nullable(),
});
export type ComplianceCatalog = z.infer<typeof catalogSchema>;

export const alertKinds = ['ticket-deadline', 'deposit-due', 'new-violation'] as const;
export type AlertKind = (typeof alertKinds)[number];

/**
 * What an alert says, as a code (its kind) with parameters: put into words when shown, in the
 * language of the moment (shared/i18n/alert-text.ts). Null for alerts stored before the
 * parameters were (migration 0009): those show their stored title and body.
 */
export const alertMessageSchema = z.discriminatedUnion('code', [
  z.object({ code: z.literal('ticket-deadline'), ticketKind: z.enum(ticketKinds), time: z.string() }),
  z.object({ code: z.literal('deposit-due'), shortfall: z.number(), dueDate: z.string() }),
  z.object({
    code: z.literal('new-violation'),
    violationCode: z.string(),
    points: z.number().nullable(),
    /** The code's name in the policy pack's table (issue 17: alerts name the matter, not the code). */
    name: z.object({ 'zh-CN': z.string(), en: z.string() }).optional(),
    /** Where this violation leaves the year: points after it, and its freeze and deduction. */
    consequence: z
      .object({
        totalAfter: z.number(),
        expelAt: z.number(),
        expelled: z.boolean(),
        freeze: z.union([z.number(), z.literal('expel')]),
        deduction: z.union([z.number(), z.literal('all')]),
      })
      .optional(),
  }),
]);
export type AlertMessage = z.infer<typeof alertMessageSchema>;

export const alertRecordSchema = z.object({
  id: z.number().int(),
  kind: z.enum(alertKinds),
  recordId: z.string(),
  /** The deadline the alert is about (ISO), or the decision time for a violation. */
  deadline: z.string(),
  /** In the language of the moment the alert was raised: the fallback when `message` is null. */
  title: z.string(),
  body: z.string(),
  message: alertMessageSchema.nullable(),
  route: z.string(),
  createdAt: z.string(),
});
export type AlertRecord = z.infer<typeof alertRecordSchema>;

const empty = z.object({}).strict();
const ok = z.object({ ok: z.literal(true) });

/** A ticket with its SLA result as of the answer's `at` (formats.md §3 per-ticket fields). */
export const ticketWithSlaSchema = ticketRecordSchema.extend({
  deadline: z.string(),
  deadlineMs: z.number(),
  status: z.enum(['met', 'breached', 'pending']),
  responseSeconds: z.number().nullable(),
  timeLeftSeconds: z.number().nullable(),
  serviceSecondsLeft: z.number().nullable(),
  calendarConfirmed: z.boolean(),
});
export type TicketWithSlaRecord = z.infer<typeof ticketWithSlaSchema>;

const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be YYYY-MM-DD' });

/** Where a row is in a sort (its sort value and row number): opaque to the renderer. */
export const ticketCursorSchema = z
  .string()
  .max(100)
  .regex(/^(openedAt|deadline)~(-|-?\d{1,16})~\d{1,16}$/, { error: 'not a tickets page cursor' });

/** One page of the Service page's tickets table: filters, sort and paging in SQL (issue 11). */
export const ticketsPageRequestSchema = z
  .object({
    offset: z.number().int().nonnegative(),
    limit: z.number().int().min(1).max(500),
    kind: z.enum(ticketKinds).optional(),
    status: z.enum(['met', 'breached', 'pending']).optional(),
    staff: z.string().max(200).optional(),
    /** Opened on or after / on or before these Beijing dates. */
    from: dateSchema.optional(),
    to: dateSchema.optional(),
    /** Part of the ticket id. */
    query: z.string().max(200).optional(),
    sort: z
      .object({ field: z.enum(['openedAt', 'deadline']), order: z.enum(['asc', 'desc']) })
      .strict()
      .optional(),
    /**
     * Keyset paging: the page starts right after (or ends right before) the row this cursor names,
     * a `firstCursor` / `lastCursor` of an earlier answer with the same sort; `offset` then counts
     * the rows skipped from there. The database seeks to the cursor instead of stepping over every
     * row before it, so the next or previous page costs the same a million rows deep.
     */
    after: ticketCursorSchema.optional(),
    before: ticketCursorSchema.optional(),
    /**
     * A ticket's id (a deep link, e.g. an alert's Open): the answer is the page that holds it
     * under these filters and this sort, whatever `offset` says (the answer's `offset` says which).
     */
    around: idSchema.optional(),
  })
  .strict()
  .refine((request) => request.after === undefined || request.before === undefined, {
    error: 'after and before exclude each other',
    path: ['before'],
  })
  .refine((request) => request.around === undefined || (!request.after && !request.before), {
    error: 'around excludes after and before',
    path: ['around'],
  });
export type TicketsPageRequest = z.infer<typeof ticketsPageRequestSchema>;

/** One page of the ledger or violations table (issue 17): search and paging in SQL. */
const recordsPageRequest = {
  offset: z.number().int().nonnegative(),
  limit: z.number().int().min(1).max(500),
  /** Part of the id or the reason (ledger), of the id, code or code's name (violations). */
  query: z.string().max(200).optional(),
};
export const ledgerPageRequestSchema = z
  .object({
    ...recordsPageRequest,
    /** Entry types whose name (in the user's language) the query matched. */
    types: z.array(ledgerRecordSchema.shape.type).max(5).optional(),
  })
  .strict();
export type LedgerPageRequest = z.infer<typeof ledgerPageRequestSchema>;
export const violationsPageRequestSchema = z
  .object({
    ...recordsPageRequest,
    /** A violation's id (a deep link): the answer is the page that holds it, whatever `offset` says. */
    around: idSchema.optional(),
  })
  .strict();
export type ViolationsPageRequest = z.infer<typeof violationsPageRequestSchema>;

export const complianceContract = {
  'compliance.snapshot': channel(empty, complianceSnapshotSchema),
  /** Tickets with their SLA results, a page at a time; `total` matches the filters. */
  'compliance.tickets': channel(
    ticketsPageRequestSchema,
    z.object({
      at: z.string(),
      rows: z.array(ticketWithSlaSchema),
      total: z.number().int().nonnegative(),
      /** Where the page starts among the matching rows: the request's offset, or the page `around` names. */
      offset: z.number().int().nonnegative(),
      /** Cursors of the first and last row (null when no rows): `before` / `after` of the next request. */
      firstCursor: ticketCursorSchema.nullable(),
      lastCursor: ticketCursorSchema.nullable(),
    }),
  ),
  /** Ledger entries in time order, a page at a time; `total` matches the search. */
  'compliance.ledger': channel(
    ledgerPageRequestSchema,
    z.object({ rows: z.array(ledgerRecordSchema), total: z.number().int().nonnegative() }),
  ),
  /** Violations in decision order, a page at a time; `total` matches the search, `offset` is the page's. */
  'compliance.violations': channel(
    violationsPageRequestSchema,
    z.object({
      rows: z.array(violationRecordSchema),
      total: z.number().int().nonnegative(),
      offset: z.number().int().nonnegative(),
    }),
  ),
  'compliance.import': channel(
    importFilesRequestSchema,
    z.object({ files: z.array(complianceImportResultSchema) }),
  ),
  /** Log a ticket and (optionally) its first response; same id = update. */
  'compliance.saveTicket': channel(z.object({ ticket: ticketSchema }).strict(), ticketRecordSchema),
  'compliance.saveLedgerEntry': channel(z.object({ entry: depositEntrySchema }).strict(), ledgerRecordSchema),
  /** The ledger's opening requirement (the file's `required`). */
  'compliance.setDepositRequired': channel(z.object({ required: yuanSchema }).strict(), ok),
  /** The violation is validated against the chosen pack's code table (violationsFileSchema). */
  'compliance.saveViolation': channel(
    z.object({ policy: z.string().optional(), violation: z.record(z.string(), z.unknown()) }).strict(),
    violationRecordSchema,
  ),
  'compliance.appeal': channel(
    z.object({ id: idSchema, state: z.enum(appealStates), note: z.string().max(2000).optional() }).strict(),
    violationRecordSchema,
  ),
  'compliance.markSeen': channel(empty, z.object({ lastSeenAt: z.string() })),
  'compliance.catalog': channel(empty, catalogSchema),
  'compliance.calendar': channel(
    z.object({ year: z.number().int().min(1992).max(2199), month: z.number().int().min(1).max(12) }).strict(),
    z.object({
      days: z.array(engineReport<DayInfo>()),
      serviceHours: z.object({ start: z.string(), end: z.string() }),
    }),
  ),
  'compliance.whatIf': channel(
    z
      .object({
        policy: z.string().optional(),
        code: z.string().optional(),
        rule: z.string().optional(),
        lateTicket: z.enum(ticketKinds).optional(),
      })
      .strict()
      .refine((r) => [r.code, r.rule, r.lateTicket].filter((v) => v !== undefined).length === 1, {
        error: 'give exactly one of code, rule, lateTicket',
      }),
    engineReport<AnnualWhatIf | CategoryWhatIf>(),
  ),
  /** Alerts after `afterId` (newest last), and a route to open when a desktop notification was clicked. */
  'alerts.recent': channel(
    z.object({ afterId: z.number().int().min(0).optional() }).strict(),
    z.object({ alerts: z.array(alertRecordSchema) }),
  ),
} as const;
