/**
 * Online verification of the vendor's product page (第十条(六)) from main: fetch the page with
 * a timeout, a body-size cap and a bounded number of redirects (followed by hand so that every
 * hop is checked to be http/https), then analyse it. The result records when it was taken;
 * caching it is the app's job.
 *
 * Outbound guard (SSRF): the page must be on the public internet. Loopback, private, link-local
 * (cloud metadata at 169.254.169.254), unique-local, CGNAT, multicast and other special ranges are
 * refused — for an address written in the URL, and for every address a host name resolves to, on
 * every redirect hop. The check runs in the connection's own DNS lookup, so the address that is
 * checked is the address that is connected to (no gap for DNS rebinding).
 */
import dns from 'node:dns';
import net from 'node:net';
import ipaddr from 'ipaddr.js';
import { Agent, fetch as undiciFetch } from 'undici';
import { analyseProductPage, missingParts } from '../../../shared/check/official-site';
import type { OfficialSiteVerification } from '../../../shared/check/types';

export interface VerifyOptions {
  productNames: string[];
  marketplaceListingUrl?: string;
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  now?: () => Date;
  /**
   * TEST SEAM: default false. Tests that serve pages from 127.0.0.1 set it; with it set, the
   * guard still refuses non-http(s) and the other limits hold.
   */
  allowPrivateAddresses?: boolean;
  /** TEST SEAM: the resolver (default dns.lookup) and the address classifier (default nonPublicRange). */
  dnsLookup?: typeof dns.lookup;
  classifyAddress?: Classify;
  /** Replaces the guarded fetch entirely (tests); the literal-address check still runs per hop. */
  fetchImpl?: typeof fetch;
}

const DEFAULTS = { timeoutMs: 10_000, maxBytes: 2 * 1024 * 1024, maxRedirects: 5 };

class VerifyError extends Error {
  constructor(
    message: string,
    readonly httpStatus?: number,
  ) {
    super(message);
  }
}

function isHttp(url: URL): boolean {
  return url.protocol === 'http:' || url.protocol === 'https:';
}

/** `null` when the address is public unicast, else the name of its range (loopback, private, …). */
export function nonPublicRange(address: string): string | null {
  if (!ipaddr.isValid(address)) return 'not an IP address';
  const range = ipaddr.process(address).range();
  return range === 'unicast' ? null : range;
}

class AddressRefused extends Error {
  readonly code = 'EVENDORDESKREFUSED';
}

const refusal = (host: string, address: string, range: string) =>
  `refused: ${host} is ${address} (${range}); only public internet addresses are checked`;

export type Classify = (address: string) => string | null;

/** A dns.lookup that fails when any resolved address is not public. */
function guardedLookup(baseLookup: typeof dns.lookup, classify: Classify): net.LookupFunction {
  return (hostname, options, callback) => {
    baseLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 4);
      const list = addresses as unknown as dns.LookupAddress[];
      for (const { address } of list) {
        const range = classify(address);
        if (range) return callback(new AddressRefused(refusal(hostname, address, range)), '', 4);
      }
      const first = list[0];
      if (!first)
        return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), '', 4);
      if (options.all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
      return callback(null, first.address, first.family);
    });
  };
}

/** fetch through a dispatcher whose connections resolve names with the guard. */
function guardedFetch(agent: Agent): typeof fetch {
  return ((input: URL, init: RequestInit) =>
    undiciFetch(input, { ...(init as object), dispatcher: agent })) as unknown as typeof fetch;
}

/** The URL's host when it is an IP literal that is not public, as a refusal message. */
function literalRefusal(url: URL, classify: Classify): string | null {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!net.isIP(host)) {
    // Names that always mean this machine, whatever the resolver says.
    if (host === 'localhost' || host.endsWith('.localhost'))
      return refusal(host, 'this computer', 'loopback');
    return null;
  }
  const range = classify(host);
  return range ? refusal(host, host, range) : null;
}

async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    throw new VerifyError(`page is larger than ${maxBytes} bytes (${declared})`, response.status);
  }
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new VerifyError(`page is larger than ${maxBytes} bytes`, response.status);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** Decodes with the charset the server or the page declares (many Chinese sites still use GBK). */
function decode(bytes: Uint8Array, contentType: string | null): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  const label =
    /charset\s*=\s*["']?([\w-]+)/i.exec(contentType ?? '')?.[1] ??
    /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1] ??
    'utf-8';
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

