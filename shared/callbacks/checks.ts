/**
 * The delivery-callback checks of formats.md §6 (ids stable) and the verdict logic, pure: the
 * tester (electron/services/callbacks/tester.ts) makes the calls and hands what it saw to these
 * functions. The CLI and the app page both run that tester, so they give the same verdicts.
 */

export const callbackCheckIds = [
  'token-accepted',
  'token-rejected',
  'create-fast',
  'create-queued-completes',
  'create-shape',
  'create-idempotent',
  'per-unit-instances',
  'renew',
  'upgrade',
  'dilate',
  'expired',
  'release',
] as const;
export type CallbackCheckId = (typeof callbackCheckIds)[number];

/** The operation id of a test run's `progress` events (shared/ipc/events.ts), one per call and check. */
export const callbackRunOperationId = (id: number): string => `callbacks:${id}`;
export type CheckStatus = 'pass' | 'fail' | 'skip';

export const DEFAULT_TIMEOUT_MS = 5000;
export const DEFAULT_RETRY_INTERVAL_MS = 1000;
/** The marketplace calls again at most 200 times while the answer is instanceId 0 or a failure. */
export const MAX_RETRIES = 200;
/** How much of an answer is read; the rest is cut off (an endpoint may stream without end). */
export const MAX_ANSWER_BYTES = 1024 * 1024;
/** How much of an answer is kept for display. */
export const SHOWN_ANSWER_CHARS = 4000;
/**
 * How long the tester waits for a complete answer by default: past `--timeout-ms` (create-fast
 * then fails) it keeps listening — four times that, and at least 15 s more — so a blocking
 * endpoint's answer can still be judged by the other checks; an answer not complete by then
 * counts as no answer. `--answer-limit-ms` sets it.
 */
export const answerLimitMs = (timeoutMs: number): number => Math.max(timeoutMs * 4, timeoutMs + 15_000);

/** What one HTTP GET produced. */
export type Outcome =
  | {
      kind: 'answer';
      status: number;
      contentType: string;
      body: string;
      bytes: number;
      truncated: boolean;
      ms: number;
    }
  /** Connected, but no complete answer within the answer limit (`status` when headers came). */
  | { kind: 'timeout'; ms: number; status?: number; body?: string; bytes?: number }
  /** No connection at all: DNS failure, refused, unreachable host, connect timeout, TLS failure. */
  | { kind: 'unreachable'; code: string; message: string; ms: number }
  /** Connected, then the connection broke (reset, malformed HTTP). */
  | { kind: 'error'; code: string; message: string; ms: number };

/** One call as shown to the user: the token is masked, the key never appears. */
export interface Exchange {
  /** e.g. "createInstance", "createInstance (wrong token)", "createInstance (retry 3)". */
  label: string;
  action: string;
  /** The URL sent, with the token masked. */
  url: string;
  params: Array<[string, string]>;
  sentAt: string;
  ms: number;
  outcome: Outcome['kind'];
  status?: number;
  contentType?: string;
  /** The start of the answer (SHOWN_ANSWER_CHARS), with the token and key masked. */
  body?: string;
  bytes?: number;
  truncated?: boolean;
  error?: string;
}

export interface CheckResult {
  id: CallbackCheckId;
  status: CheckStatus;
  message: string;
  ms: number;
  exchanges: Exchange[];
}

export interface RunSummary {
  pass: number;
  fail: number;
  skip: number;
}

export function summarize(checks: ReadonlyArray<{ status: CheckStatus }>): RunSummary {
  const summary = { pass: 0, fail: 0, skip: 0 };
  for (const check of checks) summary[check.status] += 1;
  return summary;
}

// ---- reading answers -------------------------------------------------------------------------

export type Reading = { ok: true; json: Record<string, unknown> } | { ok: false; problem: string };

const excerpt = (text: string, max = 120): string => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
};

/** A short description of what came back, for messages: `HTTP 200 {"instanceId":0}`. */
export function describeOutcome(outcome: Outcome): string {
  switch (outcome.kind) {
    case 'answer':
      return `HTTP ${outcome.status}${outcome.truncated ? ` (cut off after ${outcome.bytes} bytes)` : ''} ${excerpt(outcome.body) || '(empty body)'}`;
    case 'timeout':
      return outcome.status === undefined
        ? `no answer within ${outcome.ms} ms`
        : `HTTP ${outcome.status} but the body was not complete within ${outcome.ms} ms (${outcome.bytes ?? 0} bytes so far)`;
    case 'unreachable':
      return `unreachable (${outcome.code}: ${outcome.message})`;
    case 'error':
      return `connection failed (${outcome.code}: ${outcome.message})`;
  }
}

