import { useEffect } from 'react';
import { SNAPSHOT_REFRESH_MS, useCompliance } from '../../stores/compliance-store';

/** Loads the engines' snapshot when a compliance page opens and re-runs them while it stays open. */
export function useSnapshot() {
  const load = useCompliance((s) => s.load);
  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), SNAPSHOT_REFRESH_MS);
    return () => clearInterval(timer);
  }, [load]);
  return useCompliance();
}