async function fetchPage(
  start: URL,
  opts: Required<Pick<VerifyOptions, 'maxBytes' | 'maxRedirects'>> & {
    fetchImpl: typeof fetch;
    signal: AbortSignal;
    classify: Classify | null;
  },
) {
  let url = start;
  const seen = new Set<string>();
  for (let hop = 0; ; hop++) {
    if (seen.has(url.href)) throw new VerifyError(`redirect loop at ${url.href}`);
    seen.add(url.href);
    const refused = opts.classify ? literalRefusal(url, opts.classify) : null;
    if (refused) throw new VerifyError(hop === 0 ? refused : `redirect ${refused}`);
    const response = await opts.fetchImpl(url, {
      redirect: 'manual',
      signal: opts.signal,
      headers: { 'user-agent': 'VendorDesk official-site check', accept: 'text/html,*/*;q=0.5' },
    });
    if (response.status >= 300 && response.status < 400) {
      const location = response.headers.get('location');
      await response.body?.cancel();
      if (!location) throw new VerifyError(`redirect without a Location header`, response.status);
      if (hop >= opts.maxRedirects)
        throw new VerifyError(`more than ${opts.maxRedirects} redirects`, response.status);
      const next = new URL(location, url);
      if (!isHttp(next))
        throw new VerifyError(`redirect to a non-http(s) address: ${next.protocol}`, response.status);
      url = next;
      continue;
    }
    return { response, body: response.ok ? await readCapped(response, opts.maxBytes) : new Uint8Array() };
  }
}

export async function verifyOfficialSite(
  pageUrl: string,
  options: VerifyOptions,
): Promise<OfficialSiteVerification> {
  const now = options.now ?? (() => new Date());
  const timeoutMs = options.timeoutMs ?? DEFAULTS.timeoutMs;
  const base = { url: pageUrl, checkedAt: now().toISOString() };
  const notFound = {
    pageExists: false,
    namesProduct: false,
    linksToListing: options.marketplaceListingUrl ? false : null,
    statesPartnership: false,
  };
  const unreachable = (error: string, httpStatus?: number): OfficialSiteVerification => ({
    ...base,
    status: 'unreachable',
    ...(httpStatus === undefined ? {} : { httpStatus }),
    found: notFound,
    missing: [],
    error,
  });

  let start: URL;
  try {
    start = new URL(pageUrl);
  } catch {
    return unreachable('not a valid URL');
  }
  if (!isHttp(start)) return unreachable(`only http and https pages can be checked, not ${start.protocol}`);

  const classify = options.allowPrivateAddresses ? null : (options.classifyAddress ?? nonPublicRange);
  const agent =
    options.fetchImpl || !classify
      ? undefined
      : new Agent({ connect: { lookup: guardedLookup(options.dnsLookup ?? dns.lookup, classify) } });
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const { response, body } = await fetchPage(start, {
      maxBytes: options.maxBytes ?? DEFAULTS.maxBytes,
      maxRedirects: options.maxRedirects ?? DEFAULTS.maxRedirects,
      fetchImpl: options.fetchImpl ?? (agent ? guardedFetch(agent) : fetch),
      signal: controller.signal,
      classify,
    });
    if (response.status === 404 || response.status === 410) {
      return {
        ...base,
        status: 'problems',
        httpStatus: response.status,
        found: notFound,
        missing: missingParts(notFound),
      };
    }
    if (!response.ok) return unreachable(`HTTP ${response.status}`, response.status);
    const found = analyseProductPage(decode(body, response.headers.get('content-type')), options);
    const missing = missingParts(found);
    return {
      ...base,
      status: missing.length ? 'problems' : 'verified',
      httpStatus: response.status,
      found,
      missing,
    };
  } catch (error) {
    if (controller.signal.aborted) return unreachable(`no complete answer within ${timeoutMs} ms`);
    if (error instanceof VerifyError) return unreachable(error.message, error.httpStatus);
    const refusedCause = findRefusal(error);
    if (refusedCause) return unreachable(refusedCause.message);
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return unreachable(`${error instanceof Error ? error.message : String(error)}${cause}`);
  } finally {
    clearTimeout(timer);
    // Everything was read (or given up on): no connection of this check is needed any more.
    void agent?.destroy().catch(() => undefined);
  }
}

function findRefusal(error: unknown): AddressRefused | undefined {
  for (let e: unknown = error, i = 0; e instanceof Error && i < 5; e = e.cause, i++) {
    if (e instanceof AddressRefused) return e;
  }
  return undefined;
}
