/**
 * Contract tests: the typed client against a sandbox marketplace started here on a free port,
 * over real HTTP, with a temporary data file. Faults are injected per request header (never
 * random), and the client's sleep is recorded instead of waited, so the suite is fast and exact.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MarketplaceClient } from '../../../electron/services/api/client';
import { signRequest } from '../../../electron/services/api/signer';
import type { TransportOptions } from '../../../electron/services/api/transport';
import { ApiError } from '../../../shared/api/errors';
import { FAULT_HEADER, IDEMPOTENCY_HEADER } from '../../../shared/api/paths';
import { errorEnvelopeSchema } from '../../../shared/api/schemas';
import type { ListingInput } from '../../../shared/listing/schema';
import { startSandbox, type Sandbox } from '../../../sandbox/server';

const REGION = 'cn-north-1';
let sandbox: Sandbox;
let dataFile: string;

const draft: ListingInput = {
  title: '企业网盘标准版',
  type: 'application',
  price: { amount: 199, currency: 'CNY', billing: 'monthly' },
  description: '部署在京东云云主机上，支持弹性扩容。',
  officialSite: { productPageUrl: 'https://www.vendor-pan.cn/products/pan' },
  delistingStrategy: '下架后已购用户可继续使用至到期，数据可导出。',
  serviceTerms: '《产品服务协议》',
  runsOnJdCloud: true,
};

function client(overrides: Partial<TransportOptions> = {}, sleeps: number[] = []) {
  const first = sandbox.credentials[0]!;
  return new MarketplaceClient({
    endpoint: sandbox.url,
    region: REGION,
    service: 'market',
    credentials: async () => ({ accessKey: first.accessKey, secretKey: first.secretKey }),
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    timeoutMs: 5_000,
    ...overrides,
  });
}

const faulty = (fault: string, overrides: Partial<TransportOptions> = {}, sleeps: number[] = []) =>
  client({ extraHeaders: { [FAULT_HEADER]: fault }, ...overrides }, sleeps);

async function caught(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected an ApiError');
}

/** A hand-signed request, for what the client never does on purpose (replays, wrong keys). */
function signed(
  method: string,
  target: string,
  options: {
    secretKey?: string;
    date?: Date;
    nonce?: string;
    headers?: Record<string, string>;
    body?: string;
  } = {},
) {
  const first = sandbox.credentials[0]!;
  return signRequest(
    { method, target, headers: options.headers ?? {}, body: options.body ?? '' },
    {
      credentials: { accessKey: first.accessKey, secretKey: options.secretKey ?? first.secretKey },
      region: REGION,
      service: 'market',
      date: options.date ?? new Date(),
      nonce: options.nonce ?? randomUUID(),
    },
  );
}

beforeAll(async () => {
  dataFile = join(mkdtempSync(join(tmpdir(), 'vendordesk-contract-')), 'sandbox.db');
  sandbox = await startSandbox({
    port: 0,
    dataFile,
    seed: 'contract',
    listings: 12,
    tickets: 40,
    orders: 9,
    vendors: 2,
  });
});

afterAll(async () => {
  await sandbox?.close();
});

