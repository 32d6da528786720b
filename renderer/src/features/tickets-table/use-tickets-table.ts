/**
 * The Service page's tickets table data (issue 11): one page of tickets with their SLA results,
 * filtered, sorted and paged in SQL (`compliance.tickets`), so a million stored tickets never
 * cross the bridge. `version` (the snapshot's instant) reloads the page after a save, an import
 * or time passing a deadline; answers that arrive after a newer request are dropped.
 *
 * Paging to a neighbouring page goes by keyset: the request names the shown page's last row
 * (`after`) or first row (`before`) and the database seeks there through its index, instead of
 * stepping over every row before the page (an offset a million rows deep took over a second).
 */
import { useEffect, useRef, useState } from 'react';
import type { TicketsPageRequest, TicketWithSlaRecord } from '../../../../shared/ipc/contract';
import { call } from '../../api';
import { errorText } from '../errors/error-text';

export type TicketsTableQuery = Omit<TicketsPageRequest, 'offset' | 'limit' | 'after' | 'before'>;

export interface TicketsTableData {
  rows: TicketWithSlaRecord[];
  total: number;
  loading: boolean;
  error: string | null;
}

/** The page last shown: where it is and the cursors of its first and last row. */
export interface TicketsPageAnchor {
  queryKey: string;
  offset: number;
  limit: number;
  total: number;
  firstCursor: string | null;
  lastCursor: string | null;
}

/**
 * The request for the page at `page.offset`: from the shown page's cursor when the rows to skip
 * from there are fewer than from either end of the list (the core reads an offset in the back
 * half from the end), else by plain offset.
 */
export function ticketsPageRequest(
  query: TicketsTableQuery,
  page: { offset: number; limit: number },
  anchor: TicketsPageAnchor | null,
): TicketsPageRequest {
  const plain = { ...query, offset: page.offset, limit: page.limit };
  if (!anchor || anchor.queryKey !== JSON.stringify(query) || anchor.limit !== page.limit) return plain;
  const fromEnds = Math.min(page.offset, Math.max(0, anchor.total - page.offset - page.limit));
  const afterSkip = page.offset - (anchor.offset + anchor.limit);
  if (anchor.lastCursor !== null && afterSkip >= 0 && afterSkip < fromEnds)
    return { ...query, offset: afterSkip, limit: page.limit, after: anchor.lastCursor };
  const beforeSkip = anchor.offset - (page.offset + page.limit);
  if (anchor.firstCursor !== null && beforeSkip >= 0 && beforeSkip < fromEnds)
    return { ...query, offset: beforeSkip, limit: page.limit, before: anchor.firstCursor };
  return plain;
}

export function useTicketsTable(
  query: TicketsTableQuery,
  page: { offset: number; limit: number },
  version: unknown,
): TicketsTableData {
  const [state, setState] = useState<TicketsTableData>({ rows: [], total: 0, loading: true, error: null });
  const generation = useRef(0);
  const anchor = useRef<TicketsPageAnchor | null>(null);
  const key = JSON.stringify([query, page, version]);
  useEffect(() => {
    const mine = ++generation.current;
    const [q, p] = JSON.parse(key) as [TicketsTableQuery, { offset: number; limit: number }];
    call('compliance.tickets', ticketsPageRequest(q, p, anchor.current)).then(
      (answer) => {
        if (mine !== generation.current) return;
        anchor.current = {
          queryKey: JSON.stringify(q),
          offset: p.offset,
          limit: p.limit,
          total: answer.total,
          firstCursor: answer.firstCursor,
          lastCursor: answer.lastCursor,
        };
        setState({ rows: answer.rows, total: answer.total, loading: false, error: null });
      },
      (error: unknown) => {
        if (mine === generation.current)
          setState((s) => ({
            ...s,
            loading: false,
            error: errorText(error),
          }));
      },
    );
  }, [key]);
  return state;
}
