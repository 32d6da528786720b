/**
 * Everything found in one text field: its links and the term hits that survive the pack's
 * context rules. One normalisation pass, one regex pass for links, one automaton pass for terms.
 */
import { scan } from './automaton';
import { windowAfter, windowBefore, windowOffset } from './context';
import { surroundings } from './judge';
import { findLinks, type LinkSpan } from './links';
import { normalise, rawSpan, type NormalisedText } from './normalize';
import { type CompiledGroup, type CompiledPattern, type CompiledRulePack } from './rulepack';
import type { Severity } from './types';

export interface TermMatch {
  pattern: CompiledPattern;
  group: CompiledGroup;
  /** Raw offsets (UTF-16, end exclusive). */
  start: number;
  end: number;
  /** The judged severity, why (in the rule's words) and how sure the pack is. */
  severity: Severity;
  reason?: { zh: string; en: string };
  confidence: number;
}

export interface FieldScan {
  field: string;
  norm: NormalisedText;
  links: LinkSpan[];
  terms: readonly TermMatch[];
  /** Marker groups (e.g. delisting aspects) that occur in this field. */
  markers: ReadonlySet<string>;
  /** Per rule, candidates left unjudged once MAX_TERMS_PER_RULE findings were reported in this field. */
  overflow: ReadonlyMap<string, number>;
}

/**
 * At most this many term findings per rule and field: a pasted 5 M character field can hold a
 * million hits, and nobody reads a million findings (the rest are counted, not judged).
 */
export const MAX_TERMS_PER_RULE = 10_000;

// An ASCII term is a whole word: no letter, digit or underscore joined to it (webinar_signup and
// max_connections are identifiers in code, not the words sign up or max).
const isAsciiAlnum = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;

/** Whether [start, end) overlaps one of the sorted, disjoint links. */
function overlapsLink(links: readonly LinkSpan[], start: number, end: number): boolean {
  let lo = 0;
  let hi = links.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (links[mid]!.end <= start) lo = mid + 1;
    else hi = mid;
  }
  return lo < links.length && links[lo]!.start < end;
}

function appliesTo(group: CompiledGroup, field: string): boolean {
  const fields = group.group.fields;
  return !fields || fields.some((f) => field === f || field.startsWith(`${f}.`) || field.startsWith(`${f}[`));
}

// Most fields have no hit at all: they share these empty answers instead of allocating their own.
const NO_MARKERS: ReadonlySet<string> = new Set();
const NO_OVERFLOW: ReadonlyMap<string, number> = new Map();
const NO_TERMS: readonly TermMatch[] = Object.freeze([]);

// Per-call scratch (the check is synchronous): candidate hit numbers, and per slot the end of
// the last hit kept / the number of findings reported.
let candidateScratch = new Int32Array(256);

