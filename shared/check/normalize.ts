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

/**
 * A field's normalised text and where each of its code units came from. The offset map is kept
 * as runs: normalised code units segStart[k] … segStart[k+1]-1 came from consecutive raw code
 * units starting at segRaw[k]. A field without markup or zero-width characters is one run (the
 * identity); each dropped tag or character starts a new one. The full per-unit `map` is only
 * built if someone asks for it; `rawOffset` answers by binary search over the runs.
 */
export class NormalisedText {
  #map: Int32Array | undefined;
  constructor(
    readonly raw: string,
    readonly text: string,
    private readonly segStart: readonly number[],
    private readonly segRaw: readonly number[],
  ) {}
  /** map[i] = raw offset of normalised code unit i; map[text.length] = raw.length. */
  get map(): Int32Array {
    if (this.#map === undefined) {
      const m = new Int32Array(this.text.length + 1);
      for (let i = 0; i < this.text.length; i++) m[i] = this.rawOffset(i);
      m[this.text.length] = this.raw.length;
      this.#map = m;
    }
    return this.#map;
  }
  /** The raw offset of normalised offset i (0 ≤ i ≤ text.length). */
  rawOffset(i: number): number {
    if (i >= this.text.length) return this.raw.length;
    const starts = this.segStart;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= i) lo = mid;
      else hi = mid - 1;
    }
    return this.segRaw[lo]! + (i - starts[lo]!);
  }
}

const CHUNK = 8192;
/** From this length on, decoding the units as UTF-16 is faster than String.fromCharCode (measured). */
const DECODE_FROM = 256;
// The units are in the platform's byte order; the decoder reads little-endian.
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const utf16 = new TextDecoder('utf-16le');

/**
 * The first `length` units as a string. The decoder would turn a lone surrogate into U+FFFD, so
 * text with surrogates takes fromCharCode, which keeps every code unit as it is.
 */
function unitsToString(units: Uint16Array, length: number, surrogate: boolean): string {
  if (LITTLE_ENDIAN && length >= DECODE_FROM && !surrogate) return utf16.decode(units.subarray(0, length));
  let text = '';
  for (let k = 0; k < length; k += CHUNK) {
    text += String.fromCharCode.apply(
      null,
      units.subarray(k, Math.min(length, k + CHUNK)) as unknown as number[],
    );
  }
  return text;
}

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
function markupSpans(raw: string): number[] | null {
  if (raw.indexOf('<') < 0) return null;
  const out: number[] = [];
  TAG.lastIndex = 0;
  for (let m = TAG.exec(raw); m !== null; m = TAG.exec(raw)) {
    if (HAS_LINK.test(m[0])) continue;
    out.push(m.index, m.index + m[0].length, BLOCK_TAGS.has(m[1]!.toLowerCase()) ? 1 : 0);
  }
  return out.length ? out : null;
}

// Scratch space reused by every call (the check is synchronous, so calls never interleave):
// allocating a typed array per field cost more than folding the field itself.
let scratchUnits = new Uint16Array(1024);

export function normalise(raw: string, fold: FoldTable, markup = false): NormalisedText {
  const n = raw.length;
  const spans = markup ? markupSpans(raw) : null;
  if (scratchUnits.length < n) scratchUnits = new Uint16Array(Math.max(n, scratchUnits.length * 2));
  const units = scratchUnits;
  const segStart = [0];
  const segRaw = [0];
  let nextSpan = 0;
  let j = 0;
  // Whether some code unit folded to another one (else the text is the raw text, if nothing moved),
  // and whether a surrogate is among them (a lone one must survive as it is).
  let changed = false;
  let surrogate = false;
  for (let i = 0; i < n; i++) {
    if (spans !== null && nextSpan < spans.length && i === spans[nextSpan]) {
      if (spans[nextSpan + 2] === 1) {
        units[j] = 0x0a;
        segStart.push(j);
        segRaw.push(i);
        j++;
      }
      i = spans[nextSpan + 1]! - 1;
      nextSpan += 3;
      segStart.push(j);
      segRaw.push(i + 1);
      continue;
    }
    const c = raw.charCodeAt(i);
    const v = fold[c]!;
    if (v === 0) {
      segStart.push(j);
      segRaw.push(i + 1);
      continue;
    }
    if (v !== c) changed = true;
    if (v >= 0xd800 && v <= 0xdfff) surrogate = true;
    units[j] = v;
    j++;
  }
  if (j === n && segStart.length === 1 && !changed) return new NormalisedText(raw, raw, segStart, segRaw);
  return new NormalisedText(raw, unitsToString(units, j, surrogate), segStart, segRaw);
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
  const rawStart = n.rawOffset(start);
  // The end is just past the raw code unit of the last normalised one, so dropped characters
  // that follow the match are not pulled into it.
  const rawEnd = end > start ? n.rawOffset(end - 1) + 1 : rawStart;
  return { start: rawStart, end: rawEnd };
}