describe('resources', () => {
  it('returns the vendor profile', async () => {
    const vendor = await client().getVendor();
    expect(vendor.vendorId).toBe(sandbox.credentials[0]!.vendorId);
    expect(vendor.serviceHours).toMatchObject({ start: '09:00', end: '18:00' });
    expect(['normal', 'frozen', 'closed']).toContain(vendor.store.status);
  });

  it('pages listings with totalCount', async () => {
    const page1 = await client().listListings({ pageNumber: 1, pageSize: 5 });
    const page3 = await client().listListings({ pageNumber: 3, pageSize: 5 });
    expect(page1.totalCount).toBe(12);
    expect(page1.listings).toHaveLength(5);
    expect(page3.listings).toHaveLength(2);
    expect(new Set([...page1.listings, ...page3.listings].map((l) => l.id)).size).toBe(7);
  });

  it('serves orders of every type, §3 tickets, §4 ledger and §5 violations', async () => {
    const orders = await client().listOrders({ pageSize: 100 });
    expect(new Set(orders.orders.map((o) => o.type))).toEqual(new Set(['application', 'service', 'tool']));
    const tickets = await client().listTickets({ pageSize: 100 });
    expect(tickets.totalCount).toBe(40);
    for (const t of tickets.tickets) expect(t).toHaveProperty('firstResponseAt');
    const ledger = await client().listLedger({ pageSize: 100 });
    expect(ledger.entries.some((e) => e.type === 'deduction')).toBe(true);
    const deposit = await client().getDeposit();
    expect(deposit.shortfall).toBeGreaterThan(0);
    const violations = await client().listViolations();
    const acrossYearEnd = violations.violations.find(
      (v) => v.decidedAt && v.occurredAt.slice(0, 4) !== v.decidedAt.slice(0, 4),
    );
    expect(acrossYearEnd).toBeDefined();
  });

  it('downloads a versioned rule pack whose checksum matches', async () => {
    const packs = await client().listRulePacks();
    const summary = packs.rulePacks[0]!;
    const pack = await client().getRulePack(summary.id, summary.packVersion);
    expect(pack.packVersion).toBe(summary.packVersion);
    expect(pack.sha256).toBe(summary.sha256);
  });

  it('keeps each vendor to its own data', async () => {
    const second = sandbox.credentials[1]!;
    const other = client({
      credentials: async () => ({ accessKey: second.accessKey, secretKey: second.secretKey }),
    });
    expect((await other.getVendor()).vendorId).toBe(second.vendorId);
  });

  it('answers a missing resource with not-found in the error envelope', async () => {
    const error = await caught(client().getListing('L-nope'));
    expect(error.code).toBe('not-found');
    expect(error.httpStatus).toBe(404);
    expect(error.requestId).toMatch(/\w+/);
  });
});

