/**
 * Re-checking a listing after an edit without scanning its long texts again: the rule engine's
 * reach around a hit is bounded (a term, its context window of WINDOW normalised characters each
 * side, a link, a price and the few characters before it), so after an edit in a long field only
 * a window around the edit is scanned, and its findings are spliced between the previous findings
 * before and after it (those after shifted by the length change). Everything else — the other
 * fields and the whole-listing rules (official site, delisting, terms, consistency) — is checked
 * through `checkListing` as always, on the listing with the long fields cut down to their windows.
 *
 * Only fields that no whole-field rule reads are re-checked by region (REGION_FIELDS); a rule that
 * reads one of them as a whole must take it out of that list. Callers run a full check once typing
 * pauses, so a finding whose context reached further than REGION_MARGIN is corrected then.
 */
import type { Listing } from '../listing/schema';
import { checkListing, defaultCompiledPack } from './engine';
import { applyEdits, getFieldText, listTextFields } from './fields';
import { sortFindings } from './findings';
import type { CompiledRulePack } from './rulepack';
import type { CheckContext, Finding } from './types';

/** Fields whose findings are all local to their span (term, link and price rules). */
export const REGION_FIELDS = /^(description|summary|cases\[\d+\]\.content)$/;
/** Shorter fields are simply checked whole (cheaper than the bookkeeping). */
export const REGION_MIN_LENGTH = 4096;
/** Characters scanned on each side of an edit; findings within REGION_EDGE of the window's ends come from the previous result. */
export const REGION_MARGIN = 1024;
export const REGION_EDGE = 512;

export interface CheckedListing {
  listing: Listing;
  context: CheckContext;
  findings: Finding[];
}

export interface Recheck {
  findings: Finding[];
  /** The windows scanned per field (raw offsets into the new text); empty for a full check. */
  regions: { field: string; start: number; end: number }[];
  full: boolean;
  /**
   * The findings of `findings` that are findings of the previous result moved by the length
   * change of an edit before them (start, end and their fix's edits in that field shifted, nothing
   * else changed), each with the previous finding it was made from.
   */
  moved: Map<Finding, Finding>;
}

const sameContext = (a: CheckContext, b: CheckContext) => a === b || JSON.stringify(a) === JSON.stringify(b);

/** The changed range: common prefix and suffix of two texts. */
export function changedRange(
  before: string,
  after: string,
): { start: number; endBefore: number; endAfter: number } {
  const max = Math.min(before.length, after.length);
  let p = 0;
  while (p < max && before.charCodeAt(p) === after.charCodeAt(p)) p++;
  let s = 0;
  while (s < max - p && before.charCodeAt(before.length - 1 - s) === after.charCodeAt(after.length - 1 - s))
    s++;
  return { start: p, endBefore: before.length - s, endAfter: after.length - s };
}

/** [start, end) of text around [from, to), widened by `margin` and then to whole lines nearby. */
function windowAround(
  text: string,
  from: number,
  to: number,
  margin: number,
): { start: number; end: number } {
  let start = Math.max(0, from - margin);
  let end = Math.min(text.length, to + margin);
  const lineStart = start === 0 ? 0 : text.lastIndexOf('\n', start - 1) + 1;
  if (start - lineStart <= margin) start = lineStart;
  const lineEnd = text.indexOf('\n', end);
  if (lineEnd >= 0 && lineEnd - end <= margin) end = lineEnd;
  else if (lineEnd < 0 && text.length - end <= margin) end = text.length;
  return { start, end };
}

function shifted(f: Finding, field: string, by: number): Finding {
  if (by === 0) return f;
  const out: Finding = { ...f, start: f.start! + by, end: f.end! + by };
  if (f.fix)
    out.fix = {
      ...f.fix,
      edits: f.fix.edits.map((e) => (e.field === field ? { ...e, start: e.start + by, end: e.end + by } : e)),
    };
  return out;
}

/**
 * The findings of `listing`, re-using `previous` (the last check of an earlier version of it)
 * for the unchanged parts of its long fields. Same result as checkListing for edits whose effect
 * stays within REGION_MARGIN characters; falls back to a full check when there is nothing to re-use.
 */
export function recheckListing(
  previous: CheckedListing | null,
  listing: Listing,
  compiled: CompiledRulePack = defaultCompiledPack(),
  context: CheckContext = {},
): Recheck {
  const full = (): Recheck => ({
    findings: checkListing(listing, compiled, context),
    regions: [],
    full: true,
    moved: new Map(),
  });
  if (!previous || !sameContext(previous.context, context)) return full();

  // Long region fields in both versions: re-used (unchanged) or re-checked around the edit.
  const probeEdits: { field: string; start: number; end: number; text: string }[] = [];
  const plans = new Map<
    string,
    { windowStart: number; cut1: number; cut2: number; delta: number; unchanged: boolean }
  >();
  for (const { field, text } of listTextFields(listing)) {
    if (!REGION_FIELDS.test(field) || text.length < REGION_MIN_LENGTH) continue;
    const before = getFieldText(previous.listing, field);
    if (before === undefined || before.length < REGION_MIN_LENGTH) continue;
    if (before === text) {
      plans.set(field, { windowStart: 0, cut1: 0, cut2: 0, delta: 0, unchanged: true });
      probeEdits.push({ field, start: 0, end: text.length, text: '' });
      continue;
    }
    const range = changedRange(before, text);
    const w = windowAround(text, range.start, range.endAfter, REGION_MARGIN);
    plans.set(field, {
      windowStart: w.start,
      cut1: w.start === 0 ? 0 : w.start + REGION_EDGE,
      cut2: w.end === text.length ? text.length : w.end - REGION_EDGE,
      delta: text.length - before.length,
      unchanged: false,
    });
    probeEdits.push({ field, start: 0, end: text.length, text: text.slice(w.start, w.end) });
  }
  if (plans.size === 0) return full();

  const probe = applyEdits(listing, probeEdits);
  const out: Finding[] = [];
  const moved = new Map<Finding, Finding>();
  for (const f of checkListing(probe, compiled, context)) {
    const plan = plans.get(f.field);
    if (!plan) {
      out.push(f);
      continue;
    }
    if (plan.unchanged || f.start === undefined) continue;
    const moved = shifted(f, f.field, plan.windowStart);
    if (moved.start! >= plan.cut1 && moved.start! < plan.cut2) out.push(moved);
  }
  for (const f of previous.findings) {
    const plan = plans.get(f.field);
    if (!plan) continue;
    if (plan.unchanged || f.start === undefined) {
      // Unchanged field: all its findings; a changed one keeps its whole-field findings.
      out.push(f);
      continue;
    }
    if (f.start < plan.cut1) out.push(f);
    else if (f.start + plan.delta >= plan.cut2) {
      const m = shifted(f, f.field, plan.delta);
      if (m !== f) moved.set(m, f);
      out.push(m);
    }
  }
  return {
    findings: sortFindings(out),
    regions: [...plans]
      .filter(([, p]) => !p.unchanged)
      .map(([field, p]) => {
        const e = probeEdits.find((x) => x.field === field)!;
        return { field, start: p.windowStart, end: p.windowStart + e.text.length };
      }),
    full: false,
    moved,
  };
}
