/**
 * Links and addresses in a normalised field: where they are, which host they name, and whether
 * that host is JD Cloud's own (allowed) or a local address of the buyer's machine (ignored).
 */
import type { NormalisedText } from './normalize';
import type { CompiledRulePack } from './rulepack';

export interface LinkSpan {
  /** Normalised offsets, end exclusive. */
  start: number;
  end: number;
  host: string;
  allowed: boolean;
  /** An e-mail address: a contact channel, not a link to another site (still context for other rules). */
  email?: boolean;
}

const SPELLED_DOT = /\s*(?:\[点\]|\(点\)|【点】|（点）|点|點|\(dot\)|\[dot\]|dot|\[\.\]|\(\.\)|。)\s*/gu;
const SPELLED_AT = /\s*(?:\(at\)|\[at\]|\{at\})\s*/gu;
const EMAIL = /^(?:mailto:)?[^\s/@:()[\]{}]+(?:@|\s*(?:\(at\)|\[at\]|\{at\}))/;

// Every spelled-out dot or @ holds one of these; most links have none, and skipping the two
// replaces (each a regex pass over the link) is then the same answer.
const MAY_BE_SPELLED = /[点點。[({]|dot/;

export function hostOf(link: string): string {
  const spelled = MAY_BE_SPELLED.test(link) ? link.replace(SPELLED_DOT, '.').replace(SPELLED_AT, '@') : link;
  const at = spelled.lastIndexOf('@');
  const noScheme = spelled.replace(/^[a-z][a-z0-9+.-]*:\/\//, '');
  const withoutUser =
    at >= 0 && !/^[a-z][a-z0-9+.-]*:\/\//.test(spelled)
      ? spelled.slice(at + 1)
      : noScheme.replace(/^[^/@]*@/, '');
  return (/^[^/:?#\s]*/.exec(withoutUser)?.[0] ?? '').replace(/\.$/, '');
}

export function isAllowedHost(host: string, allowed: readonly string[]): boolean {
  return allowed.some((d) => host === d || host.endsWith(`.${d}`));
}

function isLocalHost(host: string): boolean {
  // .internal is reserved for private networks (ICANN, 2024), like mDNS's .local.
  if (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host.endsWith('.local') ||
    host.endsWith('.internal')
  )
    return true;
  const m = /^(\d+)\.(\d+)\.\d+\.\d+$/.exec(host);
  if (!m) return false;
  const a = Number(m[1]);
  const b = Number(m[2]);
  return (
    a === 127 ||
    a === 10 ||
    a === 0 ||
    (a === 192 && b === 168) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 169 && b === 254) ||
    // RFC 5737's documentation ranges (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24) are no one's host.
    /^(?:192\.0\.2|198\.51\.100|203\.0\.113)\./.test(host)
  );
}

const MAY_HOLD_LINK =
  /:\/\/|[a-z0-9]\s*(?:[.@点點。]|\[点\]|\(点\)|【点】|（点）|dot|\(dot\)|\[dot\]|\[\.\]|\(\.\))\s*[a-z0-9]/;

/**
 * Where a link can start. Every alternative of the link pattern begins with one of
 * [a-z0-9._%+-] and its look-behind forbids one before it, so a link starts where a maximal run
 * of these characters starts: RUN finds the runs (a native scan over mostly Chinese prose) and
 * the sticky pattern is tried only at the start of a run that can begin a link at all.
 */
const RUN = /[a-z0-9._%+-]+/g;
const isRunChar = (c: number) =>
  (c >= 0x61 && c <= 0x7a) ||
  (c >= 0x30 && c <= 0x39) ||
  c === 0x2e ||
  c === 0x5f ||
  c === 0x25 ||
  c === 0x2b ||
  c === 0x2d;
// JavaScript's \s, as the pattern's \s* between a name and a spelled-out dot or (at) reads it.
const isSpace = (c: number) =>
  (c >= 0x09 && c <= 0x0d) ||
  c === 0x20 ||
  c === 0xa0 ||
  c === 0x1680 ||
  (c >= 0x2000 && c <= 0x200a) ||
  c === 0x2028 ||
  c === 0x2029 ||
  c === 0x202f ||
  c === 0x205f ||
  c === 0x3000 ||
  c === 0xfeff;
// What may follow a run (after spaces) in a link that starts there: a scheme's ://, an e-mail's
// @, a spelled-out (at) [at] {at} or dot [.] (.) 点 點 。.
const AFTER_RUN = new Set(
  [':', '@', '(', '[', '{', '【', '（', '点', '點', '。'].map((ch) => ch.charCodeAt(0)),
);

/**
 * Whether a link can start at the run text[start, end): a domain, an IPv4 address or a run-in
 * spelled-out dot (vendordotcom) needs a "." or "dot" in the run; every other form needs one of
 * AFTER_RUN after it (or " dot"). A superset of where the pattern can match, so trying the
 * pattern only there finds the same links.
 */
function mayStartLink(text: string, run: string, end: number): boolean {
  if (run.includes('.') || run.includes('dot')) return true;
  let j = end;
  while (j < text.length && isSpace(text.charCodeAt(j))) j++;
  if (j >= text.length) return false;
  return AFTER_RUN.has(text.charCodeAt(j)) || text.startsWith('dot', j);
}

/** A site's name: labels of letters (any script), digits and hyphens, at least two of them. */
const HOST_NAME = /^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+$/u;

// A match that ends in sentence punctuation (…/plugins.) keeps the dot out of the link.
const TRAILING = /[.,;:!?)\]}'"`]+$/;

const BARE_QUAD = /^\d{1,3}(?:\.\d{1,3}){3}$/;
// How much text before a bare dotted quad the version/address cues may look at.
const CUE_REACH = 24;
// A header cell of its own (block tags read as line breaks) naming the version column, within a
// table's reach before the cell, and no sentence end between.
const VERSION_COLUMN = /\n\s*(?:版本|版本号|version|versions|ver\.?)\s*\n[^。！？]*$/u;
const TABLE_REACH = 1200;

/**
 * Whether the bare dotted quad at text[start…] is a version number: the words before it (within
 * the clause; at the start of the field, the field's own key, as in attributes.OpenResty =
 * 1.25.3.1) name a version or a piece of software, and not an address.
 */
function readsAsVersion(
  text: string,
  start: number,
  end: number,
  compiled: CompiledRulePack,
  fieldKey: string,
): boolean {
  // A release date right after it (24.6.2.118（2024-06-20）) makes it a changelog entry.
  if (compiled.versionAfter?.test(text.slice(end, end + CUE_REACH))) return true;
  if (!compiled.versionBefore) return false;
  let before = text.slice(Math.max(0, start - CUE_REACH), start);
  const cut = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('。'), before.lastIndexOf('；'));
  if (cut >= 0) before = before.slice(cut + 1);
  if (/^[\s:：=]*$/.test(before)) {
    const lineStart = start - before.length;
    if (lineStart <= 0) before = `${fieldKey.toLowerCase()} `;
    // Alone in a table cell under a 版本 / Version header: a version table's row.
    else if (VERSION_COLUMN.test(text.slice(Math.max(0, lineStart - TABLE_REACH), lineStart))) return true;
    // Alone in its line or table cell: the cell or line before it is its label (<td>OpenResty</td><td>1.25.3.1</td>).
    else if (text.charCodeAt(lineStart - 1) === 0x0a) {
      const prev = text.slice(Math.max(0, lineStart - 1 - CUE_REACH), lineStart - 1).trimEnd();
      before = `${prev.slice(prev.lastIndexOf('\n') + 1)} `;
    }
  }
  if (compiled.addressBefore?.test(before)) return false;
  return compiled.versionBefore.test(before);
}

// How far back the words that present a link as an example may be (a sentence, or the line
// that introduces a code block of several example records).
const EXAMPLE_REACH = 120;

/**
 * Whether normalised offset i is inside a <code> or <pre> element, a Markdown code fence (```) or
 * an inline `code` span on its line: a config file or command shown, not prose.
 */
function inCode(n: NormalisedText, i: number): boolean {
  const raw = n.raw;
  const hasTag = raw.indexOf('<') >= 0;
  const hasTick = raw.indexOf('`') >= 0;
  if (!hasTag && !hasTick) return false;
  const p = n.rawOffset(i);
  if (hasTag)
    for (const tag of ['code', 'pre']) {
      const open = raw.lastIndexOf(`<${tag}`, p);
      if (open >= 0 && open > raw.lastIndexOf(`</${tag}`, p)) return true;
    }
  if (!hasTick) return false;
  let fences = 0;
  for (let k = raw.indexOf('```'); k >= 0 && k < p; k = raw.indexOf('```', k + 3)) fences++;
  if (fences % 2 === 1) return true;
  // An inline span: an odd number of single backticks between the line's start and the link.
  const line = raw.slice(raw.lastIndexOf('\n', p - 1) + 1, p).replaceAll('```', '');
  let ticks = 0;
  for (const ch of line) if (ch === '`') ticks++;
  return ticks % 2 === 1;
}

/**
 * In code, a schemeless name with one path segment that is a key or an API group, not a page:
 * a Kubernetes label or annotation key (prometheus.io/scrape: "true", topology.kubernetes.io/zone
 * as the whole code element) or an apiVersion (networking.k8s.io/v1).
 */
function readsAsCodeKey(n: NormalisedText, start: number, link: string, host: string): boolean {
  if (host.startsWith('www.') || /^[a-z][a-z0-9+.-]*:/.test(link)) return false;
  const path = link.slice(host.length);
  if (!/^\/[a-z0-9*_.…-]+$/.test(path)) return false;
  if (!inCode(n, start)) return false;
  if (/^\/(?:v\d+(?:(?:alpha|beta)\d*)?|\*)$/.test(path)) return true;
  const end = start + link.length;
  const after = n.text.slice(end, end + 3);
  if (/^["'`]?\s*[:=]/.test(after)) return true;
  // The whole <code> element: <code>topology.kubernetes.io/zone</code>.
  const raw = n.raw;
  const rs = n.rawOffset(start);
  const re = n.rawOffset(end - 1) + 1;
  return raw.slice(Math.max(0, rs - 6), rs) === '<code>' && raw.startsWith('</code>', re);
}

/** A number that ends a sentence before an English word: "0.7-1.0。top_p" is no spelled-out domain. */
function numberBeforeFullStop(trimmed: string): boolean {
  const k = trimmed.indexOf('。');
  return k > 0 && /(?:^|[.。-])[0-9-]+$/.test(trimmed.slice(0, k));
}

/** Reserved names no one's site is on, and hosts that say they are a stand-in. */
function isReservedHost(host: string, compiled: CompiledRulePack): boolean {
  return isAllowedHost(host, compiled.placeholderDomains) || (compiled.placeholderHost?.test(host) ?? false);
}

/**
 * A host no vendor's own site can be on: reserved for documentation (RFC 2606 / 6761) or a
 * stand-in (your-domain.com, xxx.com). In a link, example.com needs more (see isPlaceholder);
 * as the vendor's own product page it is never real.
 */
export function isPlaceholderHost(host: string, compiled: CompiledRulePack): boolean {
  return isReservedHost(host, compiled) || isAllowedHost(host, compiled.exampleDomains);
}

/**
 * A bare two-part name in code (s.store, config.app: an object and its property) or a stock code
 * (00700.HK): not a site. A scheme, www, a path or a third label makes it a link again.
 */
function readsAsCode(n: NormalisedText, start: number, link: string, host: string): boolean {
  if (link !== host || host.startsWith('www.')) return false;
  const labels = host.split('.');
  if (labels.length !== 2) return false;
  if (/^0\d{3,5}$/.test(labels[0]!)) return true;
  return inCode(n, start);
}

/** A name that stands for the buyer's own address, not a site the listing sends buyers to. */
function isPlaceholder(n: NormalisedText, start: number, host: string, compiled: CompiledRulePack): boolean {
  if (isReservedHost(host, compiled)) return true;
  if (!isAllowedHost(host, compiled.exampleDomains)) return false;
  // In a config file or a command line, example.com is the stand-in for the buyer's own name.
  if (inCode(n, start)) return true;
  if (!compiled.exampleCue) return false;
  let before = n.text.slice(Math.max(0, start - EXAMPLE_REACH), start);
  // Chinese sentence ends only: an English ". " is as often "e.g. " as the end of a sentence.
  const cut = Math.max(before.lastIndexOf('。'), before.lastIndexOf('！'), before.lastIndexOf('？'));
  if (cut >= 0) before = before.slice(cut + 1);
  return compiled.exampleCue.test(before);
}

export function findLinks(
  n: NormalisedText,
  compiled: CompiledRulePack,
  extraAllowed: readonly string[],
  fieldKey = '',
): LinkSpan[] {
  const text = n.text;
  // Cheap pre-test: every form the link pattern knows has a scheme's "://" or a letter or digit
  // joined to the next one by a dot, @ or a spelled-out dot; most prose has neither ("。" alone
  // is every Chinese sentence).
  if (!MAY_HOLD_LINK.test(text)) return [];
  const allowed = extraAllowed.length
    ? [...compiled.allowedDomains, ...extraAllowed.map((d) => d.toLowerCase())]
    : compiled.allowedDomains;
  const out: LinkSpan[] = [];
  const re = compiled.linkRegex;
  RUN.lastIndex = 0;
  for (let run = RUN.exec(text); run !== null; run = RUN.exec(text)) {
    const start = run.index;
    // The rest of a run a link ended in: the look-behind rules out every position in it.
    if (start > 0 && isRunChar(text.charCodeAt(start - 1))) continue;
    if (!mayStartLink(text, run[0], start + run[0].length)) continue;
    re.lastIndex = start;
    const m = re.exec(text);
    if (m === null) continue;
    // Go on after the whole match, as a global search would (also when the match is dropped below).
    RUN.lastIndex = m.index + m[0].length;
    let raw = m[0];
    // A link ends where markup begins (<code>https://x.cn/a</code>（说明）): the tag is dropped from
    // the normalised text, so the pattern would run on into the words after it.
    if (n.raw !== text) {
      const rawStart = n.rawOffset(m.index);
      const lt = n.raw.indexOf('<', rawStart);
      if (lt >= 0 && lt < n.rawOffset(m.index + raw.length - 1)) {
        let k = raw.length - 1;
        while (k > 0 && n.rawOffset(m.index + k) >= lt) k--;
        raw = raw.slice(0, k + 1);
      }
    }
    const trimmed = raw.replace(TRAILING, '');
    if (trimmed === '') continue;
    const host = hostOf(trimmed);
    if (host === '' || compiled.notDomains.has(trimmed) || compiled.notDomains.has(host)) continue;
    // A scheme with no site name after it is a placeholder for the buyer's own machine
    // (http://&lt;云主机IP&gt;:8080, http://{your-ip}) or a one-label intranet name, not another website.
    if (!HOST_NAME.test(host)) continue;
    if (compiled.pack.links.ignoreLocalAddresses && isLocalHost(host)) continue;
    if (isPlaceholder(n, m.index, host, compiled)) continue;
    if (readsAsCode(n, m.index, trimmed, host)) continue;
    if (readsAsCodeKey(n, m.index, trimmed, host)) continue;
    if (numberBeforeFullStop(trimmed)) continue;
    if (
      BARE_QUAD.test(trimmed) &&
      readsAsVersion(text, m.index, m.index + trimmed.length, compiled, fieldKey)
    )
      continue;
    const email = EMAIL.test(trimmed);
    out.push({
      start: m.index,
      end: m.index + trimmed.length,
      host,
      allowed: isAllowedHost(host, allowed),
      ...(email ? { email } : {}),
    });
  }
  return out;
}

/** The link containing normalised offset i, by binary search over the sorted spans. */
export function linkAt(links: readonly LinkSpan[], i: number): LinkSpan | undefined {
  let lo = 0;
  let hi = links.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const l = links[mid]!;
    if (i < l.start) hi = mid - 1;
    else if (i >= l.end) lo = mid + 1;
    else return l;
  }
  return undefined;
}
