import { useEffect } from 'react';
import { useCompliance } from '../../stores/compliance-store';

/**
 * Loads the engines' snapshot when a compliance page opens. It is reloaded when the core says the
 * data changed (core-events.ts), never on a timer; countdowns tick locally.
 */
export function useSnapshot() {
  const load = useCompliance((s) => s.load);
  useEffect(() => {
    void load();
  }, [load]);
  return useCompliance();
}
