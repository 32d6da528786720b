/**
 * One normalisation pass per field. Matching runs on the normalised text; findings are reported
 * on the raw text, so the pass also records, for every normalised code unit, the raw offset it
 * came from. The fold is code unit → code unit (or removed), which keeps the map a plain array.
 */

import { OPENCC_T2S_PAIRS } from './t2s-table';

/** Code unit → normalised code unit; 0 means "drop" (zero-width characters). */
export type FoldTable = Uint16Array;

const ZERO_WIDTH = [0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x00ad, 0x180e];

/**
 * Builds the fold: full-width forms to ASCII (ｗｗｗ．→ www.), ideographic space to space, ASCII
 * case to lower, zero-width characters dropped, and the pack's traditional → simplified pairs
 * (only characters that occur in listed terms need to be there).
 */
export function buildFoldTable(
  traditionalToSimplified: string,
  options: { opencc?: boolean; confusables?: string } = {},
): FoldTable {
  const table = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) table[c] = c;
  for (let c = 0xff01; c <= 0xff5e; c++) table[c] = c - 0xfee0;
  table[0x3000] = 0x20;
  for (const c of ZERO_WIDTH) table[c] = 0;
  const applyPairs = (s: string) => {
    const pairs = [...s];
    for (let i = 0; i + 1 < pairs.length; i += 2) {
      const from = pairs[i]!.charCodeAt(0);
      const to = pairs[i + 1]!.charCodeAt(0);
      if (pairs[i]!.length === 1 && pairs[i + 1]!.length === 1) table[from] = to;
    }
  };
  // OpenCC first, the pack's own pairs override it (帳 → 账 rather than 帐), then look-alikes
  // (Cyrillic о → o, ① → 1, Ⅰ → 1, 壹 → 一 …), which may map onto characters folded above.
  if (options.opencc) applyPairs(OPENCC_T2S_PAIRS);
  applyPairs(traditionalToSimplified);
  if (options.confusables) {
    const pairs = [...options.confusables];
    for (let i = 0; i + 1 < pairs.length; i += 2) {
      if (pairs[i]!.length !== 1 || pairs[i + 1]!.length !== 1) continue;
      // The canonical side is itself folded (a look-alike of a full-width form ends up ASCII).
      table[pairs[i]!.charCodeAt(0)] = table[pairs[i + 1]!.charCodeAt(0)]!;
    }
  }
  // Lower-case last so that full-width capitals (Ｗ) end up lower-case too.
  for (let c = 0; c < 0x10000; c++) {
    const v = table[c]!;
    if (v >= 0x41 && v <= 0x5a) table[c] = v + 0x20;
  }
  return table;
}

export interface NormalisedText {
  raw: string;
  text: string;
  /** map[i] = raw offset of normalised code unit i; map[text.length] = raw.length. */
  map: Int32Array;
}

const CHUNK = 8192;

// A tag; one with a link in it (href=, src=) stays, since the link is what a reader sees.
const TAG = /<\/?([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*>/g;
const BLOCK_TAGS = new Set([
  'p',
  'div',
  'li',
  'ul',
  'ol',
  'br',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'tr',
  'td',
  'th',
  'table',
  'tbody',
  'thead',
  'section',
  'article',
  'header',
  'footer',
  'hr',
  'blockquote',
  'pre',
  'dl',
  'dt',
  'dd',
  'figure',
  'figcaption',
  'img',
]);
const HAS_LINK = /\b(?:href|src|srcset|action|data-src)\s*=/i;

/**
 * Markup spans to read as nothing (inline tags: 最<b>优</b> is 最优) or as a line break (block
 * tags), sorted; [start, end, kind] with kind 0 = drop, 1 = line break.
 */
function markupSpans(raw: string): Int32Array | null {
  if (raw.indexOf('<') < 0) return null;
  const out: number[] = [];
  TAG.lastIndex = 0;
  for (let m = TAG.exec(raw); m !== null; m = TAG.exec(raw)) {
    if (HAS_LINK.test(m[0])) continue;
    out.push(m.index, m.index + m[0].length, BLOCK_TAGS.has(m[1]!.toLowerCase()) ? 1 : 0);
  }
  return out.length ? Int32Array.from(out) : null;
}

export function normalise(raw: string, fold: FoldTable, markup = false): NormalisedText {
  const n = raw.length;
  const units = new Uint16Array(n);
  const map = new Int32Array(n + 1);
  const spans = markup ? markupSpans(raw) : null;
  let nextSpan = 0;
  let j = 0;
  for (let i = 0; i < n; i++) {
    if (spans !== null && nextSpan < spans.length && i === spans[nextSpan]) {
      if (spans[nextSpan + 2] === 1) {
        units[j] = 0x0a;
        map[j] = i;
        j++;
      }
      i = spans[nextSpan + 1]! - 1;
      nextSpan += 3;
      continue;
    }
    const v = fold[raw.charCodeAt(i)]!;
    if (v === 0) continue;
    units[j] = v;
    map[j] = i;
    j++;
  }
  map[j] = n;
  let text = '';
  for (let k = 0; k < j; k += CHUNK) {
    text += String.fromCharCode.apply(null, units.subarray(k, Math.min(j, k + CHUNK)) as unknown as number[]);
  }
  return { raw, text, map: j === n ? map : map.slice(0, j + 1) };
}

/** Normalises a short string with no offset bookkeeping (terms, domains, brand names). */
export function normaliseString(s: string, fold: FoldTable): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const v = fold[s.charCodeAt(i)]!;
    if (v !== 0) out += String.fromCharCode(v);
  }
  return out;
}

/** Raw span of the normalised span [start, end). */
export function rawSpan(n: NormalisedText, start: number, end: number): { start: number; end: number } {
  const rawStart = n.map[start]!;
  // The end is just past the raw code unit of the last normalised one, so dropped characters
  // that follow the match are not pulled into it.
  const rawEnd = end > start ? n.map[end - 1]! + 1 : rawStart;
  return { start: rawStart, end: rawEnd };
}
