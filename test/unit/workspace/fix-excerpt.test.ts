/** The before/after excerpt a fix shows under its finding (renderer/src/features/fix-preview). */
import { describe, expect, it } from 'vitest';
import { checkListing } from '../../../shared/check/engine';
import { fixExcerpt } from '../../../renderer/src/features/fix-preview/fix-excerpt';
import type { Listing } from '../../../shared/listing/schema';
import fs from 'node:fs';
import path from 'node:path';

const clean = JSON.parse(
  fs.readFileSync(path.resolve(import.meta.dirname, '../../fixtures/listings/clean-saas-crm.json'), 'utf8'),
) as Listing;
const plain = (parts: { text: string }[]) => parts.map((p) => p.text).join('');

describe('fixExcerpt', () => {
  it('shows the sentence around a widened fix: the removed part marked, the result as it will read', () => {
    const description = `${'前文。'.repeat(20)}本产品国内唯一、全网最低价，欢迎选购。\n下一行`;
    const listing = { ...clean, description };
    const f = checkListing(listing).find((x) => x.match === '唯一')!;
    const x = fixExcerpt(description, f.fix!.edits)!;
    expect(x.before.filter((p) => p.kind === 'removed').map((p) => p.text)).toEqual(['国内唯一、']);
    expect(plain(x.before)).toContain('本产品国内唯一、全网最低价，欢迎选购。');
    expect(plain(x.after)).toContain('本产品全网最低价，欢迎选购。');
    // Clipped before (…), but stops at the line break after.
    expect(x.clippedStart).toBe(true);
    expect(plain(x.after)).not.toContain('下一行');
  });

  it('marks inserted text, shortens long parts, and refuses edits that do not fit', () => {
    const x = fixExcerpt('按规则处理。', [{ field: 'd', start: 6, end: 6, text: '甲'.repeat(200) }])!;
    expect(x.after.find((p) => p.kind === 'inserted')!.text.length).toBeLessThan(70);
    expect(x.before.some((p) => p.kind === 'removed')).toBe(false);
    expect(fixExcerpt('短', [{ field: 'd', start: 0, end: 5, text: '' }])).toBeNull();
    expect(fixExcerpt(undefined, [{ field: 'd', start: 0, end: 0, text: 'x' }])).toBeNull();
  });
});
