/**
 * One signed HTTP exchange with the marketplace, with the failure handling every call shares:
 * a per-attempt timeout; retries with exponential backoff and full jitter for GETs and for
 * mutations (which always carry an idempotency key, reused across the retries); Retry-After on
 * 429/503; and validation of every body against the contract — anything else is an ApiError and
 * nothing is returned. fetch, clock, sleep and randomness are injected for tests.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { ApiError, errorCodeForStatus, type ApiErrorCode } from '../../../shared/api/errors';
import { IDEMPOTENCY_HEADER, REQUEST_ID_HEADER } from '../../../shared/api/paths';
import { envelopeSchema, errorEnvelopeSchema } from '../../../shared/api/schemas';
import { signRequest, type SigningKeyMaterial } from './signer';

export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string; signal: AbortSignal },
) => Promise<Response>;

export interface TransportOptions {
  endpoint: string;
  region: string;
  service: string;
  /** Read on every attempt, so a changed key applies at once; never logged. */
  credentials: () => Promise<SigningKeyMaterial>;
  fetch?: FetchLike;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  newId?: () => string;
  timeoutMs?: number;
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** A Retry-After longer than this is not waited for: the call fails as rate-limited. */
  maxRetryAfterMs?: number;
  /** Added to every request (the sandbox's x-sandbox-fault, in tests). */
  extraHeaders?: Record<string, string>;
}

export interface ApiCall<T> {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  /** The version an update is based on (sent as If-Match). */
  ifMatch?: number;
  /**
   * Mutations: the idempotency key to send (default: a fresh one). Pass the key of a failed
   * call's ApiError to retry that same write: the server then applies it at most once.
   */
  idempotencyKey?: string;
  result: z.ZodType<T>;
}

/** The sandbox's and the marketplace's rule for keys: 8–128 visible ASCII characters. */
export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{8,128}$/;

export interface ApiResponse<T> {
  data: T;
  requestId: string;
  status: number;
  attempts: number;
}

const RETRYABLE_STATUS = new Set([429, 500, 502, 503, 504]);

/** What one attempt produced: a value, or an error and whether trying again may help. */
type Attempt<T> =
  | { ok: true; value: ApiResponse<T> }
  | { ok: false; error: ApiError; retryable: boolean; retryAfterMs?: number };

export class Transport {
  private readonly o: Required<Omit<TransportOptions, 'extraHeaders'>> & {
    extraHeaders: Record<string, string>;
  };

  constructor(options: TransportOptions) {
    this.o = {
      fetch: (url, init) => fetch(url, init),
      now: () => new Date(),
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      random: Math.random,
      newId: () => randomUUID(),
      timeoutMs: 10_000,
      maxAttempts: 4,
      baseDelayMs: 200,
      maxDelayMs: 5_000,
      maxRetryAfterMs: 60_000,
      extraHeaders: {},
      ...options,
      endpoint: options.endpoint.replace(/\/+$/, ''),
    };
  }

  async call<T>(call: ApiCall<T>): Promise<ApiResponse<T>> {
    const target = call.path + queryString(call.query);
    const body = call.body === undefined ? undefined : JSON.stringify(call.body);
    const base: Record<string, string> = { accept: 'application/json', ...this.o.extraHeaders };
    if (body !== undefined) base['content-type'] = 'application/json';
    if (call.ifMatch !== undefined) base['if-match'] = `"${call.ifMatch}"`;
    // One key per logical mutation, the same on every retry — and on the caller's retry after we
    // gave up, because the failed call's error carries it: the server applies the write once.
    let idempotencyKey: string | undefined;
    if (call.method !== 'GET') {
      if (call.idempotencyKey !== undefined && !IDEMPOTENCY_KEY_PATTERN.test(call.idempotencyKey)) {
        throw new ApiError({
          code: 'invalid-argument',
          message: `${call.method} ${call.path}: idempotency key must be 8–128 visible characters`,
        });
      }
      idempotencyKey = call.idempotencyKey ?? this.o.newId();
      base[IDEMPOTENCY_HEADER] = idempotencyKey;
    }
    const label = `${call.method} ${call.path}`;
    const giveUp = (error: ApiError): ApiError =>
      idempotencyKey === undefined ? error : withKey(error, idempotencyKey);

    for (let attempt = 1; ; attempt++) {
      const outcome = await this.attempt(call, target, body, base, label, attempt);
      if (outcome.ok) return outcome.value;
      if (!outcome.retryable || attempt >= this.o.maxAttempts) throw giveUp(outcome.error);
      const backoff = this.o.random() * Math.min(this.o.maxDelayMs, this.o.baseDelayMs * 2 ** (attempt - 1));
      if (outcome.retryAfterMs !== undefined && outcome.retryAfterMs > this.o.maxRetryAfterMs)
        throw giveUp(outcome.error);
      await this.o.sleep(Math.max(backoff, outcome.retryAfterMs ?? 0));
    }
  }

