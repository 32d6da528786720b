import { describe, expect, it } from 'vitest';
import {
  checkPolicyPack,
  compareVersions,
  getPolicyPack,
  policyIds,
  policyPackSet,
  validatePolicyPack,
} from '../../../shared/policy/packs';
import marketplace from '../../../resources/policies/jdcloud-marketplace-2019.json';

describe('policy packs', () => {
  it.each(policyIds)('%s validates', (id) => {
    expect(getPolicyPack(id).id).toBe(id);
  });

  it('carries the §3–5 numbers as settings', () => {
    const pack = getPolicyPack('jdcloud-marketplace-2019');
    expect(pack.calendar?.serviceHours).toEqual({ start: '09:00', end: '18:00' });
    expect(pack.sla?.limits.consultation).toMatchObject({ seconds: 30, clock: 'service' });
    expect(pack.sla?.limits.complaint).toMatchObject({ seconds: 1800, clock: 'wall' });
    expect(pack.sla?.limits['after-sales-email']).toMatchObject({ seconds: 9 * 3600, clock: 'service' });
    expect(pack.deposit).toMatchObject({
      topUpWorkdays: 3,
      deductionWindowMonths: 12,
      maxDeductionsInWindow: 2,
      extraDepositYuan: 10000,
    });
    expect(pack.points.model).toBe('annual');
  });

  it('has the 23 codes of 附件一 with zh-CN and English text', () => {
    const pack = getPolicyPack();
    if (pack.points.model !== 'annual') throw new Error('expected annual');
    const codes = pack.points.codes;
    expect(Object.keys(codes)).toHaveLength(23);
    expect(codes['bribery']).toMatchObject({ points: 24, freeze: 'expel', deduction: 'all' });
    expect(codes['brand-misuse']).toMatchObject({ points: 12, freeze: 15, deduction: 5000 });
    expect(codes['ip-infringement']).toMatchObject({ points: 12, freeze: 15, deduction: 0 });
    for (const entry of Object.values(codes)) {
      expect(entry.text['zh-CN']).not.toBe('');
      expect(entry.text.en).not.toBe('');
    }
  });

  it('rejects a broken pack with field paths', () => {
    const broken = structuredClone(marketplace) as Record<string, unknown> & {
      sla: { limits: { complaint: { clock: string } }; lateTicketCodes: Record<string, string> };
    };
    broken.sla.limits.complaint.clock = 'sundial';
    expect(() => validatePolicyPack(broken, 'broken.json')).toThrow(
      /broken\.json:\n {2}sla\.limits\.complaint\.clock: 应为 "service" 或 "wall" \/ must be "service" or "wall"/,
    );
    const unknownCode = structuredClone(marketplace) as typeof broken;
    unknownCode.sla.lateTicketCodes['complaint'] = 'no-such-code';
    expect(() => validatePolicyPack(unknownCode, 'x.json')).toThrow(
      /sla\.lateTicketCodes\.complaint: 未知的扣分代码 "no-such-code" \/ unknown penalty code "no-such-code"/,
    );
    expect(() => getPolicyPack('nope')).toThrow(/unknown policy "nope"/);
  });

  it('words a missing or mistyped field in both languages, with its path', () => {
    const noVersion = { ...structuredClone(marketplace), version: undefined };
    const checked = checkPolicyPack({
      ...noVersion,
      deposit: { ...marketplace.deposit, topUpWorkdays: 'three' },
    });
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.problems).toEqual(
      expect.arrayContaining([
        { path: 'version', message: '需要版本号 / a version is required' },
        { path: 'deposit.topUpWorkdays', message: '应为数字 / must be a number' },
      ]),
    );
    const noSource = checkPolicyPack({ ...structuredClone(marketplace), source: undefined });
    expect(noSource.ok ? [] : noSource.problems).toEqual([
      { path: 'source', message: '缺少此字段（应为 string） / missing (expected string)' },
    ]);
  });
});

describe('the set of packs in use', () => {
  const bundled = getPolicyPack('jdcloud-marketplace-2019');

  it('compares versions by number', () => {
    expect(compareVersions('1.10.0', '1.9.0')).toBe(1);
    expect(compareVersions('1.0.0', '1.0.0')).toBe(0);
    expect(compareVersions('0.9.9', '1.0.0')).toBe(-1);
  });

  it('a loaded pack supersedes the bundled one of its id only when newer', () => {
    const newer = { ...bundled, version: '1.0.1' };
    const set = policyPackSet([newer]);
    expect(set.get(bundled.id)).toBe(newer);
    expect(set.origin(bundled.id)).toBe('file');
    expect(set.ids).toEqual(policyIds);
    const older = policyPackSet([{ ...bundled, version: '0.9.0' }]);
    expect(older.get(bundled.id)).toBe(bundled);
    expect(older.origin(bundled.id)).toBe('bundled');
  });

  it('a loaded pack with a new id joins after the bundled ones', () => {
    const set = policyPackSet([{ ...bundled, id: 'another-market' }]);
    expect(set.ids).toEqual([...policyIds, 'another-market']);
    expect(set.origin('another-market')).toBe('file');
    expect(set.get('nope')).toBeUndefined();
  });
});