export function scanField(
  compiled: CompiledRulePack,
  field: string,
  raw: string,
  opts: { extraAllowed: readonly string[]; authorizedBrands: ReadonlySet<string> },
): FieldScan {
  const norm = normalise(raw, compiled.fold, compiled.pack.normalization.markup);
  const text = norm.text;
  const links = findLinks(norm, compiled, opts.extraAllowed, field.slice(field.lastIndexOf('.') + 1));
  const { buf, count } = scan(compiled.automaton, text);
  if (count === 0) return { field, norm, links, terms: NO_TERMS, markers: NO_MARKERS, overflow: NO_OVERFLOW };

  // Candidates: in scope, whole words for ASCII terms, not inside a link (a link is reported as a
  // link; jdcloud in docs.jdcloud.com is not brand misuse). Whether a group applies to this
  // field is worked out once per group (0 unknown, 1 yes, 2 no).
  const applies = new Uint8Array(compiled.groups.length);
  if (candidateScratch.length < count) candidateScratch = new Int32Array(count * 2);
  const candidates = candidateScratch;
  let n = 0;
  for (let h = 0; h < count; h++) {
    const p = compiled.patterns[buf[3 * h]!]!;
    const start = buf[3 * h + 1]!;
    const end = buf[3 * h + 2]!;
    const gi = p.group.index;
    if (applies[gi] === 0) applies[gi] = appliesTo(p.group, field) ? 1 : 2;
    if (applies[gi] === 2) continue;
    if (p.asciiStart && start > 0 && isAsciiAlnum(text.charCodeAt(start - 1))) continue;
    if (p.asciiEnd && end < text.length && isAsciiAlnum(text.charCodeAt(end))) continue;
    if (links.length && overlapsLink(links, start, end)) continue;
    candidates[n++] = h;
  }
  if (n === 0) return { field, norm, links, terms: NO_TERMS, markers: NO_MARKERS, overflow: NO_OVERFLOW };
  const markers = new Set<string>();
  const overflow = new Map<string, number>();
  const terms: TermMatch[] = [];

  // Per rule (and per marker), the longest of overlapping hits decides, before context: if
  // 京东云云主机 is a plain description, the 京东 inside 京东云 must not be reported either.
  // Hits come in order of their end; a stable sort by start, longest first, gives that order.
  // Only overlapping hits are out of that order (a pattern is a few characters long), so an
  // insertion sort in place is linear here and allocates nothing (Array#sort with a comparator
  // closure showed in profiles).
  for (let k = 1; k < n; k++) {
    const h = candidates[k]!;
    const start = buf[3 * h + 1]!;
    const end = buf[3 * h + 2]!;
    let j = k - 1;
    for (; j >= 0; j--) {
      const o = candidates[j]!;
      const os = buf[3 * o + 1]!;
      // Move o right only if it must come after h: it starts later, or at the same place but is shorter.
      if (os < start || (os === start && buf[3 * o + 2]! >= end)) break;
      candidates[j + 1] = o;
    }
    candidates[j + 1] = h;
  }
  const lastEnd = new Int32Array(compiled.slotCount).fill(-1);
  const reported = new Int32Array(compiled.slotCount);
  for (let k = 0; k < n; k++) {
    const h = candidates[k]!;
    const p = compiled.patterns[buf[3 * h]!]!;
    const start = buf[3 * h + 1]!;
    const end = buf[3 * h + 2]!;
    const g = p.group;
    if (lastEnd[g.overlapSlot]! > start) continue;
    lastEnd[g.overlapSlot] = end;
    if (!g.group.marker && reported[g.ruleSlot]! >= MAX_TERMS_PER_RULE) {
      overflow.set(g.rule, (overflow.get(g.rule) ?? 0) + 1);
      continue;
    }
    // Authorisation is checked on the longest hit, so 京东云 authorised also covers its 京东.
    if (g.brandKeys.length && g.brandKeys.some((k) => opts.authorizedBrands.has(k))) continue;
    const span = applyContext(compiled, text, links, g, start, end);
    if (!span) continue;
    let severity = g.severity;
    let reason = g.reason;
    let confidence = g.confidence;
    if (g.judges.length) {
      const around = surroundings(text, compiled.filler, links, field, start, end);
      let decided: (typeof g.judges)[number] | undefined;
      for (const j of g.judges) {
        if (j.cond(around)) {
          decided = j;
          break;
        }
      }
      if (decided) {
        if (decided.verdict === 'ignore') continue;
        severity = decided.verdict;
        reason = decided.reason ?? reason;
        confidence = decided.confidence;
      }
    }
    if (g.group.marker) {
      markers.add(g.group.marker);
      continue;
    }
    const r = rawSpan(norm, span.start, span.end);
    reported[g.ruleSlot] = reported[g.ruleSlot]! + 1;
    terms.push({
      pattern: p,
      group: g,
      start: r.start,
      end: r.end,
      severity,
      ...(reason ? { reason } : {}),
      confidence,
    });
  }
  return { field, norm, links, terms, markers, overflow };
}

/** The (possibly widened) normalised span when the context lets the hit count, else null. */
function applyContext(
  compiled: CompiledRulePack,
  text: string,
  links: readonly LinkSpan[],
  g: CompiledGroup,
  start: number,
  end: number,
): { start: number; end: number } | null {
  const needBefore = g.onlyBefore || g.unlessBefore || g.widenBefore;
  const needAfter = g.onlyAfter || g.unlessAfter || g.widenAfter;
  const before = needBefore ? windowBefore(text, compiled.filler, links, start) : undefined;
  const after = needAfter ? windowAfter(text, compiled.filler, links, end) : undefined;
  if (before && g.unlessBefore?.test(before.text)) return null;
  if (after && g.unlessAfter?.test(after.text)) return null;
  let mb: RegExpExecArray | null = null;
  let ma: RegExpExecArray | null = null;
  if (g.onlyBefore || g.onlyAfter) {
    mb = before && g.onlyBefore ? g.onlyBefore.exec(before.text) : null;
    ma = after && g.onlyAfter ? g.onlyAfter.exec(after.text) : null;
    if (!mb && !ma) return null;
  }
  // Widening context never decides whether the hit counts; it only shows the words that make it one.
  if (!mb && before && g.widenBefore) mb = g.widenBefore.exec(before.text);
  if (!ma && after && g.widenAfter) ma = g.widenAfter.exec(after.text);
  if (!g.group.spanIncludesContext) return { start, end };
  let s = start;
  let e = end;
  if (mb && before && mb[0].length > 0) s = windowOffset(before, mb.index);
  if (ma && after && ma[0].length > 0) e = windowOffset(after, ma.index + ma[0].length - 1) + 1;
  return { start: s, end: e };
}
