/**
 * The delivery-callback tester (formats.md §6): plays the marketplace against the vendor's
 * endpoint — correctly and wrongly signed createInstance calls, the marketplace's retries while
 * the answer is instanceId 0, a repeat, a second unit, then renew, upgrade, dilate, expired and
 * release — and judges each check with shared/callbacks/checks.ts. Calls go only to the URL given.
 * Used by `vendordesk callbacks test` and by the app's 交付回调测试 page.
 */
import { createHash, randomInt } from 'node:crypto';
import {
  answeredInstance,
  answerLimitMs,
  callbackCheckIds,
  DEFAULT_RETRY_INTERVAL_MS,
  DEFAULT_TIMEOUT_MS,
  judgeCreateFast,
  judgeCreateShape,
  judgeIdempotent,
  judgePerUnit,
  judgeQueuedCompletes,
  judgeSuccess,
  judgeTokenAccepted,
  judgeTokenRejected,
  MASK,
  maskSecrets,
  MAX_ANSWER_BYTES,
  MAX_RETRIES,
  SHOWN_ANSWER_CHARS,
  skip,
  summarize,
  type CallbackCheckId,
  type CheckResult,
  type CreateSeries,
  type Exchange,
  type Outcome,
  type RunSummary,
  type TimedCall,
  type Verdict,
} from '../../../shared/callbacks/checks';
import {
  createParams,
  freshRunIds,
  lifecycleParams,
  type LifecycleAction,
  type RunIds,
} from '../../../shared/callbacks/requests';
import { encodeQuery, parseQuery, tokenBase, type QueryParams } from '../../../shared/callbacks/token';
import { httpGet } from './http';

export const md5Hex = (text: string): string => createHash('md5').update(text, 'utf8').digest('hex');

/** The token of a parameter list (spec/jdcloud-delivery-callbacks.md). */
export function callbackToken(params: QueryParams, key: string): string {
  return md5Hex(tokenBase(params, key));
}

export interface TesterOptions {
  url: string;
  key: string;
  timeoutMs?: number;
  retryIntervalMs?: number;
  /** How long to wait for a complete answer (default answerLimitMs(timeoutMs)); at least timeoutMs. */
  answerLimitMs?: number;
  /** Called as calls go out and as each check is judged (the page's live progress). */
  onProgress?: (event: ProgressEvent) => void;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export type ProgressEvent = { kind: 'call'; label: string } | { kind: 'check'; check: CheckResult };

export interface TestRun {
  url: string;
  startedAt: string;
  finishedAt: string;
  timeoutMs: number;
  retryIntervalMs: number;
  /** Set when the first call got no connection: nothing was judged (exit 2). */
  unreachable?: { code: string; message: string };
  checks: CheckResult[];
  summary: RunSummary;
}

/** Why options were refused (exit 2), in both languages. */
export class TesterOptionError extends Error {}

/** Validates the endpoint URL: http(s), a host, no credentials, no fragment. */
export function parseEndpointUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new TesterOptionError(`端点地址无效 / not a URL: "${text}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new TesterOptionError(
      `端点必须是 http(s) 地址 / the endpoint must be http:// or https://, got "${url.protocol}"`,
    );
  if (url.username || url.password)
    throw new TesterOptionError(
      '端点地址不能包含用户名或密码 / the endpoint URL must not contain a user name or password',
    );
  url.hash = '';
  return url;
}

export function validateKey(key: string): string {
  if (key.length === 0) throw new TesterOptionError('密钥为空 / the key is empty');
  if (key.length > 512 || /[\r\n]/.test(key))
    throw new TesterOptionError('密钥格式无效 / the key must be one line of at most 512 characters');
  return key;
}

const sleepMs = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const MAX_SHOWN_TRIES = 6;

