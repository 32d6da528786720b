import { describe, expect, it } from 'vitest';
import { checkListing } from '../../../shared/check/engine';
import {
  compileRulePack,
  defaultRulePack,
  parseRulePack,
  RulePackError,
} from '../../../shared/check/rulepack';
import { ruleIds } from '../../../shared/check/types';
import { withFields } from './helpers';

const clone = () => structuredClone(defaultRulePack) as Record<string, unknown> & typeof defaultRulePack;

describe('rule pack', () => {
  it('the default pack configures all 14 rule ids with the clauses of formats.md §2', () => {
    expect(Object.keys(defaultRulePack.rules).sort()).toEqual([...ruleIds].sort());
    expect(defaultRulePack.rules.superlative.clause).toBe('第十条(八)5');
    expect(defaultRulePack.rules['competitor-guidance'].clause).toBe('第十四条(三)');
  });
  it('every penalty refers to a 附件一 row, and every null penalty says why', () => {
    for (const [id, rule] of Object.entries(defaultRulePack.rules)) {
      if (rule.penalty === null) expect(rule.penaltyNote, id).toBeTruthy();
      else expect(defaultRulePack.penaltyTable[rule.penalty]!.row, id).toMatch(/^附件一/);
    }
    expect(defaultRulePack.penaltyTable['security-harm']).toMatchObject({
      points: 24,
      freezeDays: 'expel',
      depositDeduction: 'all',
    });
  });
  it('errors name the JSON path', () => {
    const bad = clone();
    (bad.rules.superlative as { severity: string }).severity = 'fatal';
    bad.termGroups[0]!.unlessAfter = '(unclosed';
    try {
      parseRulePack(bad);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(RulePackError);
      const paths = (error as RulePackError).problems.map((p) => p.path);
      expect(paths).toEqual(
        expect.arrayContaining(['rules.superlative.severity', 'termGroups[0].unlessAfter']),
      );
    }
    // The link readings' regexes are validated too, not left to fail when the pack compiles.
    const badLinks = clone();
    badLinks.links.versionBefore = '(unclosed';
    badLinks.links.exampleCue = '[';
    try {
      parseRulePack(badLinks);
      expect.unreachable();
    } catch (error) {
      const paths = (error as RulePackError).problems.map((p) => p.path);
      expect(paths).toEqual(expect.arrayContaining(['links.versionBefore', 'links.exampleCue']));
    }
    // Cross-references are checked once the shape is right.
    const unknownRow = clone();
    unknownRow.termGroups[1]!.penalty = 'no-such-row';
    expect(() => parseRulePack(unknownRow)).toThrow(
      /termGroups\[1\]\.penalty: unknown penalty code "no-such-row"/,
    );
  });
  it('a new word is a data change: a pack loaded at run time finds it', () => {
    const pack = clone();
    pack.termGroups.push({ id: 'extra', rule: 'superlative', terms: ['天下无敌'] });
    const compiled = compileRulePack(parseRulePack(pack));
    const found = checkListing(withFields({ description: '性能天下无敌' }), compiled).filter(
      (f) => f.ruleId === 'superlative',
    );
    expect(found.map((f) => f.match)).toEqual(['天下无敌']);
    expect(
      checkListing(withFields({ description: '性能天下无敌' })).filter((f) => f.ruleId === 'superlative'),
    ).toEqual([]);
  });
});

describe('rule pack lifecycle data', () => {
  it('the pack carries a changelog whose newest entry is its version', () => {
    expect(defaultRulePack.changelog?.[0]?.version).toBe(defaultRulePack.version);
    expect(defaultRulePack.changelog![0]!.changes.length).toBeGreaterThan(0);
  });
  it('judge clauses and lexicon are validated: unknown classes, bad regex fragments, missing reasons name the JSON path', () => {
    const bad = structuredClone(defaultRulePack) as typeof defaultRulePack;
    bad.termGroups[0]!.judge = [
      { if: { next: '@nope' }, verdict: 'blocker', reason: { zh: 'x', en: 'x' } },
      { if: { prev: ['re:(unclosed'] }, verdict: 'ignore' },
      { if: { always: true }, verdict: 'warning' },
    ];
    try {
      parseRulePack(bad);
      expect.unreachable();
    } catch (error) {
      const problems = (error as RulePackError).problems.map((p) => `${p.path}: ${p.message}`);
      expect(problems).toEqual(
        expect.arrayContaining([
          'termGroups[0].judge[0].if: unknown word class "@nope"',
          expect.stringMatching(/^termGroups\[0\]\.judge\[1\]\.if: .*(regular expression|Invalid)/),
          'termGroups[0].judge[2].reason: a clause that reports needs a reason',
        ]),
      );
    }
  });
});
