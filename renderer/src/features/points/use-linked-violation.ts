/**
 * Deep links into the server-paged violations table (issue 17).
 */
import { useEffect, useRef } from 'react';
import { call } from '../../api';
import { PAGE_SIZE } from '../search/server-paging';

/**
 * A deep link to a violation ("/points?violation=V-1", an alert's Open): the table is paged in SQL,
 * so the core says which page holds it (`around`) and the table turns to that page. Each
 * navigation asks again (a new params object), also after the user paged away. Returns the id to
 * highlight.
 */
export function useLinkedViolation(
  params: Record<string, string>,
  search: string,
  setPageIndex: (page: number) => void,
): string | null {
  const id = params.violation ?? null;
  // The search at the moment of the link, without asking again on each keystroke.
  const searchNow = useRef(search);
  useEffect(() => {
    searchNow.current = search;
  });
  useEffect(() => {
    if (id === null) return;
    let live = true;
    const query = searchNow.current;
    call('compliance.violations', {
      offset: 0,
      limit: PAGE_SIZE,
      around: id,
      ...(query ? { query } : {}),
    }).then(
      (page) => live && setPageIndex(page.offset / PAGE_SIZE + 1),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [id, params, setPageIndex]);
  return id;
}
