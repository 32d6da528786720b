/**
 * Pure logic of the listing workspace, unit-tested without a browser: applying fixes (one, or
 * every fix of a rule), grouping findings for the panel, the spans to highlight per field,
 * where a finding's field lives in the form, and the list page's filters.
 */
import { applyEdits, getFieldText } from '../../../../shared/check/fields';
import type { Finding, RuleId, Severity, TextEdit } from '../../../../shared/check/types';
import { rulesOfMask } from '../../../../shared/check/exposure';
import { combineEdits } from '../../../../shared/check/sentence-fix';
import type { ListingSummary } from '../../../../shared/ipc/contract';
import type { Listing } from '../../../../shared/listing/schema';
import type { ListingFormValues } from '../../features/listing-form/listing-form-model';
import type { EditorFinding, EditorFindings } from '../../features/text-editor/TextEditor';

export const severities: readonly Severity[] = ['blocker', 'warning', 'info'];

/** Whether a finding's edits still fit the listing (its text did not move since the check). */
export function fixApplies(listing: Listing, finding: Finding): boolean {
  if (!finding.fix || finding.fix.edits.length === 0) return false;
  if (finding.start !== undefined && finding.end !== undefined && finding.match !== undefined) {
    if (getFieldText(listing, finding.field)?.slice(finding.start, finding.end) !== finding.match)
      return false;
  }
  return finding.fix.edits.every((e) => {
    const text = getFieldText(listing, e.field);
    return text !== undefined && e.end <= text.length;
  });
}

export const editsOverlap = (a: TextEdit, b: TextEdit) =>
  a.field === b.field &&
  ((a.start < b.end && b.start < a.end) || (a.start === a.end && b.start === b.end && a.start === b.start));

/**
 * Applies the fixes of the given findings in one step. Removals that overlap one already taken
 * are merged with it (takeEdits); other overlapping fixes are left for the next check (the result
 * would depend on order otherwise).
 */
export function applyFixes(
  listing: Listing,
  findings: readonly Finding[],
): { listing: Listing; applied: number } {
  let taken: TextEdit[] = [];
  let applied = 0;
  for (const f of findings) {
    if (!fixApplies(listing, f)) continue;
    const next = takeEdits(taken, f.fix!.edits, (field) => getFieldText(listing, field));
    if (!next) continue;
    taken = next;
    applied++;
  }
  return applied === 0 ? { listing, applied } : { listing: applyEdits(listing, taken), applied };
}

/**
 * The edits taken so far with one more fix's edits, or null when the fix is left for the next
 * check. Removals that overlap or touch (国内唯一、 and 、全网最低价 share the 、) are merged and
 * tidied as one (sentence-fix.ts combineEdits); a replacement overlapping anything, or a fix
 * whose edits are all already taken, is skipped.
 */
export function takeEdits(
  taken: readonly TextEdit[],
  edits: readonly TextEdit[],
  textOf?: (field: string) => string | undefined,
): TextEdit[] | null {
  const same = (a: TextEdit, b: TextEdit) =>
    a.field === b.field && a.start === b.start && a.end === b.end && a.text === b.text;
  if (edits.every((e) => taken.some((t) => same(e, t)))) return null;
  const clash = edits.filter((e) => taken.some((t) => editsOverlap(e, t) || touching(e, t)));
  if (clash.length === 0) return [...taken, ...edits];
  if (!textOf) return edits.some((e) => taken.some((t) => editsOverlap(e, t))) ? null : [...taken, ...edits];
  const fields = new Set(clash.map((e) => e.field));
  const out = taken.filter((t) => !fields.has(t.field));
  for (const field of fields) {
    const text = textOf(field);
    if (text === undefined) return null;
    const mine = [...taken, ...edits].filter((e) => e.field === field);
    const combined = combineEdits(text, mine);
    if (!combined) return null;
    out.push(...combined.map((e) => ({ field, ...e })));
  }
  out.push(...edits.filter((e) => !fields.has(e.field)));
  return out;
}

const touching = (a: TextEdit, b: TextEdit) =>
  a.field === b.field && a.text === '' && b.text === '' && (a.end === b.start || b.end === a.start);

