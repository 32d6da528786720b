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
  /** offsets[k] = normalised offset of text[k] (for a link placeholder: the link's start/end). */
  offsets: number[];
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

export function windowBefore(
  text: string,
  filler: Uint8Array,
  links: readonly LinkSpan[],
  start: number,
): Window {
  let out = '';
  const offsets: number[] = [];
  // The link that may contain i, walking down as i decreases.
  let li = Math.min(firstLinkEndingAfter(links, start - 1), links.length - 1);
  for (let i = start - 1; i >= 0 && offsets.length < WINDOW; i--) {
    while (li >= 0 && links[li]!.start > i) li--;
    const link = li >= 0 && links[li]!.end > i ? links[li] : undefined;
    if (link) {
      if (!link.allowed) {
        out = LINK_PLACEHOLDER + out;
        offsets.push(link.start);
      }
      i = link.start;
      continue;
    }
    const c = text.charCodeAt(i);
    if (filler[c] === 1) continue;
    out = text[i]! + out;
    offsets.push(i);
  }
  return { text: out, offsets: offsets.reverse() };
}

export function windowAfter(
  text: string,
  filler: Uint8Array,
  links: readonly LinkSpan[],
  end: number,
): Window {
  let out = '';
  const offsets: number[] = [];
  let li = links.length ? firstLinkEndingAfter(links, end) : 0;
  for (let i = end; i < text.length && offsets.length < WINDOW; i++) {
    const link = li < links.length && links[li]!.start <= i ? links[li] : undefined;
    if (link) {
      if (!link.allowed) {
        out += LINK_PLACEHOLDER;
        offsets.push(link.end - 1);
      }
      i = link.end - 1;
      li++;
      continue;
    }
    const c = text.charCodeAt(i);
    if (filler[c] === 1) continue;
    out += text[i]!;
    offsets.push(i);
  }
  return { text: out, offsets };
}
