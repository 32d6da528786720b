/**
 * Deep links into the keyset-paged tickets table (issue 17): "/service?ticket=T-1" (an alert's
 * Open, a ticket on the Overview) turns the table to the page that holds the ticket.
 */
import { useEffect, useRef } from 'react';
import { call } from '../../api';
import { PAGE_SIZE } from '../search/server-paging';
import type { TicketsTableQuery } from './use-tickets-table';

const filtersOf = ({ sort: _sort, ...filters }: TicketsTableQuery) => filters;

/**
 * The core says which page holds the linked ticket under the table's sort and filters (`around`)
 * and the table turns to it. A ticket the filters hide is looked for without them, and the
 * filters are cleared (`clearFilters`) so the table shows it. Each navigation asks again (a new
 * params object), also after the user paged away. Returns the id to highlight.
 */
export function useLinkedTicket(
  params: Record<string, string>,
  query: TicketsTableQuery,
  setPageIndex: (page: number) => void,
  clearFilters: () => void,
): string | null {
  const id = params.ticket ?? null;
  // The table's query at the moment of the link, without asking again on each change of it.
  const queryNow = useRef(query);
  const clear = useRef(clearFilters);
  useEffect(() => {
    queryNow.current = query;
    clear.current = clearFilters;
  });
  useEffect(() => {
    if (id === null) return;
    let live = true;
    const pageOf = async (q: TicketsTableQuery) => {
      const page = await call('compliance.tickets', { ...q, offset: 0, limit: PAGE_SIZE, around: id });
      return { found: page.rows.some((r) => String(r.id) === id), offset: page.offset };
    };
    void (async () => {
      const q = queryNow.current;
      let page = await pageOf(q);
      if (!page.found && Object.keys(filtersOf(q)).length > 0) {
        const unfiltered = await pageOf(q.sort ? { sort: q.sort } : {});
        if (!live || !unfiltered.found) return;
        clear.current();
        page = unfiltered;
      }
      if (live && page.found) setPageIndex(page.offset / PAGE_SIZE + 1);
    })().catch(() => undefined); // a failed lookup leaves the table as it is
    return () => {
      live = false;
    };
  }, [id, params, setPageIndex]);
  return id;
}
