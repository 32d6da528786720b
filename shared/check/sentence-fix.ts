/**
 * Fixes that leave a sentence a person would write. The engine finds a span (唯一, a link) and
 * proposes to remove or replace it; cutting out exactly that span leaves 「国内、」, 「详情见  。」 or
 * an empty <a></a>. `wellFormedEdits` widens a removal over what the span carried with it: the scope
 * word the ranking qualified (国内唯一), what was ranked (销量第一), a 的 or 是 left dangling, the
 * separator of an emptied list item or clause, a clause that only pointed at the removed link
 * (详情见 X。), a tag left empty, and the spaces that only stood beside a Latin token. HTML stays
 * balanced: a removal never cuts into a tag; a link in an attribute takes its tag (img) or
 * attribute with it, and an <a> keeps its words (unwrapped) unless they are the link itself.
 *
 * Pure and bounded (a few dozen characters around the span, a clause of at most MAX_CLAUSE), so the
 * region re-check (incremental.ts) computes the same fix. Words are data (sentence-words.ts).
 */
import type { FoldTable } from './normalize';
import { sentenceWords, type SentenceWords } from './sentence-words';

export interface SpanEdit {
  start: number;
  end: number;
  text: string;
}

export interface SentenceFixOptions {
  /**
   * 'term': a listed term (its canonical form in `term`, for the word lists); 'link': a link or
   * address; 'plain': only tidy what the removal leaves (separators, tags, spaces).
   */
  kind: 'term' | 'link' | 'plain';
  term?: string;
  /** The pack's fold (traditional → simplified, full width → ASCII) for comparing words. */
  fold?: FoldTable;
  words?: SentenceWords;
}

/** A pointer clause longer than this is not dropped whole; only the pointer and link go. */
export const MAX_CLAUSE = 120;

const SPACE = /[ \t\u3000\u00a0]/;
// Separator strength: the stronger of two neighbouring separators stays.
const SEPARATORS: Record<string, number> = {
  '、': 1,
  '，': 2,
  ',': 2,
  '：': 2,
  ':': 2,
  '；': 3,
  ';': 3,
};
const ENDS = new Set(['。', '！', '!', '？', '?', '…']);
const OPENS = new Set(['（', '(', '【', '[', '「', '『', '《', '“', '‘']);
const CLOSES: Record<string, string> = {
  '）': '（',
  ')': '(',
  '】': '【',
  ']': '[',
  '」': '「',
  '』': '『',
  '》': '《',
  '”': '“',
  '’': '‘',
};
const BLOCK_TAGS = new Set([
  'p',
  'div',
  'li',
  'ul',
  'ol',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'br',
  'hr',
  'blockquote',
  'table',
  'tr',
  'td',
  'th',
  'tbody',
  'thead',
  'section',
  'article',
  'dl',
  'dt',
  'dd',
  'pre',
]);
/** Elements removed once empty (table cells and lists keep their structure). */
const REMOVABLE_WHEN_EMPTY = new Set([
  'p',
  'li',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'a',
  'strong',
  'b',
  'em',
  'i',
  'u',
  's',
  'span',
  'font',
  'mark',
  'small',
  'sup',
  'sub',
  'code',
]);
/** Tags whose link is all they hold: removing the link removes the tag (and its closing tag). */
const MEDIA_TAGS = new Set(['img', 'source', 'iframe', 'embed', 'video', 'audio', 'track', 'link', 'script']);
const VOID_TAGS = new Set(['img', 'source', 'embed', 'track', 'link', 'br', 'hr', 'input', 'meta', 'wbr']);

