/**
 * Context windows around a term hit, as the pack's context regexes see them: a few normalised
 * characters before and after the hit, with fillers (spaces, hyphens …) left out and every
 * non-JD-Cloud link replaced by one placeholder character. Each window character remembers its
 * normalised offset so a rule can widen its span to the context that triggered it.
 */
import type { LinkSpan } from './links';
import { LINK_PLACEHOLDER } from './rulepack';

export const WINDOW = 24;

export interface Window {
  text: string;
  /**
   * offsets[k] = normalised offset of text[k] (for a link placeholder: the link's start/end);
   * null for a plain slice of the text, whose offsets are base, base + 1, … (most windows: the
   * offsets are read only when a rule widens its span, so they are not built for every hit).
   */
  offsets: number[] | null;
  base: number;
}

/** The normalised offset of window character k. */
export function windowOffset(w: Window, k: number): number {
  return w.offsets === null ? w.base + k : w.offsets[k]!;
}

/** Index of the first link that ends after i (links are sorted and disjoint). */
function firstLinkEndingAfter(links: readonly LinkSpan[], i: number): number {
  let lo = 0;
  let hi = links.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (links[mid]!.end <= i) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether some link overlaps [lo, hi). */
function linkWithin(links: readonly LinkSpan[], lo: number, hi: number): boolean {
  const k = firstLinkEndingAfter(links, lo);
  return k < links.length && links[k]!.start < hi;
}

/**
 * The common case: no link and no filler within reach, so the window is a plain slice. Returns
 * null when the slow path must run.
 */
function plainWindow(
  text: string,
  filler: Uint8Array,
  links: readonly LinkSpan[],
  lo: number,
  hi: number,
): Window | null {
  if (links.length && linkWithin(links, lo, hi)) return null;
  for (let i = lo; i < hi; i++) if (filler[text.charCodeAt(i)] === 1) return null;
  return { text: text.slice(lo, hi), offsets: null, base: lo };
}

export function windowBefore(
  text: string,
  filler: Uint8Array,
  links: readonly LinkSpan[],
  start: number,
): Window {
  const fast = plainWindow(text, filler, links, Math.max(0, start - WINDOW), start);
  if (fast) return fast;
  // Walking down: pieces are runs of adjacent kept characters (sliced, not concatenated one by
  // one) and link placeholders, reversed at the end.
  const pieces: string[] = [];
  const offsets: number[] = [];
  let runStart = -1;
  let runEnd = -1;
  // The link that may contain i, walking down as i decreases.
  let li = Math.min(firstLinkEndingAfter(links, start - 1), links.length - 1);
  for (let i = start - 1; i >= 0 && offsets.length < WINDOW; i--) {
    while (li >= 0 && links[li]!.start > i) li--;
    const link = li >= 0 && links[li]!.end > i ? links[li] : undefined;
    if (link) {
      if (!link.allowed) {
        if (runStart >= 0) pieces.push(text.slice(runStart, runEnd));
        runStart = -1;
        pieces.push(LINK_PLACEHOLDER);
        offsets.push(link.start);
      }
      i = link.start;
      continue;
    }
    const c = text.charCodeAt(i);
    if (filler[c] === 1) continue;
    if (runStart === i + 1) runStart = i;
    else {
      if (runStart >= 0) pieces.push(text.slice(runStart, runEnd));
      runStart = i;
      runEnd = i + 1;
    }
    offsets.push(i);
  }
  if (runStart >= 0) pieces.push(text.slice(runStart, runEnd));
  return { text: pieces.reverse().join(''), offsets: offsets.reverse(), base: 0 };
}

export function windowAfter(
  text: string,
  filler: Uint8Array,
  links: readonly LinkSpan[],
  end: number,
): Window {
  const fast = plainWindow(text, filler, links, end, Math.min(text.length, end + WINDOW));
  if (fast) return fast;
  let out = '';
  const offsets: number[] = [];
  let runStart = -1;
  let runEnd = -1;
  let li = links.length ? firstLinkEndingAfter(links, end) : 0;
  for (let i = end; i < text.length && offsets.length < WINDOW; i++) {
    const link = li < links.length && links[li]!.start <= i ? links[li] : undefined;
    if (link) {
      if (!link.allowed) {
        if (runStart >= 0) out += text.slice(runStart, runEnd);
        runStart = -1;
        out += LINK_PLACEHOLDER;
        offsets.push(link.end - 1);
      }
      i = link.end - 1;
      li++;
      continue;
    }
    const c = text.charCodeAt(i);
    if (filler[c] === 1) continue;
    if (runEnd === i) runEnd = i + 1;
    else {
      if (runStart >= 0) out += text.slice(runStart, runEnd);
      runStart = i;
      runEnd = i + 1;
    }
    offsets.push(i);
  }
  if (runStart >= 0) out += text.slice(runStart, runEnd);
  return { text: out, offsets, base: 0 };
}
