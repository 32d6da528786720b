/**
 * The workspace's pure logic and store: fix planning (one, all of a kind, stale offsets),
 * grouping, highlight spans, F8 stepping, form element ids, list filters and exposure totals.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { checkListing } from '../../../shared/check/engine';
import { applyEdits } from '../../../shared/check/fields';
import type { Finding } from '../../../shared/check/types';
import { exposureOf, maskOfRules, rulesOfMask } from '../../../shared/check/exposure';
import type { ListingSummary } from '../../../shared/ipc/contract';
import type { Listing } from '../../../shared/listing/schema';

vi.mock('../../../renderer/src/api', () => ({ call: vi.fn() }));
const { useListings } = await import('../../../renderer/src/stores/listings-store');
const model = await import('../../../renderer/src/pages/listings/workspace-model');

const read = (name: string) =>
  JSON.parse(
    fs.readFileSync(path.resolve(import.meta.dirname, '../../fixtures/listings', name), 'utf8'),
  ) as Listing;
const violating = read('violating-image.json');
const clean = read('clean-saas-crm.json');

function openWith(listing: Listing) {
  useListings.setState({
    editor: {
      record: null,
      draft: listing,
      findings: [],
      findingsFor: null,
      checkMs: null,
      findingsTyped: false,
      verification: null,
      history: [],
      selected: -1,
    },
  });
  const findings = checkListing(listing);
  useListings.getState().setFindings(listing, findings, 1);
  return findings;
}
const editor = () => useListings.getState().editor!;

beforeEach(() => useListings.setState({ editor: null }));

describe('fix planning and the store', () => {
  const plan = (findings: Finding[], draft: Listing) =>
    model.planFixes(findings, model.resolveInListing(draft, editor().findingsFor));

  it('plans one fix as edits that remove the span', () => {
    const findings = openWith(violating);
    const superlative = findings.find((f) => f.ruleId === 'superlative' && f.match === '100%')!;
    const { edits, applied } = plan([superlative], violating);
    expect(applied).toBe(1);
    expect(applyEdits(violating, edits).description).not.toContain('100%');
  });

  it('plans every fix of a rule in one step', () => {
    const findings = openWith(violating);
    const { edits, applied } = plan(model.fixableOfRule(findings, 'superlative'), violating);
    expect(applied).toBe(3);
    expect(checkListing(applyEdits(violating, edits)).filter((f) => f.ruleId === 'superlative')).toEqual([]);
  });

  it('refuses a fix whose span moved after the check (typing in between), accepts it once re-checked', () => {
    const findings = openWith(violating);
    const unique = findings.find((f) => f.match === '唯一')!;
    const typed = { ...violating, description: `新增文字${violating.description}` };
    useListings.getState().setDraft(typed);
    expect(plan([unique], typed).applied).toBe(0);
    // A result computed for an older draft of the session is kept (editors map it); plain fields
    // still refuse its moved spans.
    useListings.getState().setFindings(violating, findings, 1);
    expect(editor().findingsFor).toBe(violating);
    expect(plan([unique], typed).applied).toBe(0);
    const fresh = checkListing(typed);
    useListings.getState().setFindings(typed, fresh, 1);
    const { edits, applied } = plan([fresh.find((f) => f.match === '唯一')!], typed);
    expect(applied).toBe(1);
    // 国内唯一 goes whole: the scope word qualified only the ranking (sentence-fix.ts).
    expect(applyEdits(typed, edits).description.startsWith('新增文字<p>支持')).toBe(true);
  });

  it('skips a fix whose mapped edits overlap one already planned', () => {
    const findings = openWith(violating);
    const f = findings.find((x) => x.fix && x.start !== undefined)!;
    expect(model.planFixes([f, f], () => f.fix!.edits).applied).toBe(1);
    expect(model.planFixes([f], () => null).applied).toBe(0);
  });
});

describe('applyFixes', () => {
  const f = (start: number, end: number, text = ''): Finding => ({
    ruleId: 'superlative',
    severity: 'blocker',
    field: 'title',
    start,
    end,
    match: clean.title.slice(start, end),
    message: '',
    clause: '',
    penalty: null,
    suggestion: '',
    fix: { label: '', labelEn: '', edits: [{ field: 'title', start, end, text }] },
  });

  it('skips a replacement that overlaps an edit already taken', () => {
    const { listing, applied } = model.applyFixes(clean, [f(0, 3, 'A'), f(2, 5), f(6, 8)]);
    expect(applied).toBe(2);
    expect(listing.title).toBe('A' + clean.title.slice(3, 6) + clean.title.slice(8));
    expect(clean.title).toBe('云客通 CRM 客户关系管理系统（SaaS 标准版）'); // input untouched
  });

  it('merges overlapping removals into one', () => {
    const { listing, applied } = model.applyFixes(clean, [f(0, 3), f(2, 5), f(6, 8)]);
    expect(applied).toBe(3);
    expect(listing.title).toBe(clean.title.slice(5, 6) + clean.title.slice(8));
  });

  it('fix all of a kind: two list items sharing their 、 both go, and the sentence reads right', () => {
    const listing = { ...clean, description: '<p>本产品国内唯一、全网最低价，欢迎选购。</p>' };
    const findings = model.fixableOfRule(checkListing(listing), 'superlative');
    expect(findings.map((x) => x.match)).toEqual(['唯一', '全网最低价']);
    // Each alone is well formed, and the two share the 、 (the fixes overlap).
    const one = (x: Finding) => applyEdits(listing, x.fix!.edits).description;
    expect(one(findings[0]!)).toBe('<p>本产品全网最低价，欢迎选购。</p>');
    expect(one(findings[1]!)).toBe('<p>本产品国内唯一，欢迎选购。</p>');
    const { listing: fixed, applied } = model.applyFixes(listing, findings);
    expect(applied).toBe(2);
    expect(fixed.description).toBe('<p>本产品，欢迎选购。</p>');
    const planned = model.planFixes(findings, () => null);
    expect(planned.applied).toBe(0);
    const both = model.planFixes(
      findings,
      (x) => x.fix!.edits,
      (field) => (field === 'description' ? listing.description : undefined),
    );
    expect(applyEdits(listing, both.edits).description).toBe('<p>本产品，欢迎选购。</p>');
  });
});

describe('exposure totals', () => {
  it('counts each 附件一 row once, adds rows up, keeps expel/all, ignores info', () => {
    const findings = checkListing(violating);
    const e = exposureOf(findings);
    expect(e.expel).toBe(true);
    expect(e.depositAll).toBe(true);
    // broken-promise 6 + brand-misuse 12 + offline-trade 24 + independent-account-system 12 + security-harm 24 + official-site 6
    expect(e.rows).toEqual([
      'brand-misuse',
      'broken-promise',
      'independent-account-system',
      'official-site-missing',
      'offline-trade',
      'security-harm',
    ]);
    expect(e.points).toBe(6 + 12 + 24 + 12 + 24 + 6);
    expect(e.freezeDays).toBe(15 + 15); // brand-misuse 15 + independent-account-system 15; the expel rows are "expel"
    expect(e.depositYuan).toBe(5000 + 5000);
    const one = (
      code: string,
      points: number,
      freezeDays: number,
      deposit: number,
      severity: Finding['severity'] = 'blocker',
    ) =>
      ({
        ruleId: 'superlative',
        severity,
        penaltyCode: code,
        penalty: { points, freezeDays, depositDeduction: deposit },
      }) as const;
    expect(
      exposureOf([one('a', 6, 0, 0), one('a', 6, 0, 0), one('b', 6, 7, 3000), one('c', 12, 15, 0, 'info')]),
    ).toEqual({
      points: 12,
      freezeDays: 7,
      depositYuan: 3000,
      expel: false,
      depositAll: false,
      rows: ['a', 'b'],
    });
    // 24 points are expulsion even without an expel row (第二十条 4).
    expect(exposureOf([one('a', 12, 0, 0), one('b', 12, 0, 0)]).expel).toBe(true);
    expect(exposureOf(checkListing(clean)).points).toBe(0);
  });
});

describe('panel and editor helpers', () => {
  const findings = checkListing(violating);
  it('groups by severity, then rule, keeping flat indexes', () => {
    const groups = model.groupFindings(findings);
    expect(groups.map((g) => g.severity)).toEqual(['blocker', 'warning']);
    const flat = groups
      .flatMap((g) => g.rules.flatMap((r) => r.findings.map((x) => x.index)))
      .sort((a, b) => a - b);
    expect(flat).toEqual(findings.map((_, i) => i));
    expect(groups[0]!.rules.find((r) => r.ruleId === 'superlative')!.findings).toHaveLength(3);
  });

  it('builds non-overlapping highlight segments that cover the text exactly', () => {
    const hl = model.highlightsOfField(findings, 'description');
    const segs = model.segments(violating.description, hl);
    expect(segs.map((s) => s.text).join('')).toBe(violating.description);
    expect(segs.filter((s) => s.highlight).map((s) => s.text)).toContain('唯一');
    for (let i = 1; i < hl.length; i++) expect(hl[i]!.start).toBeGreaterThanOrEqual(hl[i - 1]!.end);
  });

  it('steps through findings with wrap-around', () => {
    expect(model.stepFinding(-1, 3, 1)).toBe(0);
    expect(model.stepFinding(-1, 3, -1)).toBe(2);
    expect(model.stepFinding(2, 3, 1)).toBe(0);
    expect(model.stepFinding(0, 3, -1)).toBe(2);
    expect(model.stepFinding(0, 0, 1)).toBe(-1);
  });

  it('maps finding fields to form element ids', () => {
    const values = {
      attributes: [
        { key: '操作系统', value: 'x' },
        { key: 'a.b', value: 'y' },
      ],
      specs: [{ name: 's', price: 1, attributes: [{ key: '用户数', value: '10' }] }],
    };
    expect(model.formElementId('listing', 'description', values)).toBe('listing_description');
    expect(model.formElementId('listing', 'officialSite.productPageUrl', values)).toBe(
      'listing_productPageUrl',
    );
    expect(model.formElementId('listing', 'cases[2].content', values)).toBe('listing_cases_2_content');
    expect(model.formElementId('listing', 'attributes.a.b', values)).toBe('listing_attributes_1_value');
    expect(model.formElementId('listing', 'specs[0].attributes.用户数', values)).toBe(
      'listing_specs_0_attributes_0_value',
    );
    expect(model.formElementId('listing', 'attributes.missing', values)).toBeNull();
  });
});

describe('list filters', () => {
  const row = (
    title: string,
    blockers: number | null,
    rules: Finding['ruleId'][] = [],
    warnings = 0,
  ): ListingSummary => ({
    localId: title,
    revision: 1,
    status: 'draft',
    updatedAt: '2026-01-01T00:00:00Z',
    title,
    type: 'application',
    priceAmount: 1,
    billing: 'monthly',
    check:
      blockers === null
        ? null
        : {
            checkedAt: '2026-01-01T00:00:00Z',
            counts: { blockers, warnings, infos: 0 },
            exposure: {
              points: blockers * 6,
              freezeDays: 0,
              depositYuan: 0,
              expel: false,
              depositAll: false,
            },
            ruleMask: maskOfRules(rules),
          },
  });
  const rows = [
    row('甲 ready', 0, [], 1),
    row('乙 blocked', 2, ['superlative', 'malware']),
    row('丙 never', null),
  ];
  it('filters by text, state, rule and severity', () => {
    const titles = (f: Parameters<typeof model.filterSummaries>[1]) =>
      model.filterSummaries(rows, f).map((r) => r.title);
    expect(titles({ query: '乙' })).toEqual(['乙 blocked']);
    expect(titles({ query: '', state: 'ready' })).toEqual(['甲 ready']);
    expect(titles({ query: '', state: 'unchecked' })).toEqual(['丙 never']);
    expect(titles({ query: '', rule: 'malware' })).toEqual(['乙 blocked']);
    expect(titles({ query: '', severity: 'warning' })).toEqual(['甲 ready']);
    expect(titles({ query: '', severity: 'blocker' })).toEqual(['乙 blocked']);
  });
  it('round-trips rule masks', () => {
    expect(rulesOfMask(maskOfRules(['competitor-guidance', 'superlative']))).toEqual([
      'superlative',
      'competitor-guidance',
    ]);
  });
});
