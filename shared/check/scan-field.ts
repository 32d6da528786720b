/**
 * Everything found in one text field: its links and the term hits that survive the pack's
 * context rules. One normalisation pass, one regex pass for links, one automaton pass for terms.
 */
import { scan } from './automaton';
import { windowAfter, windowBefore } from './context';
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
  terms: TermMatch[];
  /** Marker groups (e.g. delisting aspects) that occur in this field. */
  markers: Set<string>;
  /** Per rule, candidates left unjudged once MAX_TERMS_PER_RULE findings were reported in this field. */
  overflow: Map<string, number>;
}

/**
 * At most this many term findings per rule and field: a pasted 5 M character field can hold a
 * million hits, and nobody reads a million findings (the rest are counted, not judged).
 */
export const MAX_TERMS_PER_RULE = 10_000;

const isAsciiAlnum = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a);

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

export function scanField(
  compiled: CompiledRulePack,
  field: string,
  raw: string,
  opts: { extraAllowed: readonly string[]; authorizedBrands: ReadonlySet<string> },
): FieldScan {
  const norm = normalise(raw, compiled.fold, compiled.pack.normalization.markup);
  const text = norm.text;
  const links = findLinks(norm, compiled, opts.extraAllowed);
  const hits = scan(compiled.automaton, text);

  // Candidates: in scope, whole words for ASCII terms, not inside a link (a link is reported as a
  // link; jdcloud in docs.jdcloud.com is not brand misuse).
  type Candidate = { p: CompiledPattern; start: number; end: number };
  const candidates: Candidate[] = [];
  for (const h of hits) {
    const p = compiled.patterns[h.pattern]!;
    if (!appliesTo(p.group, field)) continue;
    if (p.asciiStart && h.start > 0 && isAsciiAlnum(text.charCodeAt(h.start - 1))) continue;
    if (p.asciiEnd && h.end < text.length && isAsciiAlnum(text.charCodeAt(h.end))) continue;
    if (links.length && overlapsLink(links, h.start, h.end)) continue;
    candidates.push({ p, start: h.start, end: h.end });
  }

  // Per rule (and per marker), the longest of overlapping hits decides, before context: if
  // 京东云云主机 is a plain description, the 京东 inside 京东云 must not be reported either.
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const lastEnd = new Map<string, number>();
  const terms: TermMatch[] = [];
  const markers = new Set<string>();
  const reported = new Map<string, number>();
  const overflow = new Map<string, number>();
  for (const c of candidates) {
    const g = c.p.group;
    const key = g.group.marker ? `marker:${g.group.marker}` : g.rule;
    if ((lastEnd.get(key) ?? -1) > c.start) continue;
    lastEnd.set(key, c.end);
    if (!g.group.marker && (reported.get(g.rule) ?? 0) >= MAX_TERMS_PER_RULE) {
      overflow.set(g.rule, (overflow.get(g.rule) ?? 0) + 1);
      continue;
    }
    // Authorisation is checked on the longest hit, so 京东云 authorised also covers its 京东.
    if (g.brandKeys.some((k) => opts.authorizedBrands.has(k))) continue;
    const span = applyContext(compiled, text, links, g, c.start, c.end);
    if (!span) continue;
    let severity = g.severity;
    let reason = g.reason;
    let confidence = g.confidence;
    if (g.judges.length) {
      const around = surroundings(text, compiled.filler, links, field, c.start, c.end);
      const decided = g.judges.find((j) => j.cond(around));
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
    reported.set(g.rule, (reported.get(g.rule) ?? 0) + 1);
    terms.push({
      pattern: c.p,
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
  if (mb && before && mb[0].length > 0) s = before.offsets[mb.index]!;
  if (ma && after && ma[0].length > 0) e = after.offsets[ma.index + ma[0].length - 1]! + 1;
  return { start: s, end: e };
}
