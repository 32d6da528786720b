/**
 * JDCLOUD3-HMAC-SHA256 request signing — JD Cloud's variant of AWS Signature V4.
 *
 * The canonical form below reproduces JD Cloud's own signer byte for byte (all 31 vectors of
 * test/fixtures/jdcloud3-signer-vectors.json), including its quirks, because the gateway checks
 * signatures the same way:
 * - the path is decoded once (`+` → space, legacy `unescape`), runs of `/` collapse, and each
 *   segment is re-encoded (`encodeURIComponent`, then `escape` for `!'()` and `%2A` for `*`);
 * - the query is form-decoded once, empty keys are dropped, each key and value is re-encoded the
 *   same way, and the pairs are sorted by key, then by value;
 * - header values are trimmed at both ends only (inner whitespace, even CR/LF, is kept), list
 *   values are trimmed one by one and joined with `,`.
 * Used by the client (signing) and the sandbox (verifying), so both sides share one definition.
 */
import { createHash, createHmac } from 'node:crypto';
import { parse as parseQueryString } from 'node:querystring';

export const ALGORITHM = 'JDCLOUD3-HMAC-SHA256';
const KEY_PREFIX = 'JDCLOUD3';
const SCOPE_TERMINATOR = 'jdcloud3_request';
export const DATE_HEADER = 'x-jdcloud-date';
export const NONCE_HEADER = 'x-jdcloud-nonce';
export const CONTENT_SHA256_HEADER = 'x-jdcloud-content-sha256';

/** Headers JD Cloud never signs: hop-by-hop, set by proxies or user agents, or conditional. */
export const UNSIGNED_HEADERS: ReadonlySet<string> = new Set([
  'cache-control',
  'content-type',
  'content-length',
  'host',
  'expect',
  'max-forwards',
  'pragma',
  'range',
  'te',
  'if-match',
  'if-none-match',
  'if-modified-since',
  'if-unmodified-since',
  'if-range',
  'accept',
  'authorization',
  'proxy-authorization',
  'from',
  'referer',
  'user-agent',
  'x-jdcloud-request-id',
]);

export type HeaderValue = string | readonly string[];
export type Headers = Record<string, HeaderValue>;

export interface SigningKeyMaterial {
  accessKey: string;
  secretKey: string;
}

export interface SigningScope {
  /** e.g. cn-north-1 */
  region: string;
  /** e.g. market */
  service: string;
}

export interface RequestToSign {
  method: string;
  /** Path and optional query as sent on the wire, e.g. `/v1/regions/cn-north-1/listings?pageNumber=2`. */
  target: string;
  headers: Headers;
  body?: string | Uint8Array;
}

/** `20190917T064708Z` — the `x-jdcloud-date` form. */
export function formatSigningDate(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[:-]/g, '');
}