/**
 * Where a fix's edit lands now: the same offsets for a field the check saw as it still is, or the
 * offsets mapped through the edits an editor made since the check; null when the fix no longer fits.
 */
export type ResolveFix = (finding: Finding) => TextEdit[] | null;

/**
 * The edits that apply the given findings' fixes in one step (current offsets), skipping fixes that
 * no longer fit or that overlap an edit already taken, and how many fixes that is.
 */
export function planFixes(
  findings: readonly Finding[],
  resolve: ResolveFix,
  /** A field's current text: overlapping removals are then merged instead of skipped. */
  textOf?: (field: string) => string | undefined,
): { edits: TextEdit[]; applied: number } {
  let edits: TextEdit[] = [];
  let applied = 0;
  for (const f of findings) {
    if (!f.fix || f.fix.edits.length === 0) continue;
    const mapped = resolve(f);
    const next = mapped && takeEdits(edits, mapped, textOf);
    if (!next) continue;
    edits = next;
    applied++;
  }
  return { edits, applied };
}

/** The resolver for fields without an editor: the fix fits if its span's text is still there. */
export function resolveInListing(draft: Listing, checked: Listing | null): ResolveFix {
  const fresh = checked === draft;
  return (f) => (fixApplies(draft, f) && (fresh || f.start !== undefined) ? f.fix!.edits : null);
}

/**
 * One field's findings as its editor shows them: offsets into the checked text of that field,
 * the message in the UI language; a field without findings gets an empty list (its old marks go).
 */
export function editorFindingsOfField(
  findings: readonly Finding[],
  checked: Listing,
  field: string,
  locale: string,
): EditorFindings {
  const items: EditorFinding[] = [];
  findings.forEach((f, index) => {
    if (f.field !== field || f.start === undefined || f.end === undefined || f.end <= f.start) return;
    items.push({
      from: f.start,
      to: f.end,
      severity: f.severity,
      message: locale === 'en' ? (f.messageEn ?? f.message) : f.message,
      index,
      ...(f.fix && f.fix.edits.length ? { fixLabel: locale === 'en' ? f.fix.labelEn : f.fix.label } : {}),
    });
  });
  return { forText: getFieldText(checked, field) ?? '', items };
}

/** The fixable findings of one rule (what "fix all of a kind" applies). */
export function fixableOfRule(findings: readonly Finding[], ruleId: RuleId): Finding[] {
  return findings.filter((f) => f.ruleId === ruleId && f.fix && f.fix.edits.length > 0);
}

export interface FindingGroup {
  severity: Severity;
  rules: { ruleId: RuleId; findings: { finding: Finding; index: number }[] }[];
  count: number;
}

/** Severity first, then rule, keeping each finding's index in the flat (engine) order. */
export function groupFindings(findings: readonly Finding[]): FindingGroup[] {
  const groups: FindingGroup[] = [];
  for (const severity of severities) {
    const byRule = new Map<RuleId, { finding: Finding; index: number }[]>();
    findings.forEach((finding, index) => {
      if (finding.severity !== severity) return;
      const list = byRule.get(finding.ruleId) ?? [];
      list.push({ finding, index });
      byRule.set(finding.ruleId, list);
    });
    const rules = [...byRule].map(([ruleId, list]) => ({ ruleId, findings: list }));
    const count = rules.reduce((n, r) => n + r.findings.length, 0);
    if (count > 0) groups.push({ severity, rules, count });
  }
  return groups;
}

export interface Highlight {
  start: number;
  end: number;
  severity: Severity;
  /** Index of the finding in the flat list (for the current-finding outline). */
  index: number;
}

/** One field's highlight spans, sorted and without overlaps (the first finding wins). */
export function highlightsOfField(findings: readonly Finding[], field: string): Highlight[] {
  const list: Highlight[] = [];
  findings.forEach((f, index) => {
    if (f.field !== field || f.start === undefined || f.end === undefined || f.end <= f.start) return;
    list.push({ start: f.start, end: f.end, severity: f.severity, index });
  });
  list.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Highlight[] = [];
  for (const h of list) if (kept.length === 0 || h.start >= kept[kept.length - 1]!.end) kept.push(h);
  return kept;
}

