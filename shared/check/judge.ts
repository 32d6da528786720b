/**
 * What a term hit is attached to. A hit is evidence, not a verdict (absolute-terms guidance
 * 2023): the pack's `judge` clauses look at the words around the hit — the word right after it
 * (the noun it modifies), the word right before it (a ranking scope such as 全网/国内/行业), words
 * earlier or later in the same clause or sentence (a negation, "we do not keep", who pays) — and
 * the first clause whose condition holds gives the verdict, the reason in the rule's words and a
 * confidence. Word classes are named lists in the pack's `lexicon`; a condition names a class
 * (`@scope`) or lists words. Matching is by whole lexicon entry at the hit's edge, not by a fixed
 * number of characters.
 *
 * Why not a statistical segmenter here: Intl.Segmenter('zh') costs ~23 µs per short call on Node
 * 22 (measured; ~100 candidates per 20 KB listing would spend the whole 2 ms budget) and its ICU
 * dictionary splits the very words that decide (顶级域名 → 顶|级|域|名, 京东云 → 京|东|云). The
 * pack's lexicon is the dictionary, applied at the hit's edges only.
 */
import type { LinkSpan } from './links';
import { LINK_PLACEHOLDER } from './rulepack-constants';

/** Clause punctuation: a modifier does not reach across it. */
const CLAUSE_END = new Uint8Array(0x10000);
/** Sentence punctuation (a subset of the above). */
const SENTENCE_END = new Uint8Array(0x10000);
for (const ch of '。；;！!？?\n\r') SENTENCE_END[ch.charCodeAt(0)] = 1;
for (const ch of '。；;！!？?\n\r，,：:、（）()【】[]「」『』“”<>|') CLAUSE_END[ch.charCodeAt(0)] = 1;

/** How far a clause/sentence window reaches at most (normalised code units). */
export const CLAUSE_REACH = 40;
export const SENTENCE_REACH = 80;

export interface Surroundings {
  /** Compact (fillers removed, foreign links as one placeholder) text of the clause before / after the hit. */
  readonly before: string;
  readonly after: string;
  /** The same for the sentence. */
  readonly sentenceBefore: string;
  readonly sentenceAfter: string;
  field: string;
  /** The whole field's normalised text (for field-wide conditions). */
  fieldText: string;
  /** The hit itself (normalised, fillers removed). */
  readonly hit: string;
  /**
   * When the hit's sentence is a question (it ends in ？ or ?), the start of the reply after it
   * (compact, up to ANSWER_REACH): an FAQ's "问：是否需要单独开通账号？答：不需要" answers its own
   * question. Empty when the sentence is not a question.
   */
  readonly answer: string;
}

/** How much of a reply the `answer` condition reads. */
export const ANSWER_REACH = 24;

