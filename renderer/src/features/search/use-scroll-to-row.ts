/** A deep-linked row of a paged table (a violation, a ticket) scrolled into view. */
import { useEffect, useRef } from 'react';

/** Scrolls the highlighted row into view once it is on screen (once per link). */
export function useScrollToRow(key: string | null, shown: boolean): void {
  const done = useRef<string | null>(null);
  useEffect(() => {
    if (!key || !shown || done.current === key) return;
    done.current = key;
    document.querySelector(`[data-row-key="${CSS.escape(key)}"]`)?.scrollIntoView({ block: 'center' });
  }, [key, shown]);
}
