/** A finding's field path in the user's words (issue 17: no "delistingStrategy" on a Chinese screen). */
import { describe, expect, it } from 'vitest';
import { fieldLabel } from '../../shared/listing/field-label';

describe('fieldLabel', () => {
  it('names top-level fields as the form labels them, without the hint in brackets', () => {
    expect(fieldLabel('title', 'zh-CN')).toBe('商品标题');
    expect(fieldLabel('description', 'zh-CN')).toBe('详情');
    expect(fieldLabel('delistingStrategy', 'zh-CN')).toBe('下架策略');
    expect(fieldLabel('officialSite.productPageUrl', 'zh-CN')).toBe('官网商品页地址');
    expect(fieldLabel('delistingStrategy', 'en')).toBe('Delisting strategy');
  });
  it('numbers list items from 1 and keeps an attribute’s own name', () => {
    expect(fieldLabel('specs.1.name', 'zh-CN')).toBe('规格 2 · 规格名称');
    expect(fieldLabel('cases.0.content', 'zh-CN')).toBe('案例 1 · 案例内容');
    expect(fieldLabel('attributes.部署地域', 'zh-CN')).toBe('商品属性 · 部署地域');
    expect(fieldLabel('specs.0.attributes.用户数', 'zh-CN')).toBe('规格 1 · 商品属性 · 用户数');
  });
  it('leaves a path it does not know as it is', () => {
    expect(fieldLabel('somethingNew', 'zh-CN')).toBe('somethingNew');
  });
});