/** The answer as a JSON object, or why it is not one. */
export function readJson(outcome: Outcome): Reading {
  if (outcome.kind !== 'answer') return { ok: false, problem: describeOutcome(outcome) };
  if (outcome.truncated)
    return {
      ok: false,
      problem: `the answer is larger than ${MAX_ANSWER_BYTES} bytes (cut off): not a usable JSON answer`,
    };
  const text = outcome.body.replace(/^\uFEFF/, '').trim();
  if (text === '') return { ok: false, problem: `HTTP ${outcome.status} with an empty body, not JSON` };
  if (/^</.test(text)) {
    return {
      ok: false,
      problem: `HTTP ${outcome.status} ${outcome.contentType || 'without content-type'}: an HTML/XML page, not JSON (${excerpt(text, 80)})`,
    };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, problem: `HTTP ${outcome.status}: the answer is not JSON (${excerpt(text, 80)})` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, problem: `HTTP ${outcome.status}: JSON but not an object (${excerpt(text, 80)})` };
  }
  return { ok: true, json: value as Record<string, unknown> };
}

export type InstanceId =
  { kind: 'missing' } | { kind: 'invalid'; shown: string } | { kind: 'zero' } | { kind: 'id'; id: string };

/** `instanceId` as the marketplace reads it: a number or a string; 0 (or "0") means queued. */
export function instanceIdOf(json: Record<string, unknown>): InstanceId {
  if (!Object.prototype.hasOwnProperty.call(json, 'instanceId')) return { kind: 'missing' };
  const value = json.instanceId;
  if (typeof value === 'number' && Number.isFinite(value))
    return value === 0 ? { kind: 'zero' } : { kind: 'id', id: String(value) };
  if (typeof value === 'string' && value.trim() !== '')
    return value.trim() === '0' ? { kind: 'zero' } : { kind: 'id', id: value.trim() };
  return { kind: 'invalid', shown: JSON.stringify(value) ?? String(value) };
}

/** The instanceId of an answer when it is a usable one (2xx JSON object with instanceId). */
export function answeredInstance(outcome: Outcome): InstanceId | { kind: 'unusable'; problem: string } {
  const reading = readJson(outcome);
  if (!reading.ok) return { kind: 'unusable', problem: reading.problem };
  if (outcome.kind === 'answer' && (outcome.status < 200 || outcome.status > 299)) {
    return { kind: 'unusable', problem: `HTTP ${outcome.status} ${excerpt(JSON.stringify(reading.json))}` };
  }
  if (reading.json.success === false)
    return { kind: 'unusable', problem: `success false ${excerpt(JSON.stringify(reading.json))}` };
  return instanceIdOf(reading.json);
}

// ---- verdicts --------------------------------------------------------------------------------

export interface Verdict {
  status: CheckStatus;
  message: string;
}

const pass = (message: string): Verdict => ({ status: 'pass', message });
const fail = (message: string): Verdict => ({ status: 'fail', message });
export const skip = (message: string): Verdict => ({ status: 'skip', message });

/** A createInstance call repeated while it answered instanceId 0, as the marketplace does. */
export interface CreateSeries {
  /** What was asked, for messages, e.g. "createInstance orderBizId=123". */
  what: string;
  outcomes: Outcome[];
  /** The answer judged: the first one that is not instanceId 0, or the last try. */
  final: Outcome;
  /** The non-zero instanceId finally answered, if any. */
  instanceId: string | null;
  /** True when every try answered instanceId 0 (200 retries, or stopped early). */
  stillQueued: boolean;
}

export function judgeTokenAccepted(series: CreateSeries): Verdict {
  const first = series.outcomes[0]!;
  const id = answeredInstance(first);
  switch (id.kind) {
    case 'id':
      return pass(`${series.what} with a correct token: ${describeOutcome(first)} — instanceId ${id.id}`);
    case 'zero':
      return pass(`${series.what} with a correct token: ${describeOutcome(first)} — instanceId 0 (queued)`);
    case 'missing':
      return fail(
        `${series.what} with a correct token: ${describeOutcome(first)} — the JSON has no instanceId`,
      );
    case 'invalid':
      return fail(
        `${series.what} with a correct token: instanceId is ${id.shown}, expected a number or a string`,
      );
    case 'unusable':
      return fail(`${series.what} with a correct token was not accepted: ${id.problem}`);
  }
}

export function judgeTokenRejected(series: CreateSeries): Verdict {
  if (series.instanceId !== null) {
    return fail(
      `${series.what} with a wrong token was accepted: ${describeOutcome(series.final)} — instanceId ${series.instanceId}; anyone could provision accounts`,
    );
  }
  const final = series.final;
  if (final.kind === 'timeout' || final.kind === 'error' || final.kind === 'unreachable') {
    return fail(
      `${series.what} with a wrong token: ${describeOutcome(final)}; a refusal must still be an answer (a non-2xx status or success false)`,
    );
  }
  const tries = series.outcomes.length > 1 ? ` after ${series.outcomes.length} tries` : '';
  return pass(`${series.what} with a wrong token was refused${tries}: ${describeOutcome(final)}`);
}

export interface TimedCall {
  label: string;
  outcome: Outcome;
}

