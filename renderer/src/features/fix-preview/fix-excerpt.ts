/**
 * The before/after excerpt of a fix: a few characters of the sentence around its edits, the part
 * it removes and the part it inserts marked, in the checked text's offsets. Pure, so the panel can
 * compute it for the rows it shows and tests can read it without a browser.
 */
import type { TextEdit } from '../../../../shared/check/types';

export interface ExcerptPart {
  text: string;
  kind: 'same' | 'removed' | 'inserted';
}

export interface FixExcerpt {
  field: string;
  before: ExcerptPart[];
  after: ExcerptPart[];
  /** Text of the field cut off before / after the excerpt (shown as …). */
  clippedStart: boolean;
  clippedEnd: boolean;
}

/** Characters of context each side; the excerpt stops earlier at a line break. */
export const EXCERPT_CONTEXT = 18;
/** A removed or inserted part longer than this shows its ends only. */
export const EXCERPT_PART = 60;

const shown = (s: string) => s.replace(/\r?\n/g, '↵');
const shorten = (s: string) =>
  s.length <= EXCERPT_PART ? s : `${s.slice(0, EXCERPT_PART / 2)}…${s.slice(s.length - EXCERPT_PART / 2)}`;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/**
 * The excerpt of `edits` (those in the first edit's field) on that field's `text`; null when they
 * do not fit it (the text changed since the check).
 */
export function fixExcerpt(
  text: string | undefined,
  edits: readonly TextEdit[],
  context = EXCERPT_CONTEXT,
): FixExcerpt | null {
  if (text === undefined || edits.length === 0) return null;
  const field = edits[0]!.field;
  const mine = edits.filter((e) => e.field === field).sort((a, b) => a.start - b.start);
  if (mine.some((e) => e.end > text.length || e.start > e.end)) return null;
  let from = Math.max(0, mine[0]!.start - context);
  let to = Math.min(text.length, mine.at(-1)!.end + context);
  const lineBefore = text.lastIndexOf('\n', mine[0]!.start - 1);
  if (lineBefore >= from) from = lineBefore + 1;
  const lineAfter = text.indexOf('\n', mine.at(-1)!.end);
  if (lineAfter >= 0 && lineAfter < to) to = lineAfter;
  // Never split a surrogate pair at the excerpt's ends.
  if (from > 0 && isLow(text.charCodeAt(from))) from--;
  if (to < text.length && isLow(text.charCodeAt(to))) to++;

  const before: ExcerptPart[] = [];
  const after: ExcerptPart[] = [];
  const same = (s: string) => {
    if (!s) return;
    before.push({ text: shown(s), kind: 'same' });
    after.push({ text: shown(s), kind: 'same' });
  };
  let at = from;
  for (const e of mine) {
    same(text.slice(at, e.start));
    if (e.end > e.start) before.push({ text: shorten(shown(text.slice(e.start, e.end))), kind: 'removed' });
    if (e.text) after.push({ text: shorten(shown(e.text)), kind: 'inserted' });
    at = e.end;
  }
  same(text.slice(at, to));
  return { field, before, after, clippedStart: from > 0, clippedEnd: to < text.length };
}

/** What a row compares to know whether its excerpt changed. */
export const excerptKey = (x: FixExcerpt | null) =>
  x === null
    ? ''
    : [
        x.field,
        x.clippedStart,
        x.clippedEnd,
        ...x.before.map((p) => p.kind + p.text),
        '|',
        ...x.after.map((p) => p.kind + p.text),
      ].join('\u0000');
