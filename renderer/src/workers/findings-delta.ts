/**
 * A check result as a change of the previous one, for the trip from the check worker to the UI
 * thread. After a keystroke in a 100 KB description nearly every finding is one of the previous
 * result, moved by the length of the edit; sending all of them again (1.7 MB for 2,500 findings)
 * made the UI thread spend tens of milliseconds per keystroke taking them in. A delta carries the
 * few new findings whole and the rest as runs of the previous list, each run with its shift.
 *
 * Both ends keep the list last sent: the worker diffs against it, the client applies to it.
 */
import type { Finding } from '../../../shared/check/types';

/** `count` findings of the previous list from `from`, their offsets moved by `shift`. */
export type DeltaOp = { from: number; count: number; shift: number } | { add: Finding[] };

export interface FindingsDelta {
  /** Length of the previous list the ops refer to (a mismatch means the ends disagree). */
  base: number;
  ops: DeltaOp[];
}

/** A finding moved by `by` characters within its own field (its fix's edits there too). */
export function shiftFinding(f: Finding, by: number): Finding {
  if (by === 0 || f.start === undefined || f.end === undefined) return f;
  const out: Finding = { ...f, start: f.start + by, end: f.end + by };
  if (f.fix)
    out.fix = {
      ...f.fix,
      edits: f.fix.edits.map((e) =>
        e.field === f.field ? { ...e, start: e.start + by, end: e.end + by } : e,
      ),
    };
  return out;
}

/**
 * What a finding is apart from where it is: equal keys differ by a shift only. A finding that is
 * another one moved (`movedFrom`) has that one's key: after a keystroke that is most findings of
 * a long text, and stringifying each of them again was most of the worker's time per keystroke.
 */
function keyOf(
  f: Finding,
  cache: WeakMap<Finding, string>,
  movedFrom?: ReadonlyMap<Finding, Finding>,
): string {
  let key = cache.get(f);
  const origin = key === undefined ? movedFrom?.get(f) : undefined;
  if (origin) {
    key = keyOf(origin, cache);
    cache.set(f, key);
  }
  if (key === undefined) {
    const at = f.start ?? 0;
    key = JSON.stringify(
      f.start === undefined
        ? f
        : {
            ...f,
            start: 0,
            end: f.end! - at,
            ...(f.fix
              ? {
                  fix: {
                    ...f.fix,
                    edits: f.fix.edits.map((e) =>
                      e.field === f.field ? { ...e, start: e.start - at, end: e.end - at } : e,
                    ),
                  },
                }
              : {}),
          },
    );
    cache.set(f, key);
  }
  return key;
}

/**
 * The ops that turn `prev` into `next` (`next` is not changed; its findings may be `prev`'s).
 * `movedFrom`: findings of `next` that are a finding moved (shiftFinding), with that finding.
 */
export function diffFindings(
  prev: readonly Finding[],
  next: readonly Finding[],
  cache = new WeakMap<Finding, string>(),
  movedFrom?: ReadonlyMap<Finding, Finding>,
): FindingsDelta {
  // Where each kind of finding sits in the previous list, in order (used once each).
  const where = new Map<string, number[]>();
  prev.forEach((f, i) => {
    const k = keyOf(f, cache);
    const list = where.get(k);
    if (list) list.push(i);
    else where.set(k, [i]);
  });
  const used = new Map<string, number>();
  const ops: DeltaOp[] = [];
  const push = (op: DeltaOp) => {
    const last = ops.at(-1);
    if (
      last &&
      'from' in last &&
      'from' in op &&
      last.from + last.count === op.from &&
      last.shift === op.shift
    )
      last.count += op.count;
    else if (last && 'add' in last && 'add' in op) last.add.push(...op.add);
    else ops.push(op);
  };
  for (const f of next) {
    const k = keyOf(f, cache, movedFrom);
    const list = where.get(k);
    const n = used.get(k) ?? 0;
    const i = list?.[n];
    if (i === undefined) {
      push({ add: [f] });
      continue;
    }
    used.set(k, n + 1);
    push({ from: i, count: 1, shift: (f.start ?? 0) - (prev[i]!.start ?? 0) });
  }
  return { base: prev.length, ops };
}

/** The list a delta describes, given the previous list it was made against. */
export function applyFindingsDelta(prev: readonly Finding[], delta: FindingsDelta): Finding[] {
  if (delta.base !== prev.length)
    throw new Error(`findings delta against ${delta.base} findings, but ${prev.length} are held`);
  const out: Finding[] = [];
  for (const op of delta.ops) {
    if ('add' in op) {
      out.push(...op.add);
      continue;
    }
    if (op.from < 0 || op.from + op.count > prev.length) throw new Error('findings delta out of range');
    for (let i = op.from; i < op.from + op.count; i++) out.push(shiftFinding(prev[i]!, op.shift));
  }
  return out;
}
