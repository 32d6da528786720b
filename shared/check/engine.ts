/**
 * checkListing: the listing self-check. Pure and synchronous so it can run in the renderer on
 * every (debounced) keystroke, in main, and in the CLI. Build the compiled pack once
 * (compileRulePack) and pass it to every call.
 */
import type { Listing } from '../listing/schema';
import { listTextFields } from './fields';
import { fieldRules } from './field-rules';
import { fill, makeFinding, sortFindings } from './findings';
import { compactKey, compileRulePack, defaultRulePack, type CompiledRulePack } from './rulepack';
import { rawSpan } from './normalize';
import { MAX_TERMS_PER_RULE, scanField, type FieldScan } from './scan-field';
import { wellFormedEdits } from './sentence-fix';
import type { CheckContext, Finding, RuleId } from './types';

let defaultCompiled: CompiledRulePack | undefined;
/** The default pack, compiled on first use. */
export function defaultCompiledPack(): CompiledRulePack {
  defaultCompiled ??= compileRulePack(defaultRulePack);
  return defaultCompiled;
}

// The official site URL is meant to be outside JD Cloud; it is checked by its own rule.
const LINK_EXEMPT_FIELDS = new Set(['officialSite.productPageUrl']);

function termFindings(compiled: CompiledRulePack, scan: FieldScan): Finding[] {
  const out: Finding[] = [];
  const raw = scan.norm.raw;
  if (!LINK_EXEMPT_FIELDS.has(scan.field)) {
    const rule = compiled.pack.rules['external-link'];
    for (const link of scan.links) {
      // A support e-mail address is a contact channel, not a site (issue 15); if it is used to
      // sell outside the marketplace, off-platform-trade reports that.
      if (link.allowed || link.email) continue;
      const { start, end } = rawSpan(scan.norm, link.start, link.end);
      const match = raw.slice(start, end);
      const label = rule.fixLabel ?? { zh: '删除链接', en: 'Remove the link' };
      out.push(
        makeFinding(compiled, {
          rule: 'external-link',
          field: scan.field,
          span: { start, end, match },
          fix: {
            label: fill(label.zh, { match }),
            labelEn: fill(label.en, { match }),
            edits: wellFormedEdits(raw, { start, end, text: '' }, { kind: 'link', fold: compiled.fold }).map(
              (e) => ({ field: scan.field, ...e }),
            ),
          },
        }),
      );
    }
  }
  for (const t of scan.terms) {
    const g = t.group.group;
    const match = raw.slice(t.start, t.end);
    const replacement = g.replacements?.[t.pattern.term] ?? g.replaceWith;
    const label = compiled.pack.rules[t.group.rule].fixLabel;
    out.push(
      makeFinding(compiled, {
        rule: t.group.rule,
        field: scan.field,
        severity: t.severity,
        ...(t.reason ? { reason: t.reason } : {}),
        confidence: t.confidence,
        span: { start: t.start, end: t.end, match },
        penaltyCode: t.group.penaltyCode,
        ...(g.message ? { message: g.message } : {}),
        ...(replacement !== undefined
          ? {
              fix: {
                label:
                  replacement === ''
                    ? fill(label?.zh ?? '删除「{match}」', { match })
                    : `将「${match}」改为「${replacement}」`,
                labelEn:
                  replacement === ''
                    ? fill(label?.en ?? 'Remove "{match}"', { match })
                    : `Replace "${match}" with "${replacement}"`,
                edits: wellFormedEdits(
                  raw,
                  { start: t.start, end: t.end, text: replacement },
                  { kind: 'term', term: t.pattern.term, fold: compiled.fold },
                ).map((e) => ({ field: scan.field, ...e })),
              },
            }
          : {}),
      }),
    );
  }
  for (const [rule, count] of scan.overflow) {
    out.push(
      makeFinding(compiled, {
        rule: rule as RuleId,
        field: scan.field,
        severity: 'info',
        penaltyCode: null,
        message: {
          zh: `该字段中此规则的问题过多，仅列出前 ${MAX_TERMS_PER_RULE} 处，另有 ${count} 处候选未逐条检查`,
          en: `Too many findings of this rule in this field: the first ${MAX_TERMS_PER_RULE} are listed, ${count} more candidates were not examined`,
        },
      }),
    );
  }
  return out;
}

export function checkListing(
  listing: Listing,
  compiled: CompiledRulePack = defaultCompiledPack(),
  context: CheckContext = {},
): Finding[] {
  const authorizedBrands = new Set(
    (listing.vendor?.authorizedBrands ?? []).map((b) => compactKey(compiled, b)),
  );
  const opts = { extraAllowed: context.allowedDomains ?? [], authorizedBrands };
  const scans = new Map<string, FieldScan>();
  const findings: Finding[] = [];
  for (const { field, text } of listTextFields(listing)) {
    const scan = scanField(compiled, field, text, opts);
    scans.set(field, scan);
    // No spread: a field with 100,000+ hits would pass them all as arguments and overflow the stack.
    for (const f of termFindings(compiled, scan)) findings.push(f);
  }
  for (const rule of fieldRules) for (const f of rule(listing, compiled, scans, context)) findings.push(f);
  return sortFindings(findings);
}

export { compileRulePack, defaultRulePack, parseRulePack } from './rulepack';