describe('listing lifecycle, versions and idempotency', () => {
  it('creates, updates with If-Match, rejects a stale update with 412 and the current version', async () => {
    const created = await client().createListing(draft);
    expect(created.review.state).toBe('draft');
    const updated = await client().updateListing(
      created.id,
      { ...draft, title: '企业网盘专业版' },
      created.version,
    );
    expect(updated.version).toBe(created.version + 1);
    const stale = await caught(
      client().updateListing(created.id, { ...draft, title: '旧版本的修改' }, created.version),
    );
    expect(stale.code).toBe('precondition-failed');
    expect(stale.httpStatus).toBe(412);
    expect(stale.currentVersion).toBe(updated.version);
    expect((await client().getListing(created.id)).draft.title).toBe('企业网盘专业版');
  });

  it('submits a draft into review, and sandbox:advance finishes the review', async () => {
    const created = await client().createListing(draft);
    const submitted = await client().submitListing(created.id, created.version);
    expect(submitted.review.state).toBe('submitted');
    const result = await client().advanceSandbox(180);
    expect(result.reviewsFinished).toBeGreaterThanOrEqual(1);
    expect(result.ticketsOpened).toBeGreaterThan(0);
    expect((await client().getListing(created.id)).review.state).toBe('listed');
  });

  it('re-runs the self-check on submit and rejects blockers, the findings as reviewer comments', async () => {
    const created = await client().createListing({
      ...draft,
      description: `${draft.description}全网最优，行业第一。`,
    });
    const submitted = await client().submitListing(created.id);
    expect(submitted.review.state).toBe('rejected');
    expect(submitted.review.comments).toEqual(
      expect.arrayContaining([expect.objectContaining({ ruleId: 'superlative', field: 'description' })]),
    );
  });

  it('rejects an invalid draft with the field named', async () => {
    const error = await caught(
      client().createListing({ ...draft, price: { amount: -1, currency: 'CNY', billing: 'monthly' } }),
    );
    expect(error.code).toBe('invalid-argument');
    expect(error.message).toContain('draft.price.amount');
  });

  it('applies a mutation once when the response is lost and the client retries with the same key', async () => {
    const before = (await client().listListings()).totalCount;
    // The first response is cut off after the listing was created; the retry gets the replay.
    const created = await faulty(`truncate;times=1;id=${randomUUID()}`).createListing({
      ...draft,
      title: '只创建一次',
    });
    expect(created.draft.title).toBe('只创建一次');
    expect((await client().listListings()).totalCount).toBe(before + 1);
  });

  it('keeps the idempotency key when it gives up, so the user retry of a write that was applied creates nothing new', async () => {
    const before = (await client().listListings()).totalCount;
    const created: string[] = [];
    // Every answer of every attempt is cut off although the server applied the write (issue 16:
    // 17 of 17 such writes were reported failed, and a retry created a second object).
    for (let i = 0; i < 5; i++) {
      const title = `截断的创建 ${i}`;
      const error = await caught(faulty('truncate', { maxAttempts: 2 }).createListing({ ...draft, title }));
      expect(error.code).toBe('malformed-response');
      expect(error.attempts).toBe(2);
      expect(error.outcomeUnknown).toBe(true);
      expect(error.idempotencyKey).toMatch(/^[\x21-\x7e]{8,128}$/);
      expect(error.message).toContain(error.idempotencyKey);
      expect(error.toJSON()).toMatchObject({ idempotencyKey: error.idempotencyKey, outcomeUnknown: true });
      const retried = await client().createListing(
        { ...draft, title },
        { idempotencyKey: error.idempotencyKey },
      );
      expect(retried.draft.title).toBe(title);
      created.push(retried.id);
    }
    expect(new Set(created).size).toBe(5);
    expect((await client().listListings()).totalCount).toBe(before + 5);
  });

  it('refuses an unusable idempotency key before sending anything', async () => {
    const error = await caught(client().createListing(draft, { idempotencyKey: 'short' }));
    expect(error.code).toBe('invalid-argument');
    expect(error.attempts).toBe(1);
  });

  it('replays the same response for the same idempotency key, and refuses the key for another body', async () => {
    const key = `test-${randomUUID()}`;
    const target = `/v1/regions/${REGION}/listings`;
    const body = JSON.stringify({ draft: { ...draft, title: '幂等测试' } });
    const send = (b: string) =>
      fetch(sandbox.url + target, {
        method: 'POST',
        headers: signed('POST', target, {
          headers: { 'content-type': 'application/json', [IDEMPOTENCY_HEADER]: key },
          body: b,
        }),
        body: b,
      });
    const before = (await client().listListings()).totalCount;
    const first = await send(body);
    const second = await send(body);
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.headers.get('x-jdcloud-idempotent-replay')).toBe('true');
    expect(await second.json()).toEqual(await first.json());
    expect((await client().listListings()).totalCount).toBe(before + 1);
    const other = await send(JSON.stringify({ draft: { ...draft, title: '另一个' } }));
    expect(other.status).toBe(409);
  });

  it('records deletions as tombstones in the change feed', async () => {
    const created = await client().createListing(draft);
    let cursor: string | undefined;
    for (;;) {
      const page = await client().listChanges(cursor, 1000);
      cursor = page.nextCursor;
      if (!page.hasMore) break;
    }
    await client().deleteListing(created.id, created.version);
    const page = await client().listChanges(cursor);
    expect(page.changes).toEqual([
      expect.objectContaining({ resourceType: 'listing', resourceId: created.id, op: 'delete', data: null }),
    ]);
    expect((await caught(client().getListing(created.id))).code).toBe('not-found');
  });
});

describe('signature checks (401 in the error envelope)', () => {
  const target = `/v1/regions/${REGION}/vendor`;

  async function expect401(headers: Record<string, string>, reason: RegExp) {
    const response = await fetch(sandbox.url + target, { headers });
    expect(response.status).toBe(401);
    const body = errorEnvelopeSchema.parse(await response.json());
    expect(body.error).toMatchObject({ code: 401, status: 'UNAUTHENTICATED' });
    expect(body.error.message).toMatch(reason);
    expect(response.headers.get('x-jdcloud-request-id')).toBe(body.requestId);
  }

  it('rejects a wrong secret', async () => {
    await expect401(signed('GET', target, { secretKey: 'not-the-secret' }), /signature does not match/);
  });

  it('rejects a clock more than 5 minutes off', async () => {
    await expect401(
      signed('GET', target, { date: new Date(Date.now() - 6 * 60_000) }),
      /more than 5 minutes/,
    );
  });

  it('rejects a replayed nonce', async () => {
    const headers = signed('GET', target, { nonce: `replay-${randomUUID()}` });
    expect((await fetch(sandbox.url + target, { headers })).status).toBe(200);
    await expect401(headers, /replayed/);
  });

  it('rejects a request without Authorization', async () => {
    await expect401({}, /missing Authorization/);
  });

  it('gives the client an unauthorized error that never contains the secret', async () => {
    const secret = 'super-secret-value-0123456789';
    const error = await caught(
      client({
        credentials: async () => ({ accessKey: sandbox.credentials[0]!.accessKey, secretKey: secret }),
      }).getVendor(),
    );
    expect(error.code).toBe('unauthorized');
    expect(error.attempts).toBe(1);
    for (const text of [String(error), error.message, error.stack ?? '', JSON.stringify(error)])
      expect(text).not.toContain(secret);
  });
});

