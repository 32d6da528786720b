/**
 * The sandbox marketplace: a Fastify server on 127.0.0.1 implementing
 * resources/api/marketplace.openapi.json over its own SQLite file. Tests start it in-process
 * (`startSandbox({ port: 0, dataFile })`); sandbox/main.ts wraps it for `npm run sandbox`.
 *
 * Request pipeline: request id → injected faults → signature check → idempotency replay →
 * handler (one transaction with its idempotency record) → envelope.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import { statusNames } from '../shared/api/errors';
import { DEFAULT_SERVICE, FAULT_HEADER, IDEMPOTENCY_HEADER, REQUEST_ID_HEADER } from '../shared/api/paths';
import { verifySignedRequest } from './auth';
import { setSimulatedNow, simulatedNow } from './clock';
import { FaultPlan, type Fault, type FaultRates } from './faults';
import { HttpError, handlers, type Ctx, type HandlerName, type Result } from './handlers';
import { defaultSelfCheck, type SelfCheck } from './review';
import { DEFAULT_SEED_COUNTS, DEFAULT_SIMULATED_NOW, seedMarketplace } from './seed';
import { SandboxStore, type Credential } from './store';

export interface SandboxOptions {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  /** SQLite file; a fresh temporary file when omitted. An existing file is reused as it is. */
  dataFile?: string;
  seed?: string;
  listings?: number;
  tickets?: number;
  orders?: number;
  vendors?: number;
  /** Simulated "now" for a fresh data file (ms); default 2026-01-12 10:00 Beijing. */
  simulatedNow?: number;
  faults?: Partial<FaultRates>;
  /** Re-runs the vendor self-check on submit (default: the shared/check engine); null accepts every draft for review. */
  selfCheck?: SelfCheck | null;
  /** Service name expected in the credential scope. */
  service?: string;
  /** The real clock, for signature skew checks (tests move it). */
  now?: () => number;
}

export interface Sandbox {
  url: string;
  port: number;
  dataFile: string;
  /** Every vendor's credentials; the first is the one printed at start. */
  credentials: Credential[];
  close(): Promise<void>;
}

interface RouteDef {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  handler: HandlerName;
  /** For `…/{id}:action` routes: the action after the colon. */
  action?: string;
}

const R = '/v1/regions/:regionId';
const routes: RouteDef[] = [
  { method: 'GET', url: `${R}/vendor`, handler: 'getVendor' },
  { method: 'GET', url: `${R}/listings`, handler: 'listListings' },
  { method: 'POST', url: `${R}/listings`, handler: 'createListing' },
  { method: 'GET', url: `${R}/listings/:id`, handler: 'getListing' },
  { method: 'PUT', url: `${R}/listings/:id`, handler: 'updateListing' },
  { method: 'DELETE', url: `${R}/listings/:id`, handler: 'deleteListing' },
  { method: 'POST', url: `${R}/listings/:id`, handler: 'submitListing', action: 'submit' },
  { method: 'GET', url: `${R}/orders`, handler: 'listOrders' },
  { method: 'GET', url: `${R}/orders/:id`, handler: 'getOrder' },
  { method: 'GET', url: `${R}/tickets`, handler: 'listTickets' },
  { method: 'GET', url: `${R}/tickets/:id`, handler: 'getTicket' },
  { method: 'POST', url: `${R}/tickets/:id`, handler: 'respondTicket', action: 'respond' },
  { method: 'GET', url: `${R}/deposit`, handler: 'getDeposit' },
  { method: 'GET', url: `${R}/deposit/ledger`, handler: 'listLedger' },
  { method: 'GET', url: `${R}/violations`, handler: 'listViolations' },
  { method: 'GET', url: `${R}/violations/:id`, handler: 'getViolation' },
  { method: 'GET', url: `${R}/rulePacks`, handler: 'listRulePacks' },
  { method: 'GET', url: `${R}/rulePacks/:id/versions/:version`, handler: 'getRulePack' },
  { method: 'GET', url: `${R}/changes`, handler: 'listChanges' },
  // `sandbox:advance` is one segment with a colon; find-my-way escapes a literal colon as `::`.
  { method: 'POST', url: `${R}/sandbox::advance`, handler: 'advance' },
  { method: 'POST', url: `${R}/sandbox::publishRulePack`, handler: 'publishRulePack' },
];

declare module 'fastify' {
  interface FastifyRequest {
    rawBody: string;
    requestId: string;
    faults: Fault[];
  }
}

