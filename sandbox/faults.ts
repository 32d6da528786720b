/**
 * Fault injection, so the client's error handling can be exercised on purpose.
 *
 * Per request, deterministic (what tests use): header `x-sandbox-fault` with one or more faults
 * separated by `,`, each `kind[=value][;times=N][;id=KEY]`:
 *   latency=MS        wait before answering
 *   status=CODE       answer with that 5xx (or any) status in the error envelope
 *   rate-limit=SECS   429 with `Retry-After: SECS`
 *   drop              close the connection without an answer
 *   truncate          send half the body, then close the connection
 *   malformed         answer 200 with a body that is not JSON
 * `times=N;id=KEY` applies the fault only to the first N requests that carry the same KEY, so a
 * retry of the same request succeeds (the client resends the same headers).
 *
 * Server-wide, random (for trying the app): `--faults "latency=200,5xx=0.1,drop=0.02,…"`,
 * latency in ms, the others as probabilities per request.
 */
export type Fault =
  | { kind: 'latency'; ms: number }
  | { kind: 'status'; status: number }
  | { kind: 'rate-limit'; retryAfterSeconds: number }
  | { kind: 'drop' }
  | { kind: 'truncate' }
  | { kind: 'malformed' };

export interface FaultRates {
  latencyMs: number;
  '5xx': number;
  '429': number;
  drop: number;
  truncate: number;
  malformed: number;
}

export class FaultPlan {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly rates: Partial<FaultRates> = {},
    private readonly random: () => number = Math.random,
  ) {}

  /** The faults for one request; an invalid header is reported so the caller can answer 400. */
  faultsFor(header: string | undefined): { faults: Fault[] } | { error: string } {
    const faults: Fault[] = [];
    if (header) {
      for (const spec of header.split(',')) {
        const parsed = this.parseSpec(spec.trim());
        if ('error' in parsed) return parsed;
        if (parsed.fault) faults.push(parsed.fault);
      }
    }
    const r = this.rates;
    if (r.latencyMs) faults.push({ kind: 'latency', ms: r.latencyMs });
    if (r['5xx'] && this.random() < r['5xx']) faults.push({ kind: 'status', status: 503 });
    else if (r['429'] && this.random() < r['429']) faults.push({ kind: 'rate-limit', retryAfterSeconds: 1 });
    else if (r.drop && this.random() < r.drop) faults.push({ kind: 'drop' });
    else if (r.truncate && this.random() < r.truncate) faults.push({ kind: 'truncate' });
    else if (r.malformed && this.random() < r.malformed) faults.push({ kind: 'malformed' });
    return { faults };
  }

  private parseSpec(spec: string): { fault: Fault | null } | { error: string } {
    const [head = '', ...options] = spec.split(';');
    const [kind, value] = head.split('=') as [string, string | undefined];
    const opts = Object.fromEntries(options.map((o) => o.split('=') as [string, string]));
    if (opts.times !== undefined) {
      const key = `${opts.id ?? ''}|${spec}`;
      const count = (this.seen.get(key) ?? 0) + 1;
      this.seen.set(key, count);
      if (count > Number(opts.times)) return { fault: null };
    }
    const num = Number(value);
    switch (kind) {
      case 'latency':
        return Number.isFinite(num) && num >= 0 && num <= 60_000
          ? { fault: { kind, ms: num } }
          : { error: 'latency needs milliseconds (0–60000)' };
      case 'status':
        return Number.isInteger(num) && num >= 400 && num <= 599
          ? { fault: { kind, status: num } }
          : { error: 'status needs a 4xx/5xx code' };
      case 'rate-limit':
        return Number.isFinite(num) && num >= 0
          ? { fault: { kind, retryAfterSeconds: num } }
          : { error: 'rate-limit needs Retry-After seconds' };
      case 'drop':
      case 'truncate':
      case 'malformed':
        return { fault: { kind } };
      default:
        return { error: `unknown fault "${kind}" (latency, status, rate-limit, drop, truncate, malformed)` };
    }
  }
}

export function parseFaultRates(text: string): Partial<FaultRates> {
  const rates: Partial<FaultRates> = {};
  for (const part of text.split(',').filter(Boolean)) {
    const [name = '', value = ''] = part.split('=');
    const num = Number(value);
    if (!Number.isFinite(num) || num < 0) throw new Error(`--faults: "${part}" needs a non-negative number`);
    if (name === 'latency') rates.latencyMs = num;
    else if (
      name === '5xx' ||
      name === '429' ||
      name === 'drop' ||
      name === 'truncate' ||
      name === 'malformed'
    )
      rates[name] = num;
    else throw new Error(`--faults: unknown fault "${name}" (latency, 5xx, 429, drop, truncate, malformed)`);
  }
  return rates;
}