const CJK = /[\u3400-\u9fff\uf900-\ufaff\u3040-\u30ff]/;
const FULL_PUNCT = /[\u3000-\u303f\uff00-\uffef“”‘’—…·]/;
const LINKISH = /^(?:https?:\/\/|www[.．点])\S*$|^[\w-]+(?:\.[\w-]+)+(?:[/?#]\S*)?$/i;

interface Tag {
  start: number;
  end: number;
  name: string;
  closing: boolean;
  selfClosing: boolean;
}

const TAG = /^<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*?(\/?)>$/;

function parseTag(s: string, start: number, end: number): Tag | null {
  const m = TAG.exec(s.slice(start, end));
  if (!m) return null;
  const name = m[2]!.toLowerCase();
  return { start, end, name, closing: m[1] === '/', selfClosing: m[3] === '/' || VOID_TAGS.has(name) };
}

/** Longest tag looked at; the searches stay this close to the removal in a field of any length. */
const MAX_TAG = 2000;

/** The last `ch` in s[from - MAX_TAG, from), or -1. */
function lastWithin(s: string, ch: string, from: number): number {
  for (let i = from - 1, stop = Math.max(0, from - MAX_TAG); i >= stop; i--) if (s[i] === ch) return i;
  return -1;
}
/** The first `ch` in s[from, from + MAX_TAG), or -1. */
function firstWithin(s: string, ch: string, from: number): number {
  const i = s.indexOf(ch, from);
  return i < 0 || i - from >= MAX_TAG ? -1 : i;
}

/** The tag that ends right before `pos`. */
function tagBefore(s: string, pos: number): Tag | null {
  if (s[pos - 1] !== '>') return null;
  const open = lastWithin(s, '<', pos - 1);
  return open < 0 ? null : parseTag(s, open, pos);
}

/** The tag that starts at `pos`. */
function tagAfter(s: string, pos: number): Tag | null {
  if (s[pos] !== '<') return null;
  const close = firstWithin(s, '>', pos);
  return close < 0 ? null : parseTag(s, pos, close + 1);
}

/** The tag `pos` lies inside (between its < and >), if any. */
function enclosingTag(s: string, pos: number): Tag | null {
  const lt = lastWithin(s, '<', pos);
  if (lt < 0 || lastWithin(s, '>', pos) > lt) return null;
  const gt = firstWithin(s, '>', pos);
  if (gt < 0) return null;
  const nextLt = s.indexOf('<', lt + 1);
  if (nextLt >= 0 && nextLt < gt) return null;
  return parseTag(s, lt, gt + 1);
}

type CtxKind = 'edge' | 'line' | 'block' | 'sep' | 'end' | 'open' | 'close' | 'word';
interface Ctx {
  kind: CtxKind;
  /** The character (sep, end, open, close, word). */
  ch: string;
  /** Where that character (or tag, line break) is. */
  at: number;
  rank: number;
  /** Only spaces lie between the removal and this context (no tag skipped). */
  plain: boolean;
}

const isEndDot = (s: string, i: number) => s[i] === '.' && (i + 1 >= s.length || /[\s<]/.test(s[i + 1]!));

function classify(s: string, i: number): Omit<Ctx, 'at' | 'plain'> {
  const ch = s[i]!;
  if (ch === '\n' || ch === '\r') return { kind: 'line', ch, rank: 5 };
  if (SEPARATORS[ch] !== undefined) return { kind: 'sep', ch, rank: SEPARATORS[ch]! };
  if (ENDS.has(ch) || isEndDot(s, i)) return { kind: 'end', ch, rank: 4 };
  if (OPENS.has(ch)) return { kind: 'open', ch, rank: 0 };
  if (CLOSES[ch] !== undefined) return { kind: 'close', ch, rank: 0 };
  return { kind: 'word', ch, rank: 0 };
}

/** What comes before `pos`, past spaces and inline tags. */
function leftCtx(s: string, pos: number): Ctx {
  let i = pos;
  let plain = true;
  for (;;) {
    while (i > 0 && SPACE.test(s[i - 1]!)) i--;
    if (i === 0) return { kind: 'edge', ch: '', at: 0, rank: 5, plain };
    const tag = tagBefore(s, i);
    if (tag) {
      if (BLOCK_TAGS.has(tag.name)) return { kind: 'block', ch: '>', at: tag.start, rank: 5, plain };
      i = tag.start;
      plain = false;
      continue;
    }
    return { ...classify(s, i - 1), at: i - 1, plain };
  }
}

/** What comes after `pos`, past spaces and inline tags. */
function rightCtx(s: string, pos: number): Ctx {
  let i = pos;
  let plain = true;
  for (;;) {
    while (i < s.length && SPACE.test(s[i]!)) i++;
    if (i >= s.length) return { kind: 'edge', ch: '', at: s.length, rank: 5, plain };
    const tag = tagAfter(s, i);
    if (tag) {
      if (BLOCK_TAGS.has(tag.name)) return { kind: 'block', ch: '<', at: tag.start, rank: 5, plain };
      i = tag.end;
      plain = false;
      continue;
    }
    return { ...classify(s, i), at: i, plain };
  }
}

const clauseEnd = (c: Ctx) =>
  c.kind === 'edge' ||
  c.kind === 'line' ||
  c.kind === 'block' ||
  c.kind === 'end' ||
  c.kind === 'close' ||
  (c.kind === 'sep' && c.rank >= 2);
const clauseStart = (c: Ctx) =>
  c.kind === 'edge' || c.kind === 'line' || c.kind === 'block' || c.kind === 'open' || c.kind === 'end';

class Text {
  constructor(
    readonly s: string,
    private readonly fold: FoldTable | undefined,
  ) {}
  private f(i: number): string {
    const c = this.s.charCodeAt(i);
    const t = this.fold ? this.fold[c]! : c;
    return String.fromCharCode(t >= 0x41 && t <= 0x5a ? t + 32 : t);
  }
  /** The longest word of `list` ending at `pos` (folded), or 0. */
  wordBefore(pos: number, list: readonly string[]): number {
    let best = 0;
    for (const w of list) {
      if (w.length <= best || w.length > pos) continue;
      let ok = true;
      for (let k = 0; k < w.length && ok; k++) ok = this.f(pos - w.length + k) === w[k];
      if (ok) best = w.length;
    }
    return best;
  }
  /** The longest word of `list` starting at `pos` (folded), or 0. */
  wordAfter(pos: number, list: readonly string[]): number {
    let best = 0;
    for (const w of list) {
      if (w.length <= best || pos + w.length > this.s.length) continue;
      let ok = true;
      for (let k = 0; k < w.length && ok; k++) ok = this.f(pos + k) === w[k];
      if (ok) best = w.length;
    }
    return best;
  }
  spacesBefore(pos: number): number {
    let i = pos;
    while (i > 0 && SPACE.test(this.s[i - 1]!)) i--;
    return i;
  }
  spacesAfter(pos: number): number {
    let i = pos;
    while (i < this.s.length && SPACE.test(this.s[i]!)) i++;
    return i;
  }
}

/**
 * The edits that carry out `edit` on `raw` and leave it well formed (offsets into `raw`, sorted,
 * not overlapping; usually one). A replacement with text keeps the sentence as it is.
 */
export function wellFormedEdits(raw: string, edit: SpanEdit, options: SentenceFixOptions): SpanEdit[] {
  if (edit.text !== '' || edit.end <= edit.start) return [edit];
  const words = options.words ?? sentenceWords;
  const t = new Text(raw, options.fold);
  const span = { L: edit.start, R: edit.end };

  if (options.kind === 'link') {
    const inTag = linkInTag(raw, span);
    if (inTag) return inTag;
    // A link that is all its <a> shows takes the element before the pointer before it is looked for.
    emptyElement(raw, span);
    pointerClause(t, span, words);
  }
  if (options.kind === 'term') termWords(t, span, options.term ?? raw.slice(edit.start, edit.end), words);

  for (let round = 0; round < 12; round++) {
    const before = span.L * 1e7 + span.R;
    emptyElement(raw, span);
    if (options.kind === 'term' && !words.adverbs.includes((options.term ?? '').toLowerCase()))
      scopeWords(t, span, words);
    if (options.kind === 'term') copula(t, span, words);
    punctuation(raw, span);
    if (span.L * 1e7 + span.R === before) break;
  }
  spaces(raw, span);
  return [{ start: span.L, end: span.R, text: '' }];
}

/** A link inside a tag: the tag's attribute, the media tag, or the <a> around its words. */
function linkInTag(s: string, span: { L: number; R: number }): SpanEdit[] | null {
  const tag = enclosingTag(s, span.L);
  if (!tag || tag.closing) return null;
  if (tag.name === 'a') {
    const m = /<\/a\s*>/i.exec(s.slice(tag.end, tag.end + 4 * MAX_TAG));
    const close = m ? tag.end + m.index : -1;
    const closeEnd = m ? close + m[0].length : -1;
    if (close >= 0) {
      const inner = s
        .slice(tag.end, close)
        .replace(/<[^>]*>/g, '')
        .trim();
      if (inner === '' || LINKISH.test(inner)) {
        // The anchor shows the link itself: the whole element is the link.
        span.L = tag.start;
        span.R = closeEnd;
        return null;
      }
      // Unwrap: the words stay where they were, without the link.
      return [
        { start: tag.start, end: tag.end, text: '' },
        { start: close, end: closeEnd, text: '' },
      ];
    }
  }
  if (MEDIA_TAGS.has(tag.name)) {
    span.L = tag.start;
    span.R = tag.end;
    if (!tag.selfClosing) {
      const after = tagAfter(s, tag.end);
      if (after && after.closing && after.name === tag.name) span.R = after.end;
    }
    return null;
  }
  // Any other tag keeps its name and other attributes; the attribute holding the link goes.
  const attr = /\s+[^\s=<>/]+\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/g;
  const body = s.slice(tag.start, tag.end);
  for (let m = attr.exec(body); m; m = attr.exec(body)) {
    const a = tag.start + m.index;
    const b = a + m[0].length;
    if (a <= span.L && span.R <= b) return [{ start: a, end: b, text: '' }];
  }
  return [{ start: span.L, end: span.R, text: '' }];
}

/**
 * 请访问 X 查看。 / 详细安装文档：X / 详情见 X。: a clause that only points at the link goes whole; a
 * pointer before a clause that goes on (请前往 X 注册账号) goes with the link, keeping 请.
 */
function pointerClause(t: Text, span: { L: number; R: number }, words: SentenceWords) {
  const s = t.s;
  // What follows the link and only explains it: a parenthesis, a verb for what to do there.
  let after = span.R;
  const j = t.spacesAfter(after);
  if (s[j] === '（' || s[j] === '(') {
    const close = s.indexOf(s[j] === '（' ? '）' : ')', j);
    const inner = close < 0 ? '' : s.slice(j, close);
    if (close >= 0 && close - j <= 60 && !/[\n<]/.test(inner)) after = close + 1;
  }
  const k = t.spacesAfter(after);
  const verb = t.wordAfter(k, words.afterLink);
  if (verb) after = k + verb;
  const ends = clauseEnd(rightCtx(s, after)) && rightCtx(s, after).plain;

  let i = t.spacesBefore(span.L);
  let colon = -1;
  if (s[i - 1] === '：' || s[i - 1] === ':') {
    colon = i - 1;
    i = t.spacesBefore(colon);
  }
  const pointer = t.wordBefore(i, words.pointers);
  if (pointer === 0 && colon < 0) return;
  const pointerStart = i - pointer;

  if (ends) {
    // The clause's start: back to the previous clause separator (not 、, which joins list items
    // within the clause, nor the colon that introduced the link), a line or a tag.
    let start = pointerStart;
    while (start > 0 && span.L - start <= MAX_CLAUSE) {
      const c = s[start - 1]!;
      if (c === '\n' || c === '\r' || c === '>' || c === '<') break;
      const cls = classify(s, start - 1);
      if (
        start - 1 !== colon &&
        (cls.kind === 'end' || cls.kind === 'open' || (cls.kind === 'sep' && cls.rank >= 2))
      )
        break;
      start--;
    }
    if (span.L - start <= MAX_CLAUSE) {
      span.L = t.spacesAfter(start) <= pointerStart ? start : pointerStart;
      span.R = after;
      return;
    }
  }
  if (pointer > 0) {
    // Keep 请 (and what comes before) when the clause goes on after the link.
    span.L = pointerStart;
  }
}

/** The words that went with a listed term: 史上最[强], and the dangling 的 of a removed modifier. */
function termWords(t: Text, span: { L: number; R: number }, term: string, words: SentenceWords) {
  const s = t.s;
  if (term.endsWith('最')) {
    const c = s[span.R];
    if (c && words.degreeChars.includes(c) && t.wordAfter(span.R, words.degreeWords) === 0) span.R++;
  }
  if (words.adverbs.includes(term.toLowerCase())) return;
  // Dimensions right before a ranking that ends its phrase (销量第一，/ 速度最快的).
  const r = rightCtx(s, span.R);
  if (clauseEnd(r) || s[span.R] === '的') {
    const i = t.spacesBefore(span.L);
    const d = t.wordBefore(i, words.dimensions);
    if (d) span.L = i - d;
  }
  if (s[span.R] === '的') {
    scopeWords(t, span, words);
    const l = leftCtx(s, span.L);
    const afterDe = rightCtx(s, span.R + 1);
    const owned = l.kind === 'word' && t.wordBefore(t.spacesBefore(span.L), words.possessors) > 0;
    const listed = l.kind === 'sep' && l.rank === 1;
    if (listed && !clauseEnd(afterDe)) {
      // 安全、唯一的方案 → 安全的方案: the list's last item goes, its 的 now follows the one before.
      if (l.plain) span.L = l.at;
    } else if (clauseEnd(afterDe) || !owned) span.R++;
  }
}

/** 国内 / 行业 / 同类产品中 … before the removed ranking. */
function scopeWords(t: Text, span: { L: number; R: number }, words: SentenceWords) {
  const i = t.spacesBefore(span.L);
  const w = t.wordBefore(i, words.scopes);
  if (w) span.L = i - w;
}

/** 是 / 位居 … left right before the clause's end. */
function copula(t: Text, span: { L: number; R: number }, words: SentenceWords) {
  const s = t.s;
  const r = rightCtx(s, span.R);
  if (!clauseEnd(r) || !r.plain) return;
  const i = t.spacesBefore(span.L);
  const w = t.wordBefore(i, words.copulas);
  if (!w) return;
  if (s.slice(i - w, i) === '是' && i - w > 0 && words.notCopulaBefore.includes(s[i - w - 1]!)) return;
  span.L = i - w;
}

/** An element the removal emptied goes, with its line break when it stood on a line of its own. */
function emptyElement(s: string, span: { L: number; R: number }) {
  let i = span.L;
  while (i > 0 && /\s/.test(s[i - 1]!)) i--;
  let j = span.R;
  while (j < s.length && /\s/.test(s[j]!)) j++;
  const open = tagBefore(s, i);
  const close = tagAfter(s, j);
  if (!open || !close || open.closing || open.selfClosing || !close.closing) return;
  if (open.name !== close.name || !REMOVABLE_WHEN_EMPTY.has(open.name)) return;
  span.L = open.start;
  span.R = close.end;
  if (BLOCK_TAGS.has(open.name)) {
    const onItsLine = span.L === 0 || s[span.L - 1] === '\n' || tagBefore(s, span.L) !== null;
    if (onItsLine && s[span.R] === '\n') span.R++;
    else if (onItsLine && s[span.R] === '\r' && s[span.R + 1] === '\n') span.R += 2;
    else if (span.R === s.length && s[span.L - 1] === '\n') span.L--;
  }
}

/** The separators around an emptied list item, clause or sentence. */
function punctuation(s: string, span: { L: number; R: number }) {
  const l = leftCtx(s, span.L);
  const r = rightCtx(s, span.R);
  const dropRight = () => r.plain && (span.R = r.at + 1);
  const dropLeft = () => l.plain && (span.L = l.at);
  // 、 joins list items: the first or a middle item takes the 、 after it, the last the one before.
  if (r.kind === 'sep' && r.rank === 1) {
    dropRight();
    return;
  }
  if (l.kind === 'sep' && l.rank === 1 && r.kind !== 'word' && r.kind !== 'open') {
    dropLeft();
    return;
  }
  if (l.kind === 'open' && r.kind === 'close' && CLOSES[r.ch] === l.ch && l.plain && r.plain) {
    span.L = l.at;
    span.R = r.at + 1;
    return;
  }
  if (r.kind === 'sep') {
    if (l.kind === 'sep' && r.rank > l.rank) dropLeft();
    else if (clauseStart(l) || l.kind === 'sep') dropRight();
    return;
  }
  if (l.kind === 'sep' && (clauseEnd(r) || r.kind === 'end')) {
    dropLeft();
    return;
  }
  if (r.kind === 'end' && (clauseStart(l) || l.kind === 'end')) dropRight();
}

/**
 * Spaces beside the removal: none at a line's start or end nor between Chinese characters (they
 * stood beside a Latin token that is gone), one between Latin words.
 */
function spaces(s: string, span: { L: number; R: number }) {
  let a = span.L;
  while (a > 0 && SPACE.test(s[a - 1]!)) a--;
  let b = span.R;
  while (b < s.length && SPACE.test(s[b]!)) b++;
  // A line left empty goes with its line break.
  if ((a === 0 || s[a - 1] === '\n') && s[b] === '\n' && span.R > span.L) {
    span.L = a;
    span.R = b + 1;
    return;
  }
  if (a === span.L && b === span.R) return;
  const lc = a === 0 ? '\n' : s[a - 1]!;
  const rc = b >= s.length ? '\n' : s[b]!;
  const lineEdge = (c: string) => c === '\n' || c === '\r';
  const cjk = (c: string) => CJK.test(c) || FULL_PUNCT.test(c);
  if (lineEdge(lc) || lc === '>') {
    span.R = b;
    if (lineEdge(rc)) span.L = a;
  } else if (lineEdge(rc) || rc === '<') span.L = a;
  else if (cjk(lc) && cjk(rc)) {
    span.L = a;
    span.R = b;
  } else if ((cjk(lc) || cjk(rc)) && a < span.L && b > span.R) span.R = b;
  else if (a < span.L && b > span.R) span.R = b;
  // A Chinese character and a Latin word keep the one space one side had; nothing to do.
}

/**
 * Several fixes' removals in one field as one set of edits: overlapping or touching removals are
 * merged and tidied again as one (国内唯一、全网最低价，→ both items and the separators go). Null
 * when a replacement overlaps another edit (the result would depend on order).
 */
export function combineEdits(raw: string, edits: readonly SpanEdit[], fold?: FoldTable): SpanEdit[] | null {
  const sorted = [...edits].sort((x, y) => x.start - y.start || x.end - y.end);
  const out: SpanEdit[] = [];
  const groups: { start: number; end: number; count: number; text: string }[] = [];
  for (const e of sorted) {
    const last = groups.at(-1);
    const touches =
      last && (e.start < last.end || (e.start === last.end && (e.text === '' || last.text === '')));
    const same =
      last && last.count === 1 && e.start === last.start && e.end === last.end && e.text === last.text;
    if (last && same) continue;
    if (last && touches) {
      if (e.text !== '' || last.text !== '') {
        if (e.start < last.end || (e.start === e.end && last.start === last.end)) return null;
        groups.push({ start: e.start, end: e.end, count: 1, text: e.text });
        continue;
      }
      last.end = Math.max(last.end, e.end);
      last.count++;
      continue;
    }
    groups.push({ start: e.start, end: e.end, count: 1, text: e.text });
  }
  for (const g of groups) {
    if (g.count === 1) out.push({ start: g.start, end: g.end, text: g.text });
    else
      out.push(
        ...wellFormedEdits(
          raw,
          { start: g.start, end: g.end, text: '' },
          // As one removed term: the merged items may leave a 的 (国内唯一、全网最低价的服务).
          { kind: 'term', term: '', ...(fold ? { fold } : {}) },
        ),
      );
  }
  // Tidying a merged removal can reach a neighbour; merge once more (removals only grow).
  for (let i = out.length - 1; i > 0; i--) {
    const a = out[i - 1]!;
    const b = out[i]!;
    if (b.start < a.end) {
      if (a.text !== '' || b.text !== '') return null;
      out.splice(i - 1, 2, { start: a.start, end: Math.max(a.end, b.end), text: '' });
    }
  }
  return out;
}

/** `raw` with the edits applied (sorted, not overlapping). */
export function applySpanEdits(raw: string, edits: readonly SpanEdit[]): string {
  let out = raw;
  for (const e of [...edits].sort((x, y) => y.start - x.start))
    out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}
