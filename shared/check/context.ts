/**
 * Context windows around a term hit, as the pack's context regexes see them: a few normalised
 * characters before and after the hit, with fillers (spaces, hyphens …) left out and every
 * non-JD-Cloud link replaced by one placeholder character. Each window character remembers its
 * normalised offset so a rule can widen its span to the context that triggered it.
 */
import { linkAt, type LinkSpan } from './links';
import { LINK_PLACEHOLDER } from './rulepack';

export const WINDOW = 24;

export interface Window {
  text: string;
  /** offsets[k] = normalised offset of text[k] (for a link placeholder: the link's start/end). */
  offsets: number[];
}

export function windowBefore(text: string, filler: Uint8Array, links: readonly LinkSpan[], start: number): Window {
  const chars: string[] = [];
  const offsets: number[] = [];
  for (let i = start - 1; i >= 0 && chars.length < WINDOW; i--) {
    const link = links.length ? linkAt(links, i) : undefined;
    if (link) {
      if (!link.allowed) {
        chars.push(LINK_PLACEHOLDER);
        offsets.push(link.start);
      }
      i = link.start;
      continue;
    }
    const c = text.charCodeAt(i);
    if (filler[c] === 1) continue;
    chars.push(text[i]!);
    offsets.push(i);
  }
  return { text: chars.reverse().join(''), offsets: offsets.reverse() };
}

export function windowAfter(text: string, filler: Uint8Array, links: readonly LinkSpan[], end: number): Window {
  const chars: string[] = [];
  const offsets: number[] = [];
  for (let i = end; i < text.length && chars.length < WINDOW; i++) {
    const link = links.length ? linkAt(links, i) : undefined;
    if (link) {
      if (!link.allowed) {
        chars.push(LINK_PLACEHOLDER);
        offsets.push(link.end - 1);
      }
      i = link.end - 1;
      continue;
    }
    const c = text.charCodeAt(i);
    if (filler[c] === 1) continue;
    chars.push(text[i]!);
    offsets.push(i);
  }
  return { text: chars.join(''), offsets };
}
