/**
 * Property tests: spans always slice back to their match in the raw field, and the noise the
 * normaliser removes or folds (zero-width characters, full-width forms, spaces inside a term)
 * never shifts a span off the raw text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkListing, defaultCompiledPack } from '../../../shared/check/engine';
import { getFieldText } from '../../../shared/check/fields';
import { normalise, rawSpan } from '../../../shared/check/normalize';
import { withFields } from './helpers';

const pieces = [
  '唯一',
  '最优',
  '第一步',
  '全局唯一 ID',
  '京东云',
  '部署于京东云云主机',
  '加微信',
  'www.vendor.com/buy',
  ' 购买',
  '100%',
  ' 提升',
  '最大连接数 1000',
  '上传身份证',
  '重新注册',
  'https://docs.jdcloud.com/x',
  '，',
  '。',
  'a',
  'CRM',
  '\n',
  '😀',
  '<p>',
  '</p>',
];
const noise = ['\u200b', '\u200d', '\ufeff', ' ', '\u3000', '-'];

const toFullWidth = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

describe('spans', () => {
  it('every finding with a span slices back to its match in the raw field', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...pieces), { maxLength: 30 }),
        fc.array(fc.constantFrom(...pieces), { maxLength: 6 }),
        (desc, title) => {
          const listing = withFields({ description: desc.join(''), title: title.join('') || 'x' });
          for (const f of checkListing(listing)) {
            if (f.start === undefined) continue;
            const text = getFieldText(listing, f.field);
            expect(text).toBeDefined();
            expect(text!.slice(f.start, f.end)).toBe(f.match);
            expect(f.start).toBeLessThan(f.end!);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('inserted zero-width characters, full-width forms and spaces do not move spans off the raw text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...pieces), fc.constantFrom('', ...noise), fc.boolean()), {
          maxLength: 20,
        }),
        (parts) => {
          const clean = parts.map(([p]) => p).join('');
          const noisy = parts.map(([p, n, wide]) => (wide ? toFullWidth(p) : p).split('').join(n)).join('');
          const cleanRules = checkListing(withFields({ description: clean }))
            .filter((f) => f.field === 'description' && f.ruleId !== 'inconsistent-elements')
            .map((f) => f.ruleId)
            .sort();
          const noisyFindings = checkListing(withFields({ description: noisy })).filter(
            (f) => f.field === 'description' && f.ruleId !== 'inconsistent-elements',
          );
          for (const f of noisyFindings) {
            expect(noisy.slice(f.start, f.end)).toBe(f.match);
            // A span never starts or ends on removed noise.
            const zeroWidth = ['\u200b', '\u200d', '\ufeff'];
            expect(zeroWidth.includes(f.match![0]!)).toBe(false);
            expect(zeroWidth.includes(f.match!.at(-1)!)).toBe(false);
          }
          // Zero-width and full-width noise alone never hides a term finding.
          if (parts.every(([, n]) => n === '' || n === '\u200b' || n === '\u200d' || n === '\ufeff')) {
            const noisyRules = noisyFindings.map((f) => f.ruleId).sort();
            expect(noisyRules).toEqual(cleanRules);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('normalisation offset map', () => {
  it('long texts (decoded in one go) fold like short ones, and a lone surrogate stays as it is', () => {
    const { fold } = defaultCompiledPack();
    const piece = '最<b>优</b>ＷＷＷ．x\u200b優 ';
    for (const raw of [piece.repeat(60), `${piece.repeat(60)}\ud800${piece}`]) {
      const n = normalise(raw, fold, true);
      const byPiece = Array.from({ length: raw.length }, (_, i) => i)
        .filter((i) => n.map.includes(i))
        .map((i) => String.fromCharCode(fold[raw.charCodeAt(i)]!))
        .join('');
      expect(n.text.replaceAll('\n', '')).toBe(byPiece.replaceAll('\n', ''));
      expect(n.text.includes('\ud800')).toBe(raw.includes('\ud800'));
    }
  });

  it('maps every normalised code unit to a raw code unit that folds to it', () => {
    const { fold } = defaultCompiledPack();
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom('a', 'Ｗ', '\u200b', '最', '優', ' ', '．', '😀', 'Z', '\ufeff'),
          maxLength: 60,
        }),
        (raw) => {
          const n = normalise(raw, fold);
          expect(n.map[n.text.length]).toBe(raw.length);
          for (let i = 0; i < n.text.length; i++) {
            expect(fold[raw.charCodeAt(n.map[i]!)]).toBe(n.text.charCodeAt(i));
            if (i > 0) expect(n.map[i]!).toBeGreaterThan(n.map[i - 1]!);
          }
          const span = rawSpan(n, 0, n.text.length);
          expect(span.start).toBeGreaterThanOrEqual(0);
          expect(span.end).toBeLessThanOrEqual(raw.length);
        },
      ),
    );
  });
});