/** The inverse of formatSigningDate, or null when the text is not in that form. */
export function parseSigningDate(text: string): Date | null {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  if (!m) return null;
  const date = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Splits `path?query#hash` the way a URL parser does (the hash is never sent). */
export function splitTarget(target: string): { path: string; query: string } {
  const withoutHash = target.split('#', 1)[0] ?? '';
  const q = withoutHash.indexOf('?');
  return q < 0
    ? { path: withoutHash, query: '' }
    : { path: withoutHash.slice(0, q), query: withoutHash.slice(q + 1) };
}

/** AWS-style URI escaping: unreserved characters stay, everything else is %XX (existing `%` kept). */
function uriEscape(text: string): string {
  return encodeURIComponent(text)
    .replace(/[^A-Za-z0-9_.~\-%]+/g, escape)
    .replace(/\*/g, '%2A');
}

/** Legacy decoding the gateway applies: `+` is a space, `%XX`/`%uXXXX` decode, broken escapes stay. */
function legacyDecode(text: string): string {
  return unescape(text.replace(/\+/g, ' '));
}

export function canonicalPath(rawPath: string): string {
  const path = rawPath.startsWith('/') ? rawPath : `/${rawPath}`;
  const decoded = legacyDecode(path).replace(/\/{2,}/g, '/');
  return decoded.split('/').map(uriEscape).join('/');
}

export function canonicalQuery(rawQuery: string): string {
  // Form decoding (`+` is a space, broken escapes stay literal); repeated keys collect their values.
  const parsed = parseQueryString(rawQuery, '&', '=', { maxKeys: 0 });
  const pairs: string[] = [];
  for (const key of Object.keys(parsed).sort((a, b) => compareCodeUnits(uriEscape(a), uriEscape(b)))) {
    if (key === '') continue;
    const name = uriEscape(key);
    const values = ([] as string[])
      .concat(parsed[key] ?? [])
      .map(uriEscape)
      .sort(compareCodeUnits);
    for (const value of values) pairs.push(`${name}=${value}`);
  }
  return pairs.join('&');
}

/** Plain UTF-16 code-unit order, what `Array.prototype.sort()` does by default. */
function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Lower-cases header names; a later spelling of the same name replaces an earlier one. */
export function normalizeHeaders(headers: Headers): Map<string, HeaderValue> {
  const out = new Map<string, HeaderValue>();
  for (const [name, value] of Object.entries(headers)) out.set(name.toLowerCase(), value);
  return out;
}

function trimEnds(value: string): string {
  return value.replace(/^\s+|\s+$/g, '');
}

function canonicalHeaderValue(value: HeaderValue): string {
  return trimEnds(typeof value === 'string' ? value : value.map(trimEnds).join(','));
}

/** The header names a signer signs: every header present except UNSIGNED_HEADERS, sorted. */
export function signableHeaderNames(headers: Map<string, HeaderValue>): string[] {
  return [...headers.keys()].filter((name) => !UNSIGNED_HEADERS.has(name)).sort();
}

function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

function signingKey(secretKey: string, day: string, scope: SigningScope): Buffer {
  const kDate = hmac(KEY_PREFIX + secretKey, day);
  const kRegion = hmac(kDate, scope.region);
  const kService = hmac(kRegion, scope.service);
  return hmac(kService, SCOPE_TERMINATOR);
}

export function credentialScope(day: string, scope: SigningScope): string {
  return [day, scope.region, scope.service, SCOPE_TERMINATOR].join('/');
}

export interface SignatureParts {
  canonicalRequest: string;
  stringToSign: string;
  signedHeaders: string[];
  signature: string;
}

/**
 * Computes the signature of a request whose headers already carry `x-jdcloud-date` and
 * `x-jdcloud-nonce`. `signedHeaders` defaults to every signable header present; a verifier
 * passes the list named in the Authorization header instead (proxies add headers of their own).
 */
export function computeSignature(
  request: RequestToSign,
  secretKey: string,
  scope: SigningScope,
  datetime: string,
  signedHeaders?: readonly string[],
): SignatureParts {
  const headers = normalizeHeaders(request.headers);
  const names = signedHeaders
    ? [...new Set(signedHeaders.map((n) => n.toLowerCase()))].sort()
    : signableHeaderNames(headers);
  const { path, query } = splitTarget(request.target);
  const contentHash = headers.get(CONTENT_SHA256_HEADER);
  const bodyHash =
    typeof contentHash === 'string' && contentHash !== '' ? contentHash : sha256Hex(request.body ?? '');
  const canonicalRequest = [
    request.method.toUpperCase(),
    canonicalPath(path),
    canonicalQuery(query),
    names.map((name) => `${name}:${canonicalHeaderValue(headers.get(name) ?? '')}`).join('\n') + '\n',
    names.join(';'),
    bodyHash,
  ].join('\n');
  const day = datetime.slice(0, 8);
  const stringToSign = [ALGORITHM, datetime, credentialScope(day, scope), sha256Hex(canonicalRequest)].join(
    '\n',
  );
  const signature = createHmac('sha256', signingKey(secretKey, day, scope))
    .update(stringToSign, 'utf8')
    .digest('hex');
  return { canonicalRequest, stringToSign, signedHeaders: names, signature };
}

export function authorizationHeader(
  accessKey: string,
  scope: SigningScope,
  datetime: string,
  parts: SignatureParts,
): string {
  return (
    `${ALGORITHM} Credential=${accessKey}/${credentialScope(datetime.slice(0, 8), scope)}, ` +
    `SignedHeaders=${parts.signedHeaders.join(';')}, Signature=${parts.signature}`
  );
}

export interface SignOptions extends SigningScope {
  credentials: SigningKeyMaterial;
  date: Date;
  nonce: string;
}

/**
 * Signs a request: returns its headers plus `x-jdcloud-date` (unless already set), `x-jdcloud-nonce`
 * and `authorization`. The input headers are not modified.
 */
export function signRequest(request: RequestToSign, options: SignOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of normalizeHeaders(request.headers)) {
    headers[name] = typeof value === 'string' ? value : value.join(',');
  }
  headers[DATE_HEADER] ??= formatSigningDate(options.date);
  headers[NONCE_HEADER] ??= options.nonce;
  const datetime = formatSigningDate(options.date);
  // Sign the values as given: a multi-valued header is canonicalised value by value (each trimmed),
  // not as the comma-joined string it travels as (JD Cloud vector 22).
  const toSign: Record<string, HeaderValue> = Object.fromEntries(normalizeHeaders(request.headers));
  toSign[DATE_HEADER] = headers[DATE_HEADER];
  toSign[NONCE_HEADER] = headers[NONCE_HEADER];
  const parts = computeSignature(
    { ...request, headers: toSign },
    options.credentials.secretKey,
    options,
    datetime,
  );
  headers.authorization = authorizationHeader(options.credentials.accessKey, options, datetime, parts);
  return headers;
}

export interface ParsedAuthorization {
  accessKey: string;
  day: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

/** Reads `JDCLOUD3-HMAC-SHA256 Credential=ak/day/region/service/jdcloud3_request, SignedHeaders=…, Signature=…`. */
export function parseAuthorization(header: string): ParsedAuthorization | null {
  const m =
    /^JDCLOUD3-HMAC-SHA256\s+Credential=([^/\s,]+)\/(\d{8})\/([^/\s,]+)\/([^/\s,]+)\/jdcloud3_request,\s*SignedHeaders=([a-z0-9;_.-]+),\s*Signature=([0-9a-f]{64})$/.exec(
      header.trim(),
    );
  if (!m) return null;
  return {
    accessKey: m[1]!,
    day: m[2]!,
    region: m[3]!,
    service: m[4]!,
    signedHeaders: m[5]!.split(';'),
    signature: m[6]!,
  };
}
