/**
 * The live check's result as the editor's parts take it from the store. Each part subscribes to
 * what it shows, so a check result (thousands of findings on a long description) re-renders the
 * findings column and the two highlighted text areas, never the whole form.
 */
import { startTransition, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Finding } from '../../../../shared/check/types';
import type { Listing } from '../../../../shared/listing/schema';
import { useListings } from '../../stores/listings-store';

export interface CheckResult {
  findings: Finding[];
  /** The draft the findings are for (their offsets are into it). */
  findingsFor: Listing | null;
  checkMs: number | null;
  /** A check of text being typed (results stream in, one per keystroke). */
  typed: boolean;
}

const noFindings: Finding[] = [];
type StoreState = ReturnType<typeof useListings.getState>;

export const checkResultOf = (s: StoreState): CheckResult => ({
  findings: s.editor?.findings ?? noFindings,
  findingsFor: s.editor?.findingsFor ?? null,
  checkMs: s.editor?.checkMs ?? null,
  typed: s.editor?.findingsTyped ?? false,
});

/** Calls `listener` with each new check result of the open editor (not with other changes). */
export function subscribeCheckResults(listener: (result: CheckResult) => void): () => void {
  return useListings.subscribe((s, prev) => {
    if (s.editor?.findings !== prev.editor?.findings || s.editor?.findingsFor !== prev.editor?.findingsFor)
      listener(checkResultOf(s));
  });
}

/**
 * What a view shows of the latest check result (`select`), taken into React as a transition
 * and only when it changed (`equal`): typing in the description streams a result per keystroke
 * that leaves the title's highlights as they were, and each render scheduled for nothing would
 * also restart the transition of any larger view waiting to render.
 */
export function useCheckResultOf<T>(select: (result: CheckResult) => T, equal: (a: T, b: T) => boolean): T {
  const [value, setValue] = useState(() => select(checkResultOf(useListings.getState())));
  const latest = useRef({ select, equal, value });
  useLayoutEffect(() => {
    latest.current = { select, equal, value };
  });
  useEffect(
    () =>
      subscribeCheckResults((next) => {
        const { select: pick, equal: same } = latest.current;
        const picked = pick(next);
        if (same(latest.current.value, picked)) return;
        latest.current.value = picked;
        startTransition(() => setValue(picked));
      }),
    [],
  );
  return value;
}

/**
 * Check results closer together than this are a stream (typing: one per keystroke); a view that
 * follows them settled takes the stream's last result once it has paused this long.
 */
export const RESULTS_SETTLE_MS = 300;

/**
 * The latest check result for a view too large to re-render per keystroke (the findings column:
 * a few hundred rows of antd components, 40–60 ms of rendering per result on a 100 KB text).
 * A result after a pause is taken at once (a fix, a jump, a check that finished); a result of
 * typing, and any while results stream in, waits until they pause. Not the first keystroke's at
 * once: its render (a transition) would be thrown away and restarted by every later keystroke's
 * render of the field typed in, and never commit while typing went on — the UI thread busy
 * with it between all keystrokes. The editor's own marks follow every result
 * (subscribeCheckResults), so what is under the cursor is never behind; a jump or fix from a
 * column that is behind maps through the edits made since (text-versions.ts), and a fix that no
 * longer fits is refused with a message.
 */
export function useSettledCheckResult(): CheckResult {
  const [result, setResult] = useState(() => checkResultOf(useListings.getState()));
  useEffect(() => {
    const follow = settled((next: CheckResult) => startTransition(() => setResult(next)), RESULTS_SETTLE_MS);
    const stop = subscribeCheckResults((next) => follow.offer(next, next.typed));
    return () => {
      stop();
      follow.cancel();
    };
  }, []);
  return result;
}

/**
 * Passes on what is offered: at once when the previous offer is at least `ms` old, otherwise the
 * newest offer once offers have paused for `ms`; an offer made with `wait` always waits so.
 */
export function settled<T>(
  take: (value: T) => void,
  ms: number,
): { offer(value: T, wait?: boolean): void; cancel(): void } {
  let last = -Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    offer(value, wait = false) {
      const now = performance.now();
      const streaming = wait || timer !== undefined || now - last < ms;
      last = now;
      clearTimeout(timer);
      timer = undefined;
      if (!streaming) return take(value);
      timer = setTimeout(() => {
        timer = undefined;
        take(value);
      }, ms);
    },
    cancel() {
      clearTimeout(timer);
      timer = undefined;
    },
  };
}

/**
 * A callback with a stable identity that always runs the latest render's function: memoised
 * children then skip re-rendering when only their parent did.
 */
export function useStableCallback<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  const latest = useRef(fn);
  useLayoutEffect(() => {
    latest.current = fn;
  });
  return useCallback((...args: A) => latest.current(...args), []);
}