/** Splits a text into plain and highlighted segments for the backdrop behind a textarea. */
export function segments(
  text: string,
  highlights: readonly Highlight[],
): { text: string; highlight?: Highlight }[] {
  const out: { text: string; highlight?: Highlight }[] = [];
  let at = 0;
  for (const h of highlights) {
    if (h.start >= text.length) break;
    if (h.start > at) out.push({ text: text.slice(at, h.start) });
    out.push({ text: text.slice(h.start, Math.min(h.end, text.length)), highlight: h });
    at = Math.min(h.end, text.length);
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}

/** F8 / Shift+F8: the next or previous finding, wrapping around. */
export function stepFinding(current: number, count: number, direction: 1 | -1): number {
  if (count === 0) return -1;
  if (current < 0 || current >= count) return direction === 1 ? 0 : count - 1;
  return (current + direction + count) % count;
}

/** The form's element id for a finding's field (antd: `${formName}_${namePath.join('_')}`). */
export function formElementId(
  formName: string,
  field: string,
  values: Pick<ListingFormValues, 'attributes' | 'specs'>,
): string | null {
  const id = (...path: (string | number)[]) => [formName, ...path].join('_');
  const simple: Record<string, string> = {
    title: 'title',
    summary: 'summary',
    description: 'description',
    serviceTerms: 'serviceTerms',
    delistingStrategy: 'delistingStrategy',
    'officialSite.productPageUrl': 'productPageUrl',
    runsOnJdCloud: 'runsOnJdCloud',
    price: 'priceAmount',
  };
  if (simple[field]) return id(simple[field]);
  let m = /^(cases|images)\[(\d+)\]\.(\w+)$/.exec(field);
  if (m) return id(m[1]!, Number(m[2]), m[3]!);
  m = /^specs\[(\d+)\]\.name$/.exec(field);
  if (m) return id('specs', Number(m[1]), 'name');
  m = /^specs\[(\d+)\]\.attributes\.(.+)$/s.exec(field);
  if (m) {
    const i = Number(m[1]);
    const k = (values.specs?.[i]?.attributes ?? []).findIndex((p) => p.key === m![2]);
    return k < 0 ? null : id('specs', i, 'attributes', k, 'value');
  }
  m = /^attributes\.(.+)$/s.exec(field);
  if (m) {
    const k = (values.attributes ?? []).findIndex((p) => p.key === m![1]);
    return k < 0 ? null : id('attributes', k, 'value');
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// The listings page

export type CheckState = 'ready' | 'blocked' | 'unchecked';

export interface ListFilter {
  query: string;
  state?: CheckState;
  rule?: RuleId;
  severity?: Severity;
}

export function checkStateOf(row: ListingSummary): CheckState {
  if (!row.check) return 'unchecked';
  return row.check.counts.blockers > 0 ? 'blocked' : 'ready';
}

const severityCount = (row: ListingSummary, severity: Severity) =>
  severity === 'blocker'
    ? row.check!.counts.blockers
    : severity === 'warning'
      ? row.check!.counts.warnings
      : row.check!.counts.infos;

export function filterSummaries(rows: readonly ListingSummary[], filter: ListFilter): ListingSummary[] {
  const q = filter.query.trim().toLowerCase();
  return rows.filter((row) => {
    if (q && !row.title.toLowerCase().includes(q) && !(row.listingId ?? '').toLowerCase().includes(q))
      return false;
    if (filter.state && checkStateOf(row) !== filter.state) return false;
    if (filter.rule && !(row.check && rulesOfMask(row.check.ruleMask).includes(filter.rule))) return false;
    if (filter.severity && !(row.check && severityCount(row, filter.severity) > 0)) return false;
    return true;
  });
}

/** A sortable number for the exposure column: expulsion and whole-deposit rows rank highest. */
export function exposureRank(row: ListingSummary): number {
  const e = row.check?.exposure;
  if (!e) return -1;
  return (e.expel ? 1_000_000 : 0) + (e.depositAll ? 100_000 : 0) + e.points;
}
