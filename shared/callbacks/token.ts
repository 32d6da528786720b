/**
 * The delivery-callback security token (spec/jdcloud-delivery-callbacks.md): every query
 * parameter except `token`, sorted by name, joined as `name=value` with `&` using the decoded
 * values, then `&key=<vendor key>`; the token is the lower-case hex MD5 of that text's UTF-8
 * bytes. MD5 itself is the caller's (Node's crypto in electron/services/callbacks): shared/ stays
 * free of I/O and platform modules.
 */

export type QueryParams = ReadonlyArray<readonly [string, string]>;

/** Code-unit order, as Java's String.compareTo and PHP's ksort on ASCII names sort. */
const byName = (a: readonly [string, string], b: readonly [string, string]): number =>
  a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;

/** The text whose MD5 is the token. */
export function tokenBase(params: QueryParams, key: string): string {
  const signed = params
    .filter(([name]) => name !== 'token')
    .slice()
    .sort(byName);
  return `${signed.map(([name, value]) => `${name}=${value}`).join('&')}&key=${key}`;
}

/** Decoded parameters of a query string (`+` is a space, as in form encoding). */
export function parseQuery(query: string): Array<[string, string]> {
  const text = query.startsWith('?') ? query.slice(1) : query;
  if (text === '') return [];
  return text
    .split('&')
    .filter(Boolean)
    .map((pair) => {
      const eq = pair.indexOf('=');
      const decode = (s: string) => decodeURIComponent(s.replace(/\+/g, ' '));
      return eq < 0 ? [decode(pair), ''] : [decode(pair.slice(0, eq)), decode(pair.slice(eq + 1))];
    });
}

/** A query string of the parameters, percent-encoded. */
export function encodeQuery(params: QueryParams): string {
  return params.map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`).join('&');
}

export const TOKEN_PATTERN = /^[0-9a-f]{32}$/;
