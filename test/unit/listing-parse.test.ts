import { describe, expect, it } from 'vitest';
import { parseListingFile } from '../../shared/listing/parse';
import { lineColumnAt, parseJsonWithPosition } from '../../shared/json/parse';

describe('listing files', () => {
  it('reads one listing or a collection', () => {
    const one = {
      title: 'T',
      type: 'tool',
      price: { amount: 1.5, currency: 'CNY', billing: 'usage' },
      description: 'D',
    };
    expect(parseListingFile(JSON.stringify(one))).toMatchObject({ ok: true, listings: [one] });
    expect(parseListingFile(JSON.stringify({ listings: [one, one] }))).toMatchObject({
      ok: true,
      listings: [one, one],
    });
  });

  it('accepts a UTF-8 byte-order mark', () => {
    expect(
      parseListingFile(
        '\ufeff{"title":"T","type":"tool","price":{"amount":0,"currency":"CNY","billing":"usage"},"description":""}',
      ).ok,
    ).toBe(true);
  });

  it('names line and column of a syntax error', () => {
    const result = parseListingFile('{\n  "title": "T",\n  "type": tool\n}');
    expect(result).toMatchObject({ ok: false, problems: [{ kind: 'json', line: 3, column: 11 }] });
  });

  it('names the listing and field of a schema error', () => {
    const result = parseListingFile(JSON.stringify({ listings: [{ title: 'T' }] }));
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems.map((p) => p.path)).toEqual(
        expect.arrayContaining(['listings[0].type', 'listings[0].price', 'listings[0].description']),
      );
  });

  it('rejects listings that is not an array', () => {
    expect(parseListingFile('{"listings": {}}')).toMatchObject({
      ok: false,
      problems: [{ path: 'listings', message: '应为数组 / must be an array' }],
    });
  });

  it('computes line/column from offsets', () => {
    expect(lineColumnAt('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
    expect(parseJsonWithPosition('   ')).toMatchObject({ ok: false, problem: { message: 'empty file' } });
  });
});