  private async attempt<T>(
    call: ApiCall<T>,
    target: string,
    body: string | undefined,
    base: Record<string, string>,
    label: string,
    attempt: number,
  ): Promise<Attempt<T>> {
    // A fresh date and nonce per attempt: the server rejects a reused nonce as a replay.
    const headers = signRequest(
      { method: call.method, target, headers: base, body: body ?? '' },
      {
        credentials: await this.o.credentials(),
        region: this.o.region,
        service: this.o.service,
        date: this.o.now(),
        nonce: this.o.newId(),
      },
    );
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.o.timeoutMs);
    const fail = (
      code: ApiErrorCode,
      message: string,
      retryable: boolean,
      extra: Partial<ConstructorParameters<typeof ApiError>[0]> = {},
    ): Attempt<T> => ({
      ok: false,
      retryable,
      error: new ApiError({ code, message: `${label}: ${message}`, attempts: attempt, retryable, ...extra }),
    });
    try {
      let response: Response;
      try {
        response = await this.o.fetch(this.o.endpoint + target, {
          method: call.method,
          headers,
          body,
          signal: controller.signal,
        });
      } catch (error) {
        if (controller.signal.aborted)
          return fail(
            'timeout',
            `无响应（超过 ${this.o.timeoutMs} ms）/ no response within ${this.o.timeoutMs} ms`,
            true,
          );
        return fail('network', `网络错误 / network error: ${causeText(error)}`, true);
      }
      const status = response.status;
      const requestId = response.headers.get(REQUEST_ID_HEADER) ?? undefined;
      let text: string;
      try {
        text = await response.text();
      } catch (error) {
        if (controller.signal.aborted)
          return fail(
            'timeout',
            `响应未在 ${this.o.timeoutMs} ms 内收完 / response not complete within ${this.o.timeoutMs} ms`,
            true,
            { httpStatus: status, requestId },
          );
        return fail('malformed-response', `响应体被截断 / truncated body: ${causeText(error)}`, true, {
          httpStatus: status,
          requestId,
        });
      }
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        const transient = status < 300 || RETRYABLE_STATUS.has(status);
        return fail(
          'malformed-response',
          `响应不是有效的 JSON（HTTP ${status}）/ response is not valid JSON (HTTP ${status})`,
          transient,
          {
            httpStatus: status,
            requestId,
          },
        );
      }
      if (status >= 200 && status < 300) {
        const parsed = envelopeSchema(call.result).safeParse(json);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          const where = issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : '';
          return fail(
            'malformed-response',
            `响应与接口约定不符 / response does not match the contract: ${where}`,
            false,
            { httpStatus: status, requestId },
          );
        }
        return {
          ok: true,
          value: {
            data: parsed.data.result as T,
            requestId: parsed.data.requestId,
            status,
            attempts: attempt,
          },
        };
      }
      const retryAfterMs =
        status === 429 || status === 503
          ? parseRetryAfter(response.headers.get('retry-after'), this.o.now())
          : undefined;
      const envelope = errorEnvelopeSchema.safeParse(json);
      if (!envelope.success) {
        return {
          ...fail(
            'malformed-response',
            `HTTP ${status}，错误响应不是约定的格式 / HTTP ${status} with a body that is not the error envelope`,
            RETRYABLE_STATUS.has(status),
            { httpStatus: status, requestId },
          ),
          retryAfterMs,
        } as Attempt<T>;
      }
      const e = envelope.data.error;
      const details = e.details as { currentVersion?: unknown } | undefined;
      const currentVersion = typeof details?.currentVersion === 'number' ? details.currentVersion : undefined;
      const result = fail(errorCodeForStatus(status), e.message, RETRYABLE_STATUS.has(status), {
        httpStatus: status,
        requestId: envelope.data.requestId,
        status: e.status,
        details: e.details,
        currentVersion,
      });
      return { ...result, retryAfterMs } as Attempt<T>;
    } finally {
      clearTimeout(timer);
    }
  }
}

/** The same error, carrying the key; the message says how to retry when the write may have happened. */
function withKey(error: ApiError, idempotencyKey: string): ApiError {
  const probe = new ApiError({ code: error.code, message: '' });
  const hint = probe.outcomeUnknown
    ? ` — 可能已生效：重试时请沿用幂等键 ${idempotencyKey} / may have been applied: retry with idempotency key ${idempotencyKey}`
    : '';
  return new ApiError({
    code: error.code,
    message: `${error.message}${hint}`,
    httpStatus: error.httpStatus,
    requestId: error.requestId,
    status: error.status,
    details: error.details,
    currentVersion: error.currentVersion,
    attempts: error.attempts,
    idempotencyKey,
    retryable: error.retryable,
    cause: error.cause,
  });
}

function queryString(query: ApiCall<unknown>['query']): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined) params.append(k, String(v));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Retry-After as seconds or an HTTP date, in ms; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: Date): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now.getTime());
}

function causeText(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}
