/**
 * One normalisation pass per field. Matching runs on the normalised text; findings are reported
 * on the raw text, so the pass also records, for every normalised code unit, the raw offset it
 * came from. The fold is code unit → code unit (or removed), which keeps the map a plain array.
 */

/** Code unit → normalised code unit; 0 means "drop" (zero-width characters). */
export type FoldTable = Uint16Array;

const ZERO_WIDTH = [0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x00ad, 0x180e];

/**
 * Builds the fold: full-width forms to ASCII (ｗｗｗ．→ www.), ideographic space to space, ASCII
 * case to lower, zero-width characters dropped, and the pack's traditional → simplified pairs
 * (only characters that occur in listed terms need to be there).
 */
export function buildFoldTable(traditionalToSimplified: string): FoldTable {
  const table = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) table[c] = c;
  for (let c = 0xff01; c <= 0xff5e; c++) table[c] = c - 0xfee0;
  table[0x3000] = 0x20;
  for (const c of ZERO_WIDTH) table[c] = 0;
  const pairs = [...traditionalToSimplified];
  for (let i = 0; i + 1 < pairs.length; i += 2) {
    const from = pairs[i]!.charCodeAt(0);
    const to = pairs[i + 1]!.charCodeAt(0);
    table[from] = to;
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

export function normalise(raw: string, fold: FoldTable): NormalisedText {
  const n = raw.length;
  const units = new Uint16Array(n);
  const map = new Int32Array(n + 1);
  let j = 0;
  for (let i = 0; i < n; i++) {
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