describe('faults', () => {
  const once = (fault: string) => `${fault};times=1;id=${randomUUID()}`;

  it('latency beyond the timeout → timeout', async () => {
    const error = await caught(faulty('latency=1500', { timeoutMs: 200, maxAttempts: 1 }).getVendor());
    expect(error.code).toBe('timeout');
  });

  it('latency within the timeout → success', async () => {
    expect((await faulty('latency=50').getVendor()).vendorId).toBeTruthy();
  });

  it('one 503 → success on retry', async () => {
    const sleeps: number[] = [];
    expect((await faulty(once('status=503'), {}, sleeps).getVendor()).vendorId).toBeTruthy();
    expect(sleeps).toHaveLength(1);
  });

  it('5xx every time → http-5xx after the attempts run out', async () => {
    const error = await caught(faulty('status=500', { maxAttempts: 3 }).getVendor());
    expect(error).toMatchObject({ code: 'http-5xx', httpStatus: 500, attempts: 3 });
  });

  it('429 with Retry-After → waits that long, then succeeds', async () => {
    const sleeps: number[] = [];
    await faulty(once('rate-limit=2'), {}, sleeps).getVendor();
    expect(sleeps).toEqual([expect.any(Number)]);
    expect(sleeps[0]).toBeGreaterThanOrEqual(2000);
  });

  it('429 every time → rate-limited', async () => {
    const error = await caught(faulty('rate-limit=1', { maxAttempts: 2 }).getVendor());
    expect(error.code).toBe('rate-limited');
  });

  it('a Retry-After longer than the client will wait → rate-limited at once', async () => {
    const error = await caught(faulty('rate-limit=3600', { maxRetryAfterMs: 10_000 }).getVendor());
    expect(error).toMatchObject({ code: 'rate-limited', attempts: 1 });
  });

  it('dropped connection → network error, or success on retry', async () => {
    expect((await caught(faulty('drop', { maxAttempts: 2 }).getVendor())).code).toBe('network');
    expect((await faulty(once('drop')).getVendor()).vendorId).toBeTruthy();
  });

  it('truncated body → malformed-response, or success on retry', async () => {
    expect((await caught(faulty('truncate', { maxAttempts: 2 }).getVendor())).code).toBe(
      'malformed-response',
    );
    expect((await faulty(once('truncate')).getVendor()).vendorId).toBeTruthy();
  });

  it('malformed JSON → malformed-response, or success on retry', async () => {
    expect((await caught(faulty('malformed', { maxAttempts: 2 }).getVendor())).code).toBe(
      'malformed-response',
    );
    expect((await faulty(once('malformed')).getVendor()).vendorId).toBeTruthy();
  });
});

describe('change feed across restarts', () => {
  it('a cursor taken before a restart still reads exactly what changed after it', async () => {
    let cursor: string | undefined;
    for (;;) {
      const page = await client().listChanges(cursor, 500);
      cursor = page.nextCursor;
      if (!page.hasMore) break;
    }
    await sandbox.close();
    sandbox = await startSandbox({ port: 0, dataFile });
    const created = await client().createListing({ ...draft, title: '重启之后' });
    const page = await client().listChanges(cursor);
    expect(page.changes.map((c) => c.resourceId)).toEqual([created.id]);
    expect(page.hasMore).toBe(false);
  });
});