export async function runCallbackTest(options: TesterOptions): Promise<TestRun> {
  const endpoint = parseEndpointUrl(options.url);
  const key = validateKey(options.key);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const retryIntervalMs = options.retryIntervalMs ?? DEFAULT_RETRY_INTERVAL_MS;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? sleepMs;
  const progress = options.onProgress ?? (() => undefined);
  const limitMs = Math.max(options.answerLimitMs ?? answerLimitMs(timeoutMs), timeoutMs);
  const startedAt = new Date(now()).toISOString();
  const ids: RunIds = freshRunIds(() => randomInt(0, 100_000_000) / 100_000_000);
  const baseParams = parseQuery(endpoint.search);
  const secrets: string[] = [key];

  const results = new Map<CallbackCheckId, CheckResult>();
  const judged = (id: CallbackCheckId, verdict: Verdict, ms: number, exchanges: Exchange[]) => {
    // Messages quote answers, and an endpoint may echo the key or a token back: never repeat them.
    const check: CheckResult = {
      id,
      status: verdict.status,
      message: maskSecrets(verdict.message, secrets),
      ms: Math.round(ms),
      exchanges,
    };
    results.set(id, check);
    progress({ kind: 'check', check });
  };

  /** One GET with the action's parameters plus a token (the right one unless `tokenKey` differs). */
  const send = async (
    label: string,
    params: QueryParams,
    tokenKey = key,
  ): Promise<{ outcome: Outcome; exchange: Exchange }> => {
    const all: Array<[string, string]> = [...baseParams, ...params.map(([n, v]): [string, string] => [n, v])];
    const token = callbackToken(all, tokenKey);
    // The wrong token sent, and the right one an endpoint might echo in its refusal.
    secrets.push(token);
    if (tokenKey !== key) secrets.push(callbackToken(all, key));
    const target = new URL(endpoint);
    target.search = encodeQuery([...all, ['token', token]]);
    const shownParams: Array<[string, string]> = [...all, ['token', MASK]];
    const shown = new URL(endpoint);
    shown.search = `${encodeQuery(all)}&token=${MASK}`;
    progress({ kind: 'call', label });
    const sentAt = new Date(now()).toISOString();
    const outcome = await httpGet(target, { limitMs, maxBytes: MAX_ANSWER_BYTES });
    const exchange: Exchange = {
      label,
      action: params.find(([n]) => n === 'action')?.[1] ?? '',
      url: shown.toString(),
      params: shownParams,
      sentAt,
      ms: outcome.ms,
      outcome: outcome.kind,
    };
    if (outcome.kind === 'answer' || outcome.kind === 'timeout') {
      if (outcome.status !== undefined) exchange.status = outcome.status;
      if (outcome.kind === 'answer') {
        exchange.contentType = outcome.contentType;
        exchange.truncated = outcome.truncated;
      }
      if (outcome.body !== undefined)
        exchange.body = maskSecrets(outcome.body.slice(0, SHOWN_ANSWER_CHARS), secrets);
      if (outcome.bytes !== undefined) exchange.bytes = outcome.bytes;
    } else {
      exchange.error = `${outcome.code}: ${outcome.message}`;
    }
    return { outcome, exchange };
  };

  const createCalls: TimedCall[] = [];
  const createExchanges: Exchange[] = [];

  /** createInstance, repeated after `retryIntervalMs` while it answers instanceId 0 (at most MAX_RETRIES times). */
  const unitParams = new Map<string, QueryParams>();
  const createSeries = async (label: string, orderBizId: string, tokenKey = key) => {
    // A unit's parameters are fixed once, so "the same call" again is byte for byte the same.
    const params = unitParams.get(orderBizId) ?? createParams(ids, orderBizId, now());
    unitParams.set(orderBizId, params);
    const what = `createInstance orderBizId=${orderBizId}`;
    const outcomes: Outcome[] = [];
    const exchanges: Exchange[] = [];
    const started = performance.now();
    for (let attempt = 0; ; attempt += 1) {
      const tryLabel = attempt === 0 ? label : `${label} (retry ${attempt})`;
      const { outcome, exchange } = await send(tryLabel, params, tokenKey);
      outcomes.push(outcome);
      createCalls.push({ label: tryLabel, outcome });
      // Keep the first tries and the last ones; 200 retries of the same answer teach nothing.
      if (exchanges.length < MAX_SHOWN_TRIES) exchanges.push(exchange);
      else exchanges[MAX_SHOWN_TRIES - 1] = exchange;
      const id = answeredInstance(outcome);
      if (outcome.kind === 'unreachable' && attempt === 0) return { series: null, outcome, exchanges };
      if (id.kind !== 'zero' || attempt >= MAX_RETRIES) {
        const series: CreateSeries = {
          what,
          outcomes,
          final: outcome,
          instanceId: id.kind === 'id' ? id.id : null,
          stillQueued: id.kind === 'zero',
        };
        createExchanges.push(...exchanges);
        return { series, outcome, exchanges, elapsedMs: performance.now() - started };
      }
      await sleep(retryIntervalMs);
    }
  };

  const finish = (unreachable?: TestRun['unreachable']): TestRun => {
    const checks = callbackCheckIds.map(
      (id) =>
        results.get(id) ?? {
          id,
          status: 'skip' as const,
          message: unreachable ? `not run: the endpoint is unreachable (${unreachable.code})` : 'not run',
          ms: 0,
          exchanges: [],
        },
    );
    return {
      url: options.url,
      startedAt,
      finishedAt: new Date(now()).toISOString(),
      timeoutMs,
      retryIntervalMs,
      ...(unreachable ? { unreachable } : {}),
      checks,
      summary: summarize(checks),
    };
  };

  // 1. A correctly signed createInstance (and the marketplace's retries while it is queued).
  const first = await createSeries('createInstance', ids.orderBizId);
  if (!first.series) {
    const outcome = first.outcome as Extract<Outcome, { kind: 'unreachable' }>;
    return finish({ code: outcome.code, message: outcome.message });
  }
  const a = first.series;
  const accepted = judgeTokenAccepted(a);
  judged('token-accepted', accepted, a.outcomes[0]!.ms, first.exchanges.slice(0, 1));
  const notAccepted = 'not judged: the correctly signed createInstance was not accepted (see token-accepted)';
  const noInstance = 'not judged: no instance was created (see create-queued-completes)';
  if (accepted.status === 'pass') {
    judged('create-queued-completes', judgeQueuedCompletes(a), first.elapsedMs, first.exchanges);
    judged(
      'create-shape',
      a.instanceId === null ? skip(noInstance) : judgeCreateShape(a),
      a.final.ms,
      first.exchanges.slice(-1),
    );
  } else {
    judged('create-queued-completes', skip(notAccepted), 0, []);
    judged('create-shape', skip(notAccepted), 0, []);
  }

  // 2. The same call with a wrong token.
  const wrong = await createSeries('createInstance (wrong token)', ids.orderBizId, `${key}#wrong`);
  const wrongSeries = wrong.series ?? wrongSeriesOf(wrong.outcome, ids.orderBizId);
  judged(
    'token-rejected',
    judgeTokenRejected(wrongSeries),
    wrongSeries.outcomes.reduce((s, o) => s + o.ms, 0),
    wrong.exchanges,
  );

  // 3. The same unit again, and a second unit of the same order.
  const dependent = accepted.status !== 'pass' ? notAccepted : a.instanceId === null ? noInstance : null;
  if (dependent === null) {
    const again = await createSeries('createInstance (same orderBizId again)', ids.orderBizId);
    judged(
      'create-idempotent',
      judgeIdempotent(a, again.series ?? wrongSeriesOf(again.outcome, ids.orderBizId)),
      again.elapsedMs ?? again.outcome.ms,
      again.exchanges,
    );
    const second = await createSeries('createInstance (second unit of the order)', ids.secondOrderBizId);
    judged(
      'per-unit-instances',
      judgePerUnit(a, second.series ?? wrongSeriesOf(second.outcome, ids.secondOrderBizId)),
      second.elapsedMs ?? second.outcome.ms,
      second.exchanges,
    );
  } else {
    judged('create-idempotent', skip(dependent), 0, []);
    judged('per-unit-instances', skip(dependent), 0, []);
  }

  // 4. Every createInstance call so far, against the "must not block" limit.
  judged(
    'create-fast',
    judgeCreateFast(createCalls, timeoutMs),
    Math.max(0, ...createCalls.map((c) => c.outcome.ms)),
    slowestFirst(createExchanges),
  );

  // 5. The rest of the instance's life, in the order the marketplace sends it.
  const lifecycle: Array<[CallbackCheckId, LifecycleAction]> = [
    ['renew', 'renewInstance'],
    ['upgrade', 'upgradeInstance'],
    ['dilate', 'dilateInstance'],
    ['expired', 'expiredInstance'],
    ['release', 'releaseInstance'],
  ];
  for (const [id, action] of lifecycle) {
    if (dependent !== null) {
      judged(id, skip(dependent), 0, []);
      continue;
    }
    const { outcome, exchange } = await send(action, lifecycleParams(action, ids, a.instanceId!, now()));
    judged(id, judgeSuccess(`${action} instanceId=${a.instanceId}`, outcome), outcome.ms, [exchange]);
  }
  return finish();
}

function wrongSeriesOf(outcome: Outcome, orderBizId: string): CreateSeries {
  return {
    what: `createInstance orderBizId=${orderBizId}`,
    outcomes: [outcome],
    final: outcome,
    instanceId: null,
    stillQueued: false,
  };
}

function slowestFirst(exchanges: Exchange[]): Exchange[] {
  return [...exchanges].sort((x, y) => y.ms - x.ms).slice(0, 3);
}
