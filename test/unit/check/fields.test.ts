import { describe, expect, it } from 'vitest';
import { checkListing } from '../../../shared/check/engine';
import { applyEdits, getFieldText, listTextFields } from '../../../shared/check/fields';
import { loadFixture, withFields } from './helpers';

describe('field paths', () => {
  const listing = loadFixture('clean-saas-crm.json');
  it('reads every path of formats.md §2', () => {
    expect(getFieldText(listing, 'title')).toBe(listing.title);
    expect(getFieldText(listing, 'cases[0].content')).toBe(listing.cases![0]!.content);
    expect(getFieldText(listing, 'images[0].url')).toBe(listing.images![0]!.url);
    expect(getFieldText(listing, 'specs[1].name')).toBe('专业版 50 用户');
    expect(getFieldText(listing, 'attributes.交付方式')).toBe('SaaS');
    expect(getFieldText(listing, 'officialSite.productPageUrl')).toBe(listing.officialSite!.productPageUrl);
    expect(getFieldText(listing, 'price')).toBeUndefined();
    expect(getFieldText(listing, 'cases[5].content')).toBeUndefined();
    expect(getFieldText(withFields({ serviceTerms: null }), 'serviceTerms')).toBe('');
  });
  it('lists every text field', () => {
    const fields = listTextFields(listing).map((f) => f.field);
    expect(fields).toContain('specs[0].attributes.用户数');
    expect(fields).toContain('images[0].alt');
  });
});

describe('applyEdits', () => {
  const listing = withFields({ description: 'abcdef' });
  it('applies edits right to left against the original offsets, without touching the input', () => {
    const out = applyEdits(listing, [
      { field: 'description', start: 0, end: 1, text: 'XX' },
      { field: 'description', start: 3, end: 3, text: '-' },
      { field: 'description', start: 4, end: 6, text: '' },
    ]);
    expect(out.description).toBe('XXbc-d');
    expect(listing.description).toBe('abcdef');
  });
  it('rejects overlapping edits and out-of-range offsets with a clear error', () => {
    expect(() =>
      applyEdits(listing, [
        { field: 'description', start: 0, end: 3, text: '' },
        { field: 'description', start: 2, end: 4, text: '' },
      ]),
    ).toThrow(/overlapping edits in "description"/);
    expect(() =>
      applyEdits(listing, [
        { field: 'description', start: 1, end: 1, text: 'a' },
        { field: 'description', start: 1, end: 1, text: 'b' },
      ]),
    ).toThrow(/overlapping/);
    expect(() => applyEdits(listing, [{ field: 'description', start: 0, end: 99, text: '' }])).toThrow(
      /outside "description"/,
    );
    expect(() => applyEdits(listing, [{ field: 'price', start: 0, end: 0, text: '1' }])).toThrow(
      /not an editable text field/,
    );
  });
  it('sets a missing field (start = end = 0)', () => {
    const noSite = withFields({ officialSite: null, delistingStrategy: null });
    const out = applyEdits(noSite, [
      { field: 'officialSite.productPageUrl', start: 0, end: 0, text: 'https://v.example.cn/p' },
      { field: 'delistingStrategy', start: 0, end: 0, text: 'x' },
    ]);
    expect(out.officialSite).toEqual({ productPageUrl: 'https://v.example.cn/p' });
    expect(out.delistingStrategy).toBe('x');
  });
  it('applying every offered fix of the violating example removes those findings', () => {
    const bad = loadFixture('violating-image.json');
    const before = checkListing(bad);
    const fixes = before.filter((f) => f.fix);
    expect(fixes.map((f) => f.ruleId)).toEqual(
      expect.arrayContaining(['superlative', 'external-link', 'delisting-strategy-missing']),
    );
    const fixed = applyEdits(
      bad,
      fixes.flatMap((f) => f.fix!.edits),
    );
    const after = checkListing(fixed).map((f) => f.ruleId);
    for (const rule of ['superlative', 'external-link', 'delisting-strategy-missing'] as const)
      expect(after).not.toContain(rule);
  });
});
