import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WINDOW, windowAfter, windowBefore, windowOffset, type Window } from '../../../shared/check/context';
import type { LinkSpan } from '../../../shared/check/links';
import { LINK_PLACEHOLDER } from '../../../shared/check/rulepack';

const filler = new Uint8Array(0x10000);
filler[0x20] = 1;

// The obvious per-character definition the fast windows must agree with.
function naive(text: string, links: LinkSpan[], from: number, dir: -1 | 1) {
  const chars: string[] = [];
  const offsets: number[] = [];
  for (let i = dir < 0 ? from - 1 : from; i >= 0 && i < text.length && chars.length < WINDOW; i += dir) {
    const link = links.find((l) => l.start <= i && i < l.end);
    if (link) {
      if (!link.allowed) {
        chars.push(LINK_PLACEHOLDER);
        offsets.push(dir < 0 ? link.start : link.end - 1);
      }
      i = dir < 0 ? link.start : link.end - 1;
      continue;
    }
    if (text[i] === ' ') continue;
    chars.push(text[i]!);
    offsets.push(i);
  }
  return dir < 0
    ? { text: chars.reverse().join(''), offsets: offsets.reverse() }
    : { text: chars.join(''), offsets };
}

// The window's text and the offset of every character, however the window stores them.
const spelledOut = (w: Window) => ({
  text: w.text,
  offsets: Array.from({ length: w.text.length }, (_, k) => windowOffset(w, k)),
});

describe('context windows', () => {
  it('agree with the per-character definition for any text and links', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'b', ' ', '买'), minLength: 1, maxLength: 80 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 8 }), fc.boolean()), { maxLength: 6 }),
        fc.nat(),
        (text, rawLinks, at) => {
          const links: LinkSpan[] = [];
          let cursor = 0;
          for (const [gap, len, allowed] of rawLinks) {
            const start = cursor + (gap % 10);
            if (start + len > text.length) break;
            links.push({ start, end: start + len, host: 'x', allowed });
            cursor = start + len;
          }
          const pos = at % (text.length + 1);
          expect(spelledOut(windowBefore(text, filler, links, pos))).toEqual(naive(text, links, pos, -1));
          expect(spelledOut(windowAfter(text, filler, links, pos))).toEqual(naive(text, links, pos, 1));
        },
      ),
      { numRuns: 500 },
    );
  });
});
