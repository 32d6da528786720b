/**
 * The dismissed findings of the listing being edited (issue 15): loaded from main, applied to the
 * live findings by fingerprint (shared/check/dismissals.ts), so a dismissal disappears as soon
 * as the matched sentence is edited and comes back if the text is restored.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { applyDismissals, type Dismissal, type DismissedFinding } from '../../../../shared/check/dismissals';
import type { Finding } from '../../../../shared/check/types';
import type { Listing } from '../../../../shared/listing/schema';
import { call } from '../../api';

export function useDismissals(localId: string | null, listing: Listing | null, findings: Finding[]) {
  // Keyed by listing, so switching listings never shows another listing's dismissals.
  const [state, setState] = useState<{ localId: string | null; list: Dismissal[] }>({
    localId: null,
    list: [],
  });
  const list = useMemo(() => (state.localId === localId ? state.list : []), [state, localId]);
  const setList = useCallback(
    (update: (l: Dismissal[]) => Dismissal[]) =>
      setState((s) => ({ localId, list: update(s.localId === localId ? s.list : []) })),
    [localId],
  );
  useEffect(() => {
    if (!localId) return;
    let live = true;
    call('checks.dismissals', { localId })
      .then((d) => {
        if (live) setState({ localId, list: d });
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [localId]);
  const shown: DismissedFinding[] = useMemo(
    () => (listing && list.length ? applyDismissals(listing, findings, list) : findings),
    [listing, findings, list],
  );
  const dismiss = useCallback(
    async (finding: Finding, reason: string) => {
      if (!localId) return;
      const d = await call('checks.dismiss', {
        localId,
        ruleId: finding.ruleId,
        field: finding.field,
        ...(finding.start !== undefined ? { start: finding.start, end: finding.end } : {}),
        reason,
      });
      setList((l) => [...l.filter((x) => x.fingerprint !== d.fingerprint), d]);
    },
    [localId, setList],
  );
  const restore = useCallback(
    async (fingerprint: string) => {
      if (!localId) return;
      await call('checks.restore', { localId, fingerprint });
      setList((l) => l.filter((x) => x.fingerprint !== fingerprint));
    },
    [localId, setList],
  );
  return { shown, dismiss: localId ? dismiss : undefined, restore, list };
}