export function judgeCreateFast(calls: TimedCall[], timeoutMs: number): Verdict {
  if (calls.length === 0) return skip('no createInstance call was made');
  const slow = calls.filter((c) => c.outcome.kind === 'timeout' || c.outcome.ms > timeoutMs);
  const slowest = calls.reduce((a, b) => (b.outcome.ms > a.outcome.ms ? b : a));
  if (slow.length === 0)
    return pass(
      `${calls.length} createInstance calls, each answered within ${timeoutMs} ms (slowest ${slowest.outcome.ms} ms: ${slowest.label})`,
    );
  const first = slow[0]!;
  return fail(
    `${slow.length} of ${calls.length} createInstance calls took longer than ${timeoutMs} ms, e.g. ${first.label}: ${first.outcome.kind === 'timeout' ? describeOutcome(first.outcome) : `${first.outcome.ms} ms`}; answer instanceId 0 at once and deliver in the background`,
  );
}

export function judgeQueuedCompletes(series: CreateSeries): Verdict {
  const first = answeredInstance(series.outcomes[0]!);
  if (first.kind !== 'zero')
    return skip(
      `the first answer was not instanceId 0 (${first.kind === 'id' ? `instanceId ${first.id}` : 'no instance'}): nothing was queued`,
    );
  if (series.instanceId !== null) {
    return pass(
      `${series.what} answered instanceId 0, then instanceId ${series.instanceId} on try ${series.outcomes.length}`,
    );
  }
  if (series.stillQueued) {
    return fail(
      `${series.what} still answered instanceId 0 after ${series.outcomes.length} tries; the marketplace gives up after ${MAX_RETRIES} retries and the instance must then be reset by hand`,
    );
  }
  return fail(
    `${series.what} answered instanceId 0, then on try ${series.outcomes.length}: ${describeOutcome(series.final)}`,
  );
}

export function judgeCreateShape(series: CreateSeries): Verdict {
  const reading = readJson(series.final);
  if (!reading.ok || series.instanceId === null)
    return fail(
      `the final answer of ${series.what} has no non-zero instanceId: ${describeOutcome(series.final)}`,
    );
  const appInfo = reading.json.appInfo;
  if (typeof appInfo !== 'object' || appInfo === null || Array.isArray(appInfo)) {
    return fail(
      `the answer of ${series.what} (instanceId ${series.instanceId}) has no appInfo object: ${describeOutcome(series.final)}`,
    );
  }
  const info = appInfo as Record<string, unknown>;
  const urls = ['frontEndUrl', 'adminUrl'].filter(
    (k) => typeof info[k] === 'string' && (info[k] as string).trim() !== '',
  );
  if (urls.length === 0)
    return fail(
      `appInfo of instanceId ${series.instanceId} has neither frontEndUrl nor adminUrl: ${describeOutcome(series.final)}`,
    );
  return pass(`instanceId ${series.instanceId} with appInfo.${urls.join(' and appInfo.')}`);
}

export function judgeIdempotent(first: CreateSeries, again: CreateSeries): Verdict {
  if (again.instanceId === null)
    return fail(
      `${again.what} sent again: ${describeOutcome(again.final)}; expected instanceId ${first.instanceId} again`,
    );
  if (again.instanceId !== first.instanceId) {
    return fail(
      `${again.what} sent again gave instanceId ${again.instanceId}, the first call gave ${first.instanceId}: a repeated call created a second instance`,
    );
  }
  return pass(`${again.what} sent again gave the same instanceId ${again.instanceId}`);
}

export function judgePerUnit(first: CreateSeries, second: CreateSeries): Verdict {
  if (second.instanceId === null)
    return fail(`second unit ${second.what}: ${describeOutcome(second.final)}; expected a new instance`);
  if (second.instanceId === first.instanceId) {
    return fail(
      `two units of one order (${first.what}, ${second.what}) got the same instanceId ${second.instanceId}; each orderBizId needs its own instance`,
    );
  }
  return pass(`two units of one order got instanceIds ${first.instanceId} and ${second.instanceId}`);
}

/** renew/upgrade/dilate/expired/release: `success` true. */
export function judgeSuccess(what: string, outcome: Outcome): Verdict {
  const reading = readJson(outcome);
  if (!reading.ok) return fail(`${what}: ${reading.problem}`);
  if (outcome.kind === 'answer' && (outcome.status < 200 || outcome.status > 299))
    return fail(`${what}: ${describeOutcome(outcome)}`);
  if (reading.json.success === true) return pass(`${what}: ${describeOutcome(outcome)}`);
  return fail(`${what}: ${describeOutcome(outcome)} — expected "success": true`);
}

// ---- masking ---------------------------------------------------------------------------------

export const MASK = '******';

/**
 * Replaces every occurrence of the secrets (the key, the tokens sent) in a text. Secrets of one
 * or two characters are left alone: masking them would mangle every message.
 */
export function maskSecrets(text: string, secrets: ReadonlyArray<string>): string {
  let out = text;
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    if (secret.length < 3) continue;
    out = out.split(secret).join(MASK);
  }
  return out;
}
