import { describe, expect, it } from 'vitest';
import { checkListing } from '../../../shared/check/engine';
import { loadFixture, ofRule } from './helpers';

describe('the shared examples', () => {
  it('clean-saas-crm: no blocker, no warning; only the offline "not verified" info', () => {
    const findings = checkListing(loadFixture('clean-saas-crm.json'));
    expect(findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'official-site-missing',
      severity: 'info',
      field: 'officialSite.productPageUrl',
      penalty: null,
    });
  });

  describe('violating-image', () => {
    const listing = loadFixture('violating-image.json');
    const findings = checkListing(listing);
    const blockers = findings.filter((f) => f.severity === 'blocker');
    const matches = (rule: Parameters<typeof ofRule>[1]) => ofRule(blockers, rule).map((f) => f.match);

    it('superlatives 全网最优, 唯一, 100% (提升)', () => {
      expect(matches('superlative')).toEqual(['全网最优', '唯一', '100%']);
      const pct = ofRule(blockers, 'superlative').find((f) => f.match === '100%')!;
      expect(listing.description.slice(pct.end!)).toMatch(/^ 提升/);
    });
    it('brand misuse: 京东云官方推荐 is an endorsement claim', () => {
      expect(ofRule(blockers, 'brand-misuse')).toMatchObject([
        {
          field: 'title',
          match: '京东云',
          penalty: { points: 12, freezeDays: 15, depositDeduction: 5000 },
          penaltyCode: 'brand-misuse',
        },
      ]);
    });
    it('external link www.fastlnmp.example.com/plugins', () => {
      expect(matches('external-link')).toEqual(['www.fastlnmp.example.com/plugins']);
    });
    it('off-platform trade: 访问…购买 and 加微信, with the 清退 exposure', () => {
      const m = matches('off-platform-trade');
      expect(m).toHaveLength(2);
      expect(m[0]).toMatch(/^访问.*购买$/);
      expect(m[1]).toBe('加微信');
      expect(ofRule(blockers, 'off-platform-trade')[0]!.penalty).toEqual({
        points: 24,
        freezeDays: 'expel',
        depositDeduction: 'all',
      });
    });
    it('independent account system and privacy harvesting', () => {
      expect(matches('independent-account-system')).toEqual(['重新注册']);
      expect(matches('privacy-harvesting')).toEqual(['身份证正反面']);
    });
    it('missing official site and service terms are whole-field blockers', () => {
      for (const rule of ['official-site-missing', 'service-terms-missing'] as const) {
        const [f] = ofRule(blockers, rule);
        expect(f).toBeDefined();
        expect(f!.start).toBeUndefined();
      }
      expect(ofRule(blockers, 'official-site-missing')[0]!.penalty).toEqual({
        points: 6,
        freezeDays: 0,
        depositDeduction: 0,
      });
    });
    it('one-sentence delisting strategy: a warning naming both missing parts, with a fix', () => {
      const [f] = ofRule(findings, 'delisting-strategy-missing');
      expect(f!.severity).toBe('warning');
      expect(f!.message).toContain('继续使用');
      expect(f!.message).toContain('导出');
      expect(f!.fix!.edits[0]).toMatchObject({
        field: 'delistingStrategy',
        start: listing.delistingStrategy!.length,
      });
    });
  });
});
