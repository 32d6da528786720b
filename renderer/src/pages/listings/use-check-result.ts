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
}

const noFindings: Finding[] = [];
type StoreState = ReturnType<typeof useListings.getState>;

export const checkResultOf = (s: StoreState): CheckResult => ({
  findings: s.editor?.findings ?? noFindings,
  findingsFor: s.editor?.findingsFor ?? null,
  checkMs: s.editor?.checkMs ?? null,
});

/** Calls `listener` with each new check result of the open editor (not with other changes). */
export function subscribeCheckResults(listener: (result: CheckResult) => void): () => void {
  return useListings.subscribe((s, prev) => {
    if (s.editor?.findings !== prev.editor?.findings || s.editor?.findingsFor !== prev.editor?.findingsFor)
      listener(checkResultOf(s));
  });
}

/**
 * The latest check result, taken into React as a transition: rendering thousands of findings is
 * interruptible, so it never makes a keystroke wait.
 */
export function useCheckResult(): CheckResult {
  const [result, setResult] = useState(() => checkResultOf(useListings.getState()));
  useEffect(() => subscribeCheckResults((next) => startTransition(() => setResult(next))), []);
  return result;
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
