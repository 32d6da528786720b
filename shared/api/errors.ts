/**
 * Errors of the marketplace API, as the client reports them. Every failure — network, timeout,
 * an error envelope, a body that does not match the contract — becomes one ApiError with a
 * stable `code`, so callers switch on codes rather than parse messages. Messages never contain
 * credentials (the client builds them from the method, the path and the server's message only).
 */

export const apiErrorCodes = [
  'network', // connection refused, reset or dropped
  'timeout', // no complete response within the per-request timeout
  'malformed-response', // not JSON, truncated, not an envelope, or not the contract's shape
  'unauthorized', // 401: bad signature, clock skew, replayed nonce, unknown key
  'forbidden', // 403
  'not-found', // 404
  'conflict', // 409, e.g. an idempotency key reused with a different request
  'precondition-failed', // 412: If-Match is stale; `currentVersion` says the server's version
  'precondition-required', // 428: an update without If-Match
  'invalid-argument', // 400 / 422
  'rate-limited', // 429 (after the retries ran out)
  'http-4xx', // any other 4xx
  'http-5xx', // 5xx (after the retries ran out)
] as const;
export type ApiErrorCode = (typeof apiErrorCodes)[number];

/** Symbolic statuses of the error envelope (`error.status`), by HTTP status. */
export const statusNames: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'ABORTED',
  412: 'FAILED_PRECONDITION',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'INVALID_ARGUMENT',
  428: 'PRECONDITION_REQUIRED',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
};

export function errorCodeForStatus(status: number): ApiErrorCode {
  const byStatus: Record<number, ApiErrorCode> = {
    400: 'invalid-argument',
    401: 'unauthorized',
    403: 'forbidden',
    404: 'not-found',
    409: 'conflict',
    412: 'precondition-failed',
    422: 'invalid-argument',
    428: 'precondition-required',
    429: 'rate-limited',
  };
  return byStatus[status] ?? (status >= 500 ? 'http-5xx' : 'http-4xx');
}

export interface ApiErrorInit {
  code: ApiErrorCode;
  message: string;
  httpStatus?: number;
  requestId?: string;
  /** The server's `error.status`, e.g. FAILED_PRECONDITION. */
  status?: string;
  details?: unknown;
  /** For precondition-failed: the version the server has now. */
  currentVersion?: number;
  /** How many attempts were made before giving up. */
  attempts?: number;
  /**
   * For a mutation: the idempotency key every attempt carried. When the outcome is unknown (no
   * complete answer), the server may have applied the write — retry with this same key and the
   * server answers with the first result instead of applying it twice.
   */
  idempotencyKey?: string;
  /**
   * Whether trying again may succeed by itself (a dropped connection, a truncated body, a 5xx);
   * false for a complete answer that is wrong (not the contract's shape). Defaults to the code's
   * usual nature.
   */
  retryable?: boolean;
  cause?: unknown;
}

export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly httpStatus: number | undefined;
  readonly requestId: string | undefined;
  readonly status: string | undefined;
  readonly details: unknown;
  readonly currentVersion: number | undefined;
  readonly attempts: number;
  readonly idempotencyKey: string | undefined;
  readonly retryable: boolean;

  constructor(init: ApiErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'ApiError';
    this.code = init.code;
    this.httpStatus = init.httpStatus;
    this.requestId = init.requestId;
    this.status = init.status;
    this.details = init.details;
    this.currentVersion = init.currentVersion;
    this.attempts = init.attempts ?? 1;
    this.idempotencyKey = init.idempotencyKey;
    this.retryable =
      init.retryable ??
      ['network', 'timeout', 'malformed-response', 'http-5xx', 'rate-limited'].includes(init.code);
  }

  /**
   * True when the request may have been applied although it failed here: no complete answer
   * (network, timeout, a truncated or unreadable body) or a server error. Such a write must be
   * retried with `idempotencyKey`, never as a new request.
   */
  get outcomeUnknown(): boolean {
    return ['network', 'timeout', 'malformed-response', 'http-5xx'].includes(this.code);
  }

  /** Plain data for IPC and logs (no stack, no cause). */
  toJSON(): Record<string, unknown> {
    return {
      code: this.code,
      message: this.message,
      httpStatus: this.httpStatus,
      requestId: this.requestId,
      status: this.status,
      currentVersion: this.currentVersion,
      attempts: this.attempts,
      ...(this.idempotencyKey === undefined
        ? {}
        : { idempotencyKey: this.idempotencyKey, outcomeUnknown: this.outcomeUnknown }),
    };
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}
