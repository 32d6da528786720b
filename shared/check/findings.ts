/** Building findings from the pack's texts, and the order findings are reported in. */
import { listingFields } from '../listing/schema';
import type { CompiledRulePack } from './rulepack';
import type { Finding, Fix, RuleId, Severity } from './types';

// Templates parsed once: [text, name, text, name, …, text].
const parsedTemplates = new Map<string, string[]>();

export function fill(template: string, vars: Record<string, string>): string {
  if (!template.includes('{')) return template;
  let parts = parsedTemplates.get(template);
  if (!parts) {
    parts = template.split(/\{(\w+)\}/);
    if (parsedTemplates.size < 4096) parsedTemplates.set(template, parts);
  }
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]!;
    out += (vars[name] ?? `{${name}}`) + parts[i + 1]!;
  }
  return out;
}

export interface FindingInput {
  rule: RuleId;
  field: string;
  severity?: Severity;
  span?: { start: number; end: number; match: string };
  vars?: Record<string, string>;
  /** Overrides the rule's message (a term group's own, or a detail text). */
  message?: { zh: string; en: string };
  penaltyCode?: string | null;
  fix?: Fix;
  /** Why the hit counts, in the rule's words ({match} filled in). */
  reason?: { zh: string; en: string };
  confidence?: number;
}

export function makeFinding(compiled: CompiledRulePack, input: FindingInput): Finding {
  const rule = compiled.pack.rules[input.rule];
  const vars = { match: input.span?.match ?? '', ...input.vars };
  const message = input.message ?? rule.message;
  const penaltyCode = input.penaltyCode === undefined ? rule.penalty : input.penaltyCode;
  const finding: Finding = {
    ruleId: input.rule,
    severity: input.severity ?? rule.severity,
    field: input.field,
    ...(input.span ? { start: input.span.start, end: input.span.end, match: input.span.match } : {}),
    message: fill(message.zh, vars),
    clause: rule.clause,
    penalty: compiled.penaltyOf(penaltyCode),
    suggestion: fill(rule.suggestion.zh, vars),
    messageEn: fill(message.en, vars),
    suggestionEn: fill(rule.suggestion.en, vars),
  };
  if (penaltyCode) finding.penaltyCode = penaltyCode;
  const reason = input.reason ?? rule.reason;
  if (reason) {
    finding.reason = fill(reason.zh, vars);
    finding.reasonEn = fill(reason.en, vars);
  }
  finding.confidence =
    input.confidence ?? (finding.severity === 'blocker' ? 0.9 : finding.severity === 'warning' ? 0.6 : 0.5);
  if (input.fix) finding.fix = input.fix;
  return finding;
}

// Findings read top to bottom like the listing: its fields in the order of formats.md §1.
const fieldOrder: readonly string[] = listingFields;

function fieldKey(field: string): [number, number, string] {
  const m = /^([A-Za-z]+)(?:\[(\d+)\])?(.*)$/s.exec(field);
  const head = m?.[1] ?? field;
  const rank = fieldOrder.indexOf(head);
  return [rank < 0 ? fieldOrder.length : rank, m?.[2] === undefined ? -1 : Number(m[2]), m?.[3] ?? ''];
}

const cmp = (x: string | number, y: string | number) => (x < y ? -1 : x > y ? 1 : 0);

/**
 * Sorts findings by field (listing order), then start (whole-field findings first), then end and
 * rule id. Each field's sort key is computed once, not per comparison (the editor re-sorts on
 * every keystroke).
 */
export function sortFindings(findings: Finding[]): Finding[] {
  const keys = new Map<string, [number, number, string]>();
  for (const f of findings) if (!keys.has(f.field)) keys.set(f.field, fieldKey(f.field));
  return findings.sort((a, b) => {
    const ka = keys.get(a.field)!;
    const kb = keys.get(b.field)!;
    return (
      ka[0] - kb[0] ||
      ka[1] - kb[1] ||
      cmp(ka[2], kb[2]) ||
      (a.start ?? -1) - (b.start ?? -1) ||
      (a.end ?? -1) - (b.end ?? -1) ||
      cmp(a.ruleId, b.ruleId)
    );
  });
}