function envelopeError(requestId: string, status: number, message: string, details?: unknown) {
  return {
    requestId,
    error: {
      code: status,
      status: statusNames[status] ?? (status >= 500 ? 'INTERNAL' : 'FAILED'),
      message,
      ...(details === undefined ? {} : { details }),
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const dataFile = options.dataFile ?? join(mkdtempSync(join(tmpdir(), 'vendordesk-sandbox-')), 'sandbox.db');
  const store = new SandboxStore(dataFile);
  const seed = store.getMeta('seed') ?? options.seed ?? '1';
  if (store.getMeta('seed') === null) {
    seedMarketplace(store, {
      seed,
      nowMs: options.simulatedNow ?? DEFAULT_SIMULATED_NOW,
      listings: options.listings ?? DEFAULT_SEED_COUNTS.listings,
      tickets: options.tickets ?? DEFAULT_SEED_COUNTS.tickets,
      orders: options.orders ?? DEFAULT_SEED_COUNTS.orders,
      vendors: Math.max(1, options.vendors ?? DEFAULT_SEED_COUNTS.vendors),
    });
    setSimulatedNow(store, options.simulatedNow ?? DEFAULT_SIMULATED_NOW);
  }
  const realNow = options.now ?? Date.now;
  const service = options.service ?? DEFAULT_SERVICE;
  const faultPlan = new FaultPlan(options.faults);
  const app = Fastify({ logger: false, bodyLimit: 2 * 1024 * 1024 });

  // Keep the raw body: the signature covers its bytes exactly.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (request, body, done) => {
    request.rawBody = body as string;
    if (body === '') return done(null, undefined);
    try {
      done(null, JSON.parse(body as string));
    } catch {
      done(new HttpError(400, '请求体不是有效的 JSON / the request body is not valid JSON'), undefined);
    }
  });

  app.addHook('onRequest', async (request, reply) => {
    request.rawBody = '';
    request.requestId = randomUUID().replace(/-/g, '');
    void reply.header(REQUEST_ID_HEADER, request.requestId);
    const header = request.headers[FAULT_HEADER];
    const plan = faultPlan.faultsFor(typeof header === 'string' ? header : undefined);
    if ('error' in plan)
      return reply.code(400).send(envelopeError(request.requestId, 400, `${FAULT_HEADER}: ${plan.error}`));
    request.faults = plan.faults;
    for (const fault of plan.faults) {
      if (fault.kind === 'latency') await sleep(fault.ms);
      if (fault.kind === 'drop') {
        request.raw.socket.destroy();
        return reply.hijack();
      }
      if (fault.kind === 'status') {
        return reply
          .code(fault.status)
          .send(envelopeError(request.requestId, fault.status, '注入的故障 / injected fault'));
      }
      if (fault.kind === 'rate-limit') {
        void reply.header('retry-after', String(fault.retryAfterSeconds));
        return reply
          .code(429)
          .send(envelopeError(request.requestId, 429, '请求过于频繁 / too many requests (injected)'));
      }
    }
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const faults = request.faults ?? [];
    if (faults.some((f) => f.kind === 'malformed')) {
      void reply.header('content-type', 'application/json; charset=utf-8');
      return '{"requestId":"' + request.requestId + '","result":{"oops"';
    }
    if (faults.some((f) => f.kind === 'truncate') && typeof payload === 'string') {
      // Announce the whole body, send half, then cut the connection.
      const bytes = Buffer.from(payload);
      reply.hijack();
      reply.raw.writeHead(reply.statusCode, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': bytes.length,
        [REQUEST_ID_HEADER]: request.requestId,
      });
      reply.raw.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => reply.raw.destroy());
      return payload;
    }
    return payload;
  });

  app.setErrorHandler((error: Error & { statusCode?: number }, request, reply) => {
    const status =
      error instanceof HttpError
        ? error.status
        : error.statusCode && error.statusCode < 500
          ? error.statusCode
          : 500;
    const message =
      error instanceof HttpError || status < 500 ? error.message : '服务器内部错误 / internal error';
    if (status >= 500) request.log.error(error);
    void reply
      .code(status)
      .send(
        envelopeError(
          request.requestId,
          status,
          message,
          error instanceof HttpError ? error.details : undefined,
        ),
      );
  });

  app.setNotFoundHandler((request, reply) => {
    void reply
      .code(404)
      .send(
        envelopeError(
          request.requestId,
          404,
          `没有这个接口 / no such operation: ${request.method} ${request.url.split('?')[0]}`,
        ),
      );
  });

  const handle = (route: RouteDef) => async (request: FastifyRequest, reply: FastifyReply) => {
    const params = { ...(request.params as Record<string, string>) };
    if (route.action !== undefined) {
      const suffix = `:${route.action}`;
      if (!params.id?.endsWith(suffix))
        throw new HttpError(
          404,
          `没有这个接口 / no such operation: ${request.method} ${request.url.split('?')[0]}`,
        );
      params.id = params.id.slice(0, -suffix.length);
    }
    const auth = verifySignedRequest(
      store,
      {
        method: request.method,
        url: request.url,
        headers: request.headers,
        rawBody: request.rawBody,
        region: params.regionId ?? null,
      },
      realNow(),
      service,
    );
    if (!auth.ok) return reply.code(401).send(envelopeError(request.requestId, 401, auth.message));
    const vendorId = auth.credential.vendorId;

    const ifMatchHeader = request.headers['if-match'];
    let ifMatch: number | null = null;
    if (typeof ifMatchHeader === 'string') {
      const m = /^(?:W\/)?"?(\d+)"?$/.exec(ifMatchHeader.trim());
      if (!m) throw new HttpError(400, 'If-Match 应为版本号 / If-Match must be a version number, e.g. "3"');
      ifMatch = Number(m[1]);
    }
    const ctx: Ctx = {
      store,
      vendorId,
      region: params.regionId!,
      params,
      query: request.query as Ctx['query'],
      body: request.body,
      ifMatch,
      nowMs: simulatedNow(store),
      selfCheck: options.selfCheck === undefined ? defaultSelfCheck : options.selfCheck,
      seed,
    };

    if (route.method === 'GET') return send(reply, request.requestId, handlers[route.handler](ctx));

    const key = request.headers[IDEMPOTENCY_HEADER];
    if (typeof key !== 'string' || !/^[\x21-\x7e]{8,128}$/.test(key)) {
      throw new HttpError(
        400,
        `修改操作需要 ${IDEMPOTENCY_HEADER}（8–128 个可见字符）/ mutations need an ${IDEMPOTENCY_HEADER} header (8–128 visible characters)`,
      );
    }
    const requestHash = createHash('sha256')
      .update(`${request.method} ${request.url}\n${request.headers['if-match'] ?? ''}\n${request.rawBody}`)
      .digest('hex');
    // Check, apply and remember in one transaction: the same key applies once, whatever races.
    const outcome = store.transaction(() => {
      const previous = store.idempotent(vendorId, key);
      if (previous) {
        if (previous.requestHash !== requestHash) {
          throw new HttpError(
            409,
            `幂等键已用于另一个请求 / ${IDEMPOTENCY_HEADER} was already used for a different request`,
          );
        }
        return { replay: true, ...previous };
      }
      let status: number;
      let body: string;
      let headers: Record<string, string>;
      try {
        const result = handlers[route.handler](ctx);
        status = result.status;
        headers = result.headers ?? {};
        body = JSON.stringify({ requestId: request.requestId, result: result.result });
      } catch (error) {
        // Client errors are remembered too (same key, same response); 5xx are not, so a retry can succeed.
        if (!(error instanceof HttpError) || error.status >= 500) throw error;
        status = error.status;
        headers = {};
        body = JSON.stringify(envelopeError(request.requestId, error.status, error.message, error.details));
      }
      store.saveIdempotent(vendorId, key, { requestHash, status, body, headers }, realNow());
      return { replay: false, status, body, headers };
    });
    void reply
      .code(outcome.status)
      .headers(outcome.headers)
      .header('content-type', 'application/json; charset=utf-8');
    if (outcome.replay) void reply.header('x-jdcloud-idempotent-replay', 'true');
    return reply.send(outcome.body);
  };

  for (const route of routes) app.route({ method: route.method, url: route.url, handler: handle(route) });

  const address = await app.listen({ port: options.port ?? 0, host: options.host ?? '127.0.0.1' });
  const port = Number(new URL(address).port);
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    dataFile,
    credentials: store.credentials(),
    close: async () => {
      await app.close();
      store.close();
    },
  };
}

function send(reply: FastifyReply, requestId: string, result: Result) {
  return reply
    .code(result.status)
    .headers(result.headers ?? {})
    .send({ requestId, result: result.result });
}
