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

describe('parseListingFileInSlices', () => {
  it('gives what parseListingFile gives, pausing along the way', async () => {
    const { parseListingFile, parseListingFileInSlices } = await import('../../shared/listing/parse');
    const good = JSON.stringify({
      listings: Array.from({ length: 300 }, (_, i) => ({
        title: `商品 ${i}`,
        type: 'saas',
        price: { amount: 1, currency: 'CNY', billing: 'monthly' },
        description: 'x'.repeat(2000),
      })),
    });
    const bad = good.replace('"商品 7"', '7');
    const deep = `{"listings":[${'['.repeat(600)}${']'.repeat(600)}]}`;
    for (const text of [good, bad, deep, '{"listings": 3}', '{"title": 1}', '{ broken', '\ufeff' + good]) {
      let pauses = 0;
      const sliced = await parseListingFileInSlices(text, async () => void pauses++, 0);
      expect(sliced).toEqual(parseListingFile(text));
      if (text === good) expect(pauses).toBeGreaterThan(10);
    }
  });
});
