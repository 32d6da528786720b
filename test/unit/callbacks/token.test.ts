import { describe, expect, it } from 'vitest';
import { callbackToken, md5Hex } from '../../../electron/services/callbacks/tester';
import { encodeQuery, parseQuery, tokenBase } from '../../../shared/callbacks/token';

// spec/jdcloud-delivery-callbacks.md, "Published test vector (verified)".
const VECTOR_KEY = 'qweqeqeqe123123123131';
const VECTOR_QUERY =
  'accountNum=1&action=createInstance&email=bujiaban%40jd.com&expiredOn=2018-06-30+23%3A59%3A59&jdPin=bujiaban&mobile=&orderBizId=444181&orderId=556596&serviceCode=FW_GOODS-500232&skuId=FW_GOODS-500232-1&template=';
const VECTOR_TOKEN = '9512df22a941f172a9f28068b758ee3e';

describe('delivery-callback token', () => {
  it('reproduces the published vector', () => {
    expect(callbackToken(parseQuery(VECTOR_QUERY), VECTOR_KEY)).toBe(VECTOR_TOKEN);
  });

  it('signs decoded values, sorted by name, with the key appended', () => {
    expect(tokenBase(parseQuery(VECTOR_QUERY), VECTOR_KEY)).toBe(
      'accountNum=1&action=createInstance&email=bujiaban@jd.com&expiredOn=2018-06-30 23:59:59&jdPin=bujiaban&mobile=&orderBizId=444181&orderId=556596&serviceCode=FW_GOODS-500232&skuId=FW_GOODS-500232-1&template=&key=qweqeqeqe123123123131',
    );
  });

  it('does not depend on parameter order and ignores a token parameter', () => {
    const params = parseQuery(VECTOR_QUERY);
    const shuffled = [...params].reverse();
    expect(callbackToken([...shuffled, ['token', 'whatever']], VECTOR_KEY)).toBe(VECTOR_TOKEN);
  });

  it('changes with the key and with any value', () => {
    const params = parseQuery(VECTOR_QUERY);
    expect(callbackToken(params, `${VECTOR_KEY}x`)).not.toBe(VECTOR_TOKEN);
    const changed = params.map(([n, v]): [string, string] => [n, n === 'orderBizId' ? '444182' : v]);
    expect(callbackToken(changed, VECTOR_KEY)).not.toBe(VECTOR_TOKEN);
  });

  it('hashes UTF-8 bytes (a Chinese value)', () => {
    // Expected values from Python: hashlib.md5('name=中&key=k'.encode('utf-8')).hexdigest();
    // the GBK bytes would give another digest (md5 of '中' in GBK is 5301da37…).
    expect(callbackToken([['name', '中']], 'k')).toBe('17e3c99b274b48f29e852651ad9bbd67');
    expect(md5Hex('中')).toBe('aed1dfbc31703955e64806b799b67645');
  });

  it('round-trips values through encodeQuery and parseQuery', () => {
    const params: Array<[string, string]> = [
      ['extraInfo', '{"a":"b & c=d"}'],
      ['email', 'a+b@x.com'],
      ['mobile', ''],
    ];
    expect(parseQuery(encodeQuery(params))).toEqual(params);
  });
});
