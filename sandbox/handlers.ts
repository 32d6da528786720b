/**
 * The marketplace's operations, as synchronous functions over the store: the server runs each
 * mutation in one SQLite transaction together with its idempotency record, so a mutation and
 * its remembered response are applied together or not at all.
 */
import type { z } from 'zod';
import { zodProblems } from '../shared/listing/parse';
import {
  MAX_PAGE_SIZE,
  advanceWriteSchema,
  listingWriteSchema,
  rulePackPublishWriteSchema,
  ticketResponseWriteSchema,
  type ResourceType,
} from '../shared/api/schemas';
import type { Listing } from '../shared/listing/schema';
import type { SandboxStore } from './store';
import { beijingIso } from './time';
import { advanceSimulation } from './simulate';
import { bundledPackAs, putRulePack } from './seed';
import type { SelfCheck } from './review';

/** The changelog entry of a published version when the call names no changes. */
const defaultChanges = (packVersion: string) => [
  { zh: `云市场发布的 ${packVersion} 版`, en: `version ${packVersion} as the marketplace published it` },
];

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export interface Ctx {
  store: SandboxStore;
  vendorId: string;
  region: string;
  params: Record<string, string>;
  query: Record<string, string | string[] | undefined>;
  body: unknown;
  /** The version named by If-Match, null without the header. */
  ifMatch: number | null;
  nowMs: number;
  selfCheck: SelfCheck | null;
  seed: string;
}

export interface Result {
  status: number;
  result: unknown;
  headers?: Record<string, string>;
}

const ok = (result: unknown, status = 200): Result => {
  const version = (result as { version?: unknown } | null)?.version;
  return { status, result, headers: typeof version === 'number' ? { etag: `"${version}"` } : {} };
};

function queryString(ctx: Ctx, name: string): string | undefined {
  const v = ctx.query[name];
  return Array.isArray(v) ? v[v.length - 1] : v;
}

function positiveInt(ctx: Ctx, name: string, fallback: number, max: number): number {
  const text = queryString(ctx, name);
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > max)
    throw new HttpError(400, `${name} 必须是 1–${max} 的整数 / ${name} must be an integer from 1 to ${max}`);
  return n;
}

function page(ctx: Ctx) {
  return {
    pageNumber: positiveInt(ctx, 'pageNumber', 1, 1_000_000),
    pageSize: positiveInt(ctx, 'pageSize', 20, MAX_PAGE_SIZE),
  };
}

function listOf(ctx: Ctx, type: ResourceType, key: string, filters: Record<string, string> = {}): Result {
  const { pageNumber, pageSize } = page(ctx);
  const active = Object.entries(filters).find(([param]) => queryString(ctx, param) !== undefined);
  const filter = active ? { jsonPath: active[1], value: queryString(ctx, active[0])! } : undefined;
  const { items, totalCount } = ctx.store.list(ctx.vendorId, type, pageNumber, pageSize, filter);
  return ok({ [key]: items, totalCount, pageNumber, pageSize });
}

function mustGet(ctx: Ctx, type: ResourceType, id: string): Record<string, unknown> {
  const found = ctx.store.get(ctx.vendorId, type, id);
  if (!found || found.deleted) throw new HttpError(404, `${type} ${id} 不存在 / ${type} ${id} not found`);
  return found.data;
}

/** If-Match against the current version; `required` for plain updates (PUT, DELETE). */
function checkVersion(ctx: Ctx, current: Record<string, unknown>, required: boolean): void {
  if (ctx.ifMatch === null) {
    if (required)
      throw new HttpError(
        428,
        '更新需要 If-Match 版本号 / this update needs an If-Match header with the version it is based on',
      );
    return;
  }
  if (ctx.ifMatch !== current.version) {
    throw new HttpError(
      412,
      `版本已变化，当前版本 ${String(current.version)} / stale If-Match: the current version is ${String(current.version)}`,
      {
        currentVersion: current.version,
      },
    );
  }
}

