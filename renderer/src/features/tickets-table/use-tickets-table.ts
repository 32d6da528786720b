/**
 * The Service page's tickets table data (issue 11): one page of tickets with their SLA results,
 * filtered, sorted and paged in SQL (`compliance.tickets`), so a million stored tickets never
 * cross the bridge. `version` (the snapshot's instant) reloads the page after a save, an import
 * or time passing a deadline; answers that arrive after a newer request are dropped.
 */
import { useEffect, useRef, useState } from 'react';
import type { TicketsPageRequest, TicketWithSlaRecord } from '../../../../shared/ipc/contract';
import { call } from '../../api';

export type TicketsTableQuery = Omit<TicketsPageRequest, 'offset' | 'limit'>;

export interface TicketsTableData {
  rows: TicketWithSlaRecord[];
  total: number;
  loading: boolean;
  error: string | null;
}

export function useTicketsTable(
  query: TicketsTableQuery,
  page: { offset: number; limit: number },
  version: unknown,
): TicketsTableData {
  const [state, setState] = useState<TicketsTableData>({ rows: [], total: 0, loading: true, error: null });
  const generation = useRef(0);
  const key = JSON.stringify([query, page, version]);
  useEffect(() => {
    const mine = ++generation.current;
    const [q, p] = JSON.parse(key) as [TicketsTableQuery, { offset: number; limit: number }];
    call('compliance.tickets', { ...q, ...p }).then(
      (answer) => {
        if (mine === generation.current)
          setState({ rows: answer.rows, total: answer.total, loading: false, error: null });
      },
      (error: unknown) => {
        if (mine === generation.current)
          setState((s) => ({
            ...s,
            loading: false,
            error: error instanceof Error ? error.message : String(error),
          }));
      },
    );
  }, [key]);
  return state;
}
