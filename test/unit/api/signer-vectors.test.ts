/**
 * The 31 JD Cloud signing vectors (test/fixtures/jdcloud3-signer-vectors.README.md), one test
 * case each. The request is built from each vector exactly as that README says.
 */
import { describe, expect, it } from 'vitest';
import { stringify } from 'node:querystring';
import vectors from '../../fixtures/jdcloud3-signer-vectors.json';
import {
  authorizationHeader,
  computeSignature,
  formatSigningDate,
  type Headers,
} from '../../../electron/services/api/signer';

interface RawVector {
  分类?: string;
  序号: string;
  测试用例: string;
  method?: string;
  regionId: string;
  serviceName: string;
  默认header: string;
  path?: string;
  query: string;
  Body?: string;
  Authorization: string;
}

const SIGNING_TIME = new Date('2019-09-17T06:47:08Z');
const JAVA_MAP_QUERY = {
  nullValue: '',
  '': 'nullKey',
  specialValue: '&&==&==&&=&=',
  '&&==&==&&=&=': 'specialKey',
};
const pct = (ch: string) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`;

function targetOf(v: RawVector, category: string): string {
  if (category === '路径') {
    const path = (v.path ?? '').replace(/[#?\\]/g, pct);
    return path.startsWith('/') ? path : `/${path}`;
  }
  let query = v.query === '空' ? '' : v.query;
  if (category === '查询参数') {
    if (query.includes('Maps.newHashMap')) query = `?${stringify(JAVA_MAP_QUERY)}`;
    query = query.replace(/[#\\]/g, pct);
  }
  return (v.path ?? '') + query;
}

const cases: Array<{ name: string; category: string; vector: RawVector }> = [];
let category = '';
for (const vector of (vectors as { 测试用例: RawVector[] }).测试用例) {
  category = vector.分类 ?? category;
  cases.push({ name: `${vector.序号} ${category}: ${vector.测试用例}`, category, vector });
}

describe('JDCLOUD3-HMAC-SHA256 vectors', () => {
  it('has all 31 vectors', () => {
    expect(cases).toHaveLength(31);
  });

  it.each(cases)('$name', ({ category: cat, vector }) => {
    const headers = JSON.parse(vector.默认header) as Headers;
    const scope = { region: vector.regionId, service: vector.serviceName };
    const datetime = formatSigningDate(SIGNING_TIME);
    const parts = computeSignature(
      { method: vector.method ?? 'GET', target: targetOf(vector, cat), headers, body: vector.Body ?? '' },
      'sk',
      scope,
      datetime,
    );
    expect(authorizationHeader('ak', scope, datetime, parts)).toBe(vector.Authorization);
  });
});