function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const problems = zodProblems(parsed.error, '');
    throw new HttpError(
      400,
      `请求体无效 / invalid body: ${problems.map((p) => `${p.path || '(body)'}: ${p.message}`).join('; ')}`,
      { problems },
    );
  }
  return parsed.data;
}

const EDITABLE_STATES = new Set(['draft', 'rejected', 'approved', 'listed', 'delisted']);

export const handlers = {
  getVendor: (ctx: Ctx) => ok(mustGet(ctx, 'vendor', ctx.vendorId)),

  listListings: (ctx: Ctx) => listOf(ctx, 'listing', 'listings', { state: '$.review.state' }),
  getListing: (ctx: Ctx) => ok(mustGet(ctx, 'listing', ctx.params.id!)),

  createListing: (ctx: Ctx) => {
    const { draft } = parseBody(listingWriteSchema, ctx.body);
    const seq = Number(ctx.store.getMeta(`listingSeq:${ctx.vendorId}`) ?? '0') + 1;
    ctx.store.setMeta(`listingSeq:${ctx.vendorId}`, String(seq));
    const id = `L-${ctx.vendorId.slice(2)}-N${String(seq).padStart(4, '0')}`;
    const at = beijingIso(ctx.nowMs);
    const doc = ctx.store.put(
      ctx.vendorId,
      'listing',
      id,
      {
        id,
        draft: { ...draft, id: draft.id ?? id },
        review: { state: 'draft', comments: [], submittedAt: null, decidedAt: null },
        createdAt: at,
        updatedAt: at,
      },
      at,
    );
    return ok(doc, 201);
  },

  updateListing: (ctx: Ctx) => {
    const current = mustGet(ctx, 'listing', ctx.params.id!);
    checkVersion(ctx, current, true);
    const { draft } = parseBody(listingWriteSchema, ctx.body);
    const review = current.review as { state: string };
    if (!EDITABLE_STATES.has(review.state)) {
      throw new HttpError(
        409,
        `审核中的商品不能修改 / a listing in state "${review.state}" cannot be edited until the review ends`,
      );
    }
    const at = beijingIso(ctx.nowMs);
    const doc = ctx.store.put(
      ctx.vendorId,
      'listing',
      ctx.params.id!,
      {
        ...current,
        draft,
        review: { state: 'draft', comments: [], submittedAt: null, decidedAt: null },
        updatedAt: at,
      },
      String(current.createdAt),
    );
    return ok(doc);
  },

  deleteListing: (ctx: Ctx) => {
    const current = mustGet(ctx, 'listing', ctx.params.id!);
    checkVersion(ctx, current, true);
    ctx.store.remove(ctx.vendorId, 'listing', ctx.params.id!, beijingIso(ctx.nowMs));
    return ok({ id: ctx.params.id, deleted: true });
  },

  submitListing: (ctx: Ctx) => {
    const current = mustGet(ctx, 'listing', ctx.params.id!);
    checkVersion(ctx, current, false);
    const review = current.review as { state: string };
    if (!['draft', 'rejected'].includes(review.state)) {
      throw new HttpError(
        409,
        `只有草稿或被驳回的商品可以提交 / only a draft or rejected listing can be submitted (state "${review.state}")`,
      );
    }
    const at = beijingIso(ctx.nowMs);
    const blockers = ctx.selfCheck ? ctx.selfCheck(current.draft as Listing, at) : [];
    const nextReview = blockers.length
      ? { state: 'rejected', comments: blockers, submittedAt: at, decidedAt: at }
      : { state: 'submitted', comments: [], submittedAt: at, decidedAt: null };
    const doc = ctx.store.put(
      ctx.vendorId,
      'listing',
      ctx.params.id!,
      { ...current, review: nextReview, updatedAt: at },
      String(current.createdAt),
    );
    return ok(doc);
  },

  listOrders: (ctx: Ctx) => listOf(ctx, 'order', 'orders', { type: '$.type' }),
  getOrder: (ctx: Ctx) => ok(mustGet(ctx, 'order', ctx.params.id!)),

  listTickets: (ctx: Ctx) => listOf(ctx, 'ticket', 'tickets', { kind: '$.kind', status: '$.status' }),
  getTicket: (ctx: Ctx) => ok(mustGet(ctx, 'ticket', ctx.params.id!)),

  respondTicket: (ctx: Ctx) => {
    const current = mustGet(ctx, 'ticket', ctx.params.id!);
    checkVersion(ctx, current, false);
    const { text } = parseBody(ticketResponseWriteSchema, ctx.body);
    const at = beijingIso(ctx.nowMs);
    const messages = current.messages as Array<Record<string, unknown>>;
    const doc = ctx.store.put(
      ctx.vendorId,
      'ticket',
      ctx.params.id!,
      {
        ...current,
        messages: [
          ...messages,
          { id: `${ctx.params.id!}-m${messages.length + 1}`, at, from: 'vendor', text },
        ],
        firstResponseAt: current.firstResponseAt ?? at,
        status: 'answered',
        updatedAt: at,
      },
      String(current.openedAt),
    );
    return ok(doc);
  },

  getDeposit: (ctx: Ctx) => {
    const entries = ctx.store.all(ctx.vendorId, 'ledgerEntry');
    const required = [...entries].reverse().find((e) => e.type === 'requirement')?.amount ?? 0;
    const last = entries[entries.length - 1];
    const balance = Number(last?.balanceAfter ?? 0);
    return ok({
      currency: 'CNY',
      required,
      balance,
      shortfall: Math.max(0, Number(required) - balance),
      updatedAt: String(last?.at ?? beijingIso(ctx.nowMs)),
    });
  },
  listLedger: (ctx: Ctx) => listOf(ctx, 'ledgerEntry', 'entries', { type: '$.type' }),

  listViolations: (ctx: Ctx) => listOf(ctx, 'violation', 'violations', { code: '$.code' }),
  getViolation: (ctx: Ctx) => ok(mustGet(ctx, 'violation', ctx.params.id!)),

  listRulePacks: (ctx: Ctx) => {
    const result = listOf(ctx, 'rulePack', 'rulePacks').result as {
      rulePacks: Array<Record<string, unknown>>;
    };
    result.rulePacks = result.rulePacks.map(({ content: _content, ...summary }) => summary);
    return ok(result);
  },
  getRulePack: (ctx: Ctx) => ok(mustGet(ctx, 'rulePack', `${ctx.params.id!}@${ctx.params.version!}`)),

  listChanges: (ctx: Ctx) => {
    const cursorText = queryString(ctx, 'cursor') ?? '0';
    if (!/^\d{1,15}$/.test(cursorText))
      throw new HttpError(400, 'cursor 无效 / invalid cursor (use a nextCursor from an earlier answer)');
    const pageSize = positiveInt(ctx, 'pageSize', 100, 1000);
    const rows = ctx.store.changesAfter(ctx.vendorId, Number(cursorText), pageSize + 1);
    const changes = rows.slice(0, pageSize).map((c) => ({
      cursor: String(c.seq),
      resourceType: c.type,
      resourceId: c.type === 'rulePack' ? c.id : c.id,
      op: c.deleted ? 'delete' : 'upsert',
      version: c.version,
      at: c.at,
      data: c.data,
    }));
    return ok({
      changes,
      nextCursor: changes.length ? changes[changes.length - 1]!.cursor : cursorText,
      hasMore: rows.length > pageSize,
    });
  },

  advance: (ctx: Ctx) => {
    const { minutes } = parseBody(advanceWriteSchema, ctx.body);
    return ok(advanceSimulation(ctx.store, ctx.seed, minutes));
  },

  /** The marketplace publishes a rule-pack version; it reaches vendors through the change feed. */
  publishRulePack: (ctx: Ctx) => {
    const body = parseBody(rulePackPublishWriteSchema, ctx.body);
    const at = beijingIso(ctx.nowMs);
    const content =
      body.content ??
      bundledPackAs(body.packVersion, at.slice(0, 10), body.changes ?? defaultChanges(body.packVersion));
    const key = putRulePack(ctx.store, ctx.vendorId, content, body.packVersion, at);
    return ok(mustGet(ctx, 'rulePack', key));
  },
};

export type HandlerName = keyof typeof handlers;
