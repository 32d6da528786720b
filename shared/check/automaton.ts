/**
 * Aho–Corasick over UTF-16 code units, compiled to a dense DFA: every code unit that occurs in
 * some pattern gets a class number, every state a row of next states. Scanning is then one table
 * lookup per code unit with no allocation except for hits.
 *
 * "Filler" code units (spaces, hyphens, dots …, chosen by the rule pack) are skipped, so 最 优,
 * 最-优 and No. 1 match 最优 and no1. Patterns are stored without fillers; a hit's start is found
 * by walking back over the same number of non-filler code units.
 */

export interface Automaton {
  classOf: Uint16Array;
  width: number;
  /** Next state per (state, class); 16 bits while the states fit (half the cache footprint). */
  delta: Int32Array | Uint16Array;
  /** outStart[s]..outStart[s+1] indexes outList: the patterns that end in state s. */
  outStart: Int32Array;
  outList: Int32Array;
  patternLength: Int32Array;
  filler: Uint8Array;
  stateCount: number;
}

/**
 * The hits of one scan as flat triples (pattern, start, end) in normalised offsets, end
 * exclusive, in order of their end: a scan allocates no object per hit. The buffer is reused by
 * the next scan, so read it before scanning again.
 */
export interface Hits {
  buf: Int32Array;
  count: number;
}

export function buildAutomaton(patterns: readonly string[], filler: Uint8Array): Automaton {
  const classOf = new Uint16Array(0x10000);
  let classes = 0;
  for (const p of patterns) {
    for (let i = 0; i < p.length; i++) {
      const c = p.charCodeAt(i);
      if (filler[c]) throw new Error(`pattern "${p}" contains a filler character`);
      if (classOf[c] === 0) classOf[c] = ++classes;
    }
  }
  const width = classes + 1;

  // Trie with per-node maps, then flattened.
  const children: Map<number, number>[] = [new Map()];
  const own: number[][] = [[]];
  patterns.forEach((p, id) => {
    if (p.length === 0) throw new Error('empty pattern');
    let s = 0;
    for (let i = 0; i < p.length; i++) {
      const k = classOf[p.charCodeAt(i)]!;
      let next = children[s]!.get(k);
      if (next === undefined) {
        next = children.length;
        children.push(new Map());
        own.push([]);
        children[s]!.set(k, next);
      }
      s = next;
    }
    own[s]!.push(id);
  });

  const stateCount = children.length;
  const delta = new Int32Array(stateCount * width);
  const fail = new Int32Array(stateCount);
  const outputs: number[][] = own.map((o) => [...o]);
  const queue: number[] = [];
  for (const [k, child] of children[0]!) {
    delta[k] = child;
    queue.push(child);
  }
  for (let head = 0; head < queue.length; head++) {
    const s = queue[head]!;
    const f = fail[s]!;
    // Inherit the fail state's row, then overwrite with our own edges.
    delta.copyWithin(s * width, f * width, f * width + width);
    for (const [k, child] of children[s]!) {
      fail[child] = delta[f * width + k]!;
      delta[s * width + k] = child;
      queue.push(child);
    }
    const inherited = outputs[f]!;
    if (inherited.length) outputs[s]!.push(...inherited);
  }

  const outStart = new Int32Array(stateCount + 1);
  let total = 0;
  for (let s = 0; s < stateCount; s++) {
    outStart[s] = total;
    total += outputs[s]!.length;
  }
  outStart[stateCount] = total;
  const outList = new Int32Array(total);
  let w = 0;
  for (const o of outputs) for (const id of o) outList[w++] = id;

  return {
    classOf,
    width,
    delta: stateCount <= 0xffff ? Uint16Array.from(delta) : delta,
    outStart,
    outList,
    patternLength: Int32Array.from(patterns, (p) => p.length),
    filler,
    stateCount,
  };
}

let scratch = new Int32Array(3 * 256);

/** All (possibly overlapping) hits in `text`, in order of their end. */
export function scan(a: Automaton, text: string): Hits {
  const { classOf, width, delta, outStart, outList, patternLength, filler } = a;
  let buf = scratch;
  let w = 0;
  let s = 0;
  for (let i = 0, n = text.length; i < n; i++) {
    const c = text.charCodeAt(i);
    if (filler[c] === 1) continue;
    const k = classOf[c]!;
    s = k === 0 ? 0 : delta[s * width + k]!;
    const from = outStart[s]!;
    const to = outStart[s + 1]!;
    for (let o = from; o < to; o++) {
      const pattern = outList[o]!;
      if (w + 3 > buf.length) {
        const grown = new Int32Array(buf.length * 2);
        grown.set(buf);
        buf = scratch = grown;
      }
      buf[w] = pattern;
      buf[w + 1] = startOf(text, filler, i, patternLength[pattern]!);
      buf[w + 2] = i + 1;
      w += 3;
    }
  }
  return { buf, count: w / 3 };
}

function startOf(text: string, filler: Uint8Array, last: number, length: number): number {
  let i = last;
  let remaining = length - 1;
  while (remaining > 0) {
    i--;
    if (filler[text.charCodeAt(i)] !== 1) remaining--;
  }
  return i;
}
