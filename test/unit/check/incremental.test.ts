/**
 * recheckListing: after an edit in a long field it scans only a window around the edit, and the
 * spliced result equals a full check of the new listing.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkListing, defaultCompiledPack } from '../../../shared/check/engine';
import { changedRange, recheckListing, REGION_MIN_LENGTH } from '../../../shared/check/incremental';
import type { Listing } from '../../../shared/listing/schema';

const violating = JSON.parse(
  fs.readFileSync(path.resolve(import.meta.dirname, '../../fixtures/listings/violating-image.json'), 'utf8'),
) as Listing;
const compiled = defaultCompiledPack();
// ~100 KB of HTML, one paragraph per line, with findings throughout.
const paragraph = violating.description.replaceAll('\n', ' ');
const long = Array.from(
  { length: Math.ceil(100_000 / paragraph.length) },
  (_, i) => `${paragraph}<!-- ${i} -->`,
).join('\n');
const base: Listing = { ...violating, description: long };

const edit = (text: string, at: number, remove: number, insert: string) =>
  text.slice(0, at) + insert + text.slice(Math.min(text.length, at + remove));

describe('recheckListing', () => {
  it('finds the changed range by common prefix and suffix', () => {
    expect(changedRange('abcdef', 'abXYef')).toEqual({ start: 2, endBefore: 4, endAfter: 4 });
    expect(changedRange('aaa', 'aaaa')).toEqual({ start: 3, endBefore: 3, endAfter: 4 });
  });

  it('re-checks only a window and matches a full check, edit after edit', () => {
    const inserts = [
      '唯一',
      '加微信 abc123',
      'www.example.com ',
      '全网最优',
      '售价 12345 元',
      '',
      '一',
      '\n',
      '<p>',
    ];
    let previous = { listing: base, context: {}, findings: checkListing(base, compiled) };
    expect(previous.findings.filter((f) => f.field === 'description').length).toBeGreaterThan(1000);
    fc.assert(
      fc.property(
        fc.nat({ max: long.length }),
        fc.nat({ max: 40 }),
        fc.constantFrom(...inserts),
        (at, remove, insert) => {
          const listing = {
            ...previous.listing,
            description: edit(previous.listing.description, at, remove, insert),
          };
          const result = recheckListing(previous, listing, compiled, {});
          expect(result.full).toBe(false);
          expect(result.regions).toHaveLength(listing.description === previous.listing.description ? 0 : 1);
          for (const r of result.regions) expect(r.end - r.start).toBeLessThan(8_000);
          expect(result.findings).toEqual(checkListing(listing, compiled, {}));
          previous = { listing, context: {}, findings: result.findings };
        },
      ),
      { numRuns: 60 },
    );
    // 60 full checks of a 100 KB description to compare with: correctness, not speed, so a loaded
    // CI machine gets room.
  }, 120_000);

  it('checks whole-listing rules on the whole listing (a changed title, terms and site) and re-uses an unchanged long field', () => {
    const previous = { listing: base, context: {}, findings: checkListing(base, compiled) };
    const listing: Listing = {
      ...base,
      title: `${base.title} 唯一`,
      serviceTerms: null,
      delistingStrategy: '',
    };
    const result = recheckListing(previous, listing, compiled, {});
    expect(result.full).toBe(false);
    expect(result.regions).toEqual([]);
    expect(result.findings).toEqual(checkListing(listing, compiled, {}));
  });

  it('checks in full without a previous result, for another context or for short fields', () => {
    expect(recheckListing(null, base, compiled, {}).full).toBe(true);
    const previous = { listing: base, context: {}, findings: checkListing(base, compiled) };
    expect(recheckListing(previous, base, compiled, { allowedDomains: ['example.com'] }).full).toBe(true);
    const short = { ...violating, description: violating.description.slice(0, REGION_MIN_LENGTH - 1) };
    expect(recheckListing({ ...previous, listing: short }, short, compiled, {}).full).toBe(true);
  });
});