function linkIndexAt(links: readonly LinkSpan[], i: number): number {
  let lo = 0;
  let hi = links.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const l = links[mid]!;
    if (i < l.start) hi = mid - 1;
    else if (i >= l.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

function collect(
  text: string,
  filler: Uint8Array,
  links: readonly LinkSpan[],
  from: number,
  dir: 1 | -1,
  stop: Uint8Array,
  reach: number,
): string {
  // Fast path: no link nearby and no filler in the window, so the window is a plain slice.
  let i = from;
  let taken = 0;
  let plain = true;
  for (; i >= 0 && i < text.length && taken < reach; i += dir) {
    const c = text.charCodeAt(i);
    if (stop[c] === 1) break;
    if (filler[c] === 1) {
      plain = false;
      break;
    }
    taken++;
  }
  if (plain && (links.length === 0 || !touchesLink(links, Math.min(from, i), Math.max(from, i)))) {
    return dir > 0 ? text.slice(from, i) : text.slice(i + 1, from + 1);
  }
  // Slow path: runs of adjacent kept characters are sliced (not appended one by one), a foreign
  // link is one placeholder. (No flush closure: one per call showed in profiles.)
  const parts: string[] = [];
  let runLo = -1;
  let runHi = -1;
  taken = 0;
  for (i = from; i >= 0 && i < text.length && taken < reach; i += dir) {
    if (links.length) {
      const li = linkIndexAt(links, i);
      if (li >= 0) {
        const link = links[li]!;
        if (!link.allowed) {
          if (runLo >= 0) parts.push(text.slice(runLo, runHi));
          runLo = -1;
          parts.push(LINK_PLACEHOLDER);
        }
        taken++;
        i = dir > 0 ? link.end - 1 : link.start;
        continue;
      }
    }
    const c = text.charCodeAt(i);
    if (stop[c] === 1) break;
    if (filler[c] === 1) continue;
    if (dir > 0 && runHi === i) runHi = i + 1;
    else if (dir < 0 && runLo === i + 1) runLo = i;
    else {
      if (runLo >= 0) parts.push(text.slice(runLo, runHi));
      runLo = i;
      runHi = i + 1;
    }
    taken++;
  }
  if (runLo >= 0) parts.push(text.slice(runLo, runHi));
  if (dir < 0) parts.reverse();
  return parts.join('');
}

/** Whether some link overlaps [lo, hi]. */
function touchesLink(links: readonly LinkSpan[], lo: number, hi: number): boolean {
  let a = 0;
  let b = links.length;
  while (a < b) {
    const mid = (a + b) >> 1;
    if (links[mid]!.end <= lo) a = mid + 1;
    else b = mid;
  }
  return a < links.length && links[a]!.start <= hi;
}

/**
 * The windows are built on first use: most hits are decided by the word right next to them, so
 * the sentence windows are rarely needed. A class (not an object literal with getters) so that
 * V8 keeps one shape for every hit.
 */
class LazySurroundings implements Surroundings {
  #before: string | undefined;
  #after: string | undefined;
  #sentenceBefore: string | undefined;
  #sentenceAfter: string | undefined;
  #answer: string | undefined;
  constructor(
    readonly fieldText: string,
    private readonly filler: Uint8Array,
    private readonly links: readonly LinkSpan[],
    readonly field: string,
    private readonly start: number,
    private readonly end: number,
  ) {}
  get before(): string {
    return (this.#before ??= collect(
      this.fieldText,
      this.filler,
      this.links,
      this.start - 1,
      -1,
      CLAUSE_END,
      CLAUSE_REACH,
    ));
  }
  get after(): string {
    return (this.#after ??= collect(
      this.fieldText,
      this.filler,
      this.links,
      this.end,
      1,
      CLAUSE_END,
      CLAUSE_REACH,
    ));
  }
  get sentenceBefore(): string {
    return (this.#sentenceBefore ??= collect(
      this.fieldText,
      this.filler,
      this.links,
      this.start - 1,
      -1,
      SENTENCE_END,
      SENTENCE_REACH,
    ));
  }
  get hit(): string {
    let out = '';
    for (let i = this.start; i < this.end; i++)
      if (this.filler[this.fieldText.charCodeAt(i)] !== 1) out += this.fieldText[i]!;
    return out;
  }
  get answer(): string {
    if (this.#answer !== undefined) return this.#answer;
    const t = this.fieldText;
    let i = this.end;
    const stop = Math.min(t.length, this.end + SENTENCE_REACH);
    while (i < stop && SENTENCE_END[t.charCodeAt(i)] !== 1) i++;
    const mark = t[i];
    if (mark !== '？' && mark !== '?') return (this.#answer = '');
    let out = '';
    for (let j = i + 1; j < t.length && out.length < ANSWER_REACH; j++)
      if (this.filler[t.charCodeAt(j)] !== 1) out += t[j]!;
    return (this.#answer = out);
  }
  get sentenceAfter(): string {
    return (this.#sentenceAfter ??= collect(
      this.fieldText,
      this.filler,
      this.links,
      this.end,
      1,
      SENTENCE_END,
      SENTENCE_REACH,
    ));
  }
}

export function surroundings(
  text: string,
  filler: Uint8Array,
  links: readonly LinkSpan[],
  field: string,
  start: number,
  end: number,
): Surroundings {
  return new LazySurroundings(text, filler, links, field, start, end);
}

// ---------------------------------------------------------------------------------------------
// Conditions, compiled from the pack.

export interface ConditionSpec {
  /** The word right after the hit (an optional 的/之 in between), e.g. the noun it modifies. */
  next?: WordRef;
  /** The word right before the hit, e.g. a ranking scope (全网最优). */
  prev?: WordRef;
  /** A word anywhere earlier / later in the same clause. */
  before?: WordRef;
  after?: WordRef;
  /** A word anywhere in the same clause. */
  clause?: WordRef;
  /** A word anywhere earlier / later in the same sentence, or anywhere in it. */
  sentenceBefore?: WordRef;
  sentenceAfter?: WordRef;
  sentence?: WordRef;
  /** A word anywhere in the field. */
  field?: WordRef;
  /** The reply to the question the hit is in (see Surroundings.answer), e.g. its "答：不需要". */
  answer?: WordRef;
  /** The hit itself is one of these words (for a group whose terms are judged differently). */
  term?: WordRef;
  /** The field path matches this regular expression (e.g. "^(title|summary)$"). */
  path?: string;
  /** The hit ends its clause (a predicate: 速度最快。). */
  clauseEnd?: boolean;
  /** Always holds: the last clause of a judge, its default verdict. */
  always?: true;
  not?: ConditionSpec;
  any?: ConditionSpec[];
  all?: ConditionSpec[];
}

/** "@class", or a list of words and "@class" names; a word "re:…" is a regular-expression fragment. */
export type WordRef = string | string[];

export type Condition = (s: Surroundings) => boolean;

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class LexiconError extends Error {}

/** The alternation source of a word reference (longest first, so 全网 wins over 全). */
export function wordAlternation(
  ref: WordRef,
  lexicon: Record<string, string[]>,
  compact: (s: string) => string,
  seen: Set<string> = new Set(),
): string {
  const items = typeof ref === 'string' ? [ref] : ref;
  const words: string[] = [];
  const fragments: string[] = [];
  for (const item of items) {
    if (item.startsWith('@')) {
      const name = item.slice(1);
      const cls = lexicon[name];
      if (!cls) throw new LexiconError(`unknown word class "${item}"`);
      if (seen.has(name)) throw new LexiconError(`word class "${item}" refers to itself`);
      fragments.push(wordAlternation(cls, lexicon, compact, new Set([...seen, name])));
    } else if (item.startsWith('re:')) {
      fragments.push(`(?:${item.slice(3)})`);
    } else if (item === '{link}') {
      fragments.push(LINK_PLACEHOLDER);
    } else {
      const w = compact(item);
      if (w) words.push(w);
    }
  }
  words.sort((a, b) => b.length - a.length);
  const all = [...words.map(escapeRe), ...fragments];
  return all.length ? `(?:${all.join('|')})` : '(?!)';
}

/**
 * The longest text (in code units) a word reference can match, or Infinity when it holds a
 * regular-expression fragment (whose length is not known).
 */
function longestMatch(
  ref: WordRef,
  lexicon: Record<string, string[]>,
  compact: (s: string) => string,
): number {
  let longest = 0;
  for (const item of typeof ref === 'string' ? [ref] : ref) {
    if (item.startsWith('@'))
      longest = Math.max(longest, longestMatch(lexicon[item.slice(1)]!, lexicon, compact));
    else if (item.startsWith('re:')) return Infinity;
    else if (item === '{link}') longest = Math.max(longest, LINK_PLACEHOLDER.length);
    else longest = Math.max(longest, compact(item).length);
  }
  return longest;
}

export function compileCondition(
  spec: ConditionSpec,
  lexicon: Record<string, string[]>,
  compact: (s: string) => string,
): Condition {
  const parts: Condition[] = [];
  const alt = (ref: WordRef) => wordAlternation(ref, lexicon, compact);
  const DE = '(?:的|之|地)?';
  if (spec.next !== undefined) {
    const re = new RegExp(`^${DE}${alt(spec.next)}`, 'u');
    parts.push((s) => re.test(s.after));
  }
  if (spec.prev !== undefined) {
    const re = new RegExp(`${alt(spec.prev)}${DE}$`, 'u');
    // An end-anchored regex is tried from every start position; a match of plain words is at
    // most `reach` code units long, so only the clause's last `reach` units can hold it.
    const reach = longestMatch(spec.prev, lexicon, compact) + 1;
    if (reach === Infinity) parts.push((s) => re.test(s.before));
    else
      parts.push((s) => {
        const b = s.before;
        return re.test(b.length > reach ? b.slice(b.length - reach) : b);
      });
  }
  const anywhere = (key: 'before' | 'after' | 'sentenceBefore' | 'sentenceAfter', ref: WordRef) => {
    const re = new RegExp(alt(ref), 'u');
    parts.push((s) => re.test(s[key]));
  };
  if (spec.before !== undefined) anywhere('before', spec.before);
  if (spec.after !== undefined) anywhere('after', spec.after);
  if (spec.sentenceBefore !== undefined) anywhere('sentenceBefore', spec.sentenceBefore);
  if (spec.sentenceAfter !== undefined) anywhere('sentenceAfter', spec.sentenceAfter);
  if (spec.clause !== undefined) {
    const re = new RegExp(alt(spec.clause), 'u');
    parts.push((s) => re.test(s.before) || re.test(s.after));
  }
  if (spec.sentence !== undefined) {
    const re = new RegExp(alt(spec.sentence), 'u');
    parts.push((s) => re.test(s.sentenceBefore) || re.test(s.sentenceAfter));
  }
  if (spec.field !== undefined) {
    // The field text is normalised but not compacted: field-wide words are matched as written.
    const re = new RegExp(alt(spec.field), 'u');
    // One field is judged hit after hit: remember the answer for the last field text.
    let lastText: string | undefined;
    let lastResult = false;
    parts.push((s) => {
      if (s.fieldText !== lastText) {
        lastText = s.fieldText;
        lastResult = re.test(s.fieldText);
      }
      return lastResult;
    });
  }
  if (spec.answer !== undefined) {
    const re = new RegExp(alt(spec.answer), 'u');
    parts.push((s) => s.answer !== '' && re.test(s.answer));
  }
  if (spec.term !== undefined) {
    const re = new RegExp(`^${alt(spec.term)}$`, 'u');
    parts.push((s) => re.test(s.hit));
  }
  if (spec.path !== undefined) {
    const re = new RegExp(spec.path, 'u');
    parts.push((s) => re.test(s.field));
  }
  if (spec.clauseEnd !== undefined) {
    const want = spec.clauseEnd;
    parts.push((s) => (s.after === '') === want);
  }
  if (spec.always) parts.push(() => true);
  if (spec.not !== undefined) {
    const inner = compileCondition(spec.not, lexicon, compact);
    parts.push((s) => !inner(s));
  }
  if (spec.any !== undefined) {
    const inner = spec.any.map((c) => compileCondition(c, lexicon, compact));
    // Plain loops: a closure per evaluation (inner.some(c => c(s))) showed in profiles.
    parts.push((s) => {
      for (const c of inner) if (c(s)) return true;
      return false;
    });
  }
  if (spec.all !== undefined) {
    const inner = spec.all.map((c) => compileCondition(c, lexicon, compact));
    parts.push((s) => {
      for (const c of inner) if (!c(s)) return false;
      return true;
    });
  }
  if (parts.length === 1) return parts[0]!;
  return (s) => {
    for (const p of parts) if (!p(s)) return false;
    return true;
  };
}
