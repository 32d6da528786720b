/**
 * The listings table's data (issue 11): the page asks the core for the rows it shows — filtered,
 * sorted and paged in SQL (`checks.page`) — and fetches the next page as the user scrolls the
 * virtualised table. `version` (bumped by useListings.load after a write or a data.changed event)
 * reloads what is loaded; answers that arrive after a newer request are dropped.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ListingSummary, ListingsPageRequest } from '../../../../shared/ipc/contract';
import { call } from '../../api';
import { errorText } from '../errors/error-text';

export const LISTINGS_PAGE_SIZE = 200;
/** Fetch the next page when the scroll position is this close (px) to the end of what is loaded. */
export const LOAD_AHEAD_PX = 800;

export type ListingsTableQuery = Omit<ListingsPageRequest, 'offset' | 'limit'>;

export interface ListingsTableData {
  rows: ListingSummary[];
  /** Listings matching the filters. */
  total: number;
  /** Listings stored. */
  all: number;
  loading: boolean;
  error: string | null;
  /** Fetches the next page if there is one and none is on its way. */
  loadMore(): void;
}

export function useListingsTable(query: ListingsTableQuery, version: number): ListingsTableData {
  const [rows, setRows] = useState<ListingSummary[]>([]);
  const [total, setTotal] = useState(0);
  const [all, setAll] = useState(0);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);
  const inFlight = useRef(false);
  const loaded = useRef(0);
  const key = JSON.stringify(query);
  const keyRef = useRef(key);

  const fetchPage = useCallback(async (offset: number, limit: number, replace: boolean) => {
    const mine = generation.current;
    inFlight.current = true;
    try {
      setLoading(true);
      const page = await call('checks.page', {
        ...(JSON.parse(keyRef.current) as ListingsTableQuery),
        offset,
        limit,
      });
      if (mine !== generation.current) return;
      setTotal(page.total);
      setAll(page.all);
      setError(null);
      setRows((before) => {
        const next = replace ? page.rows : [...before.slice(0, offset), ...page.rows];
        loaded.current = next.length;
        return next;
      });
    } catch (e) {
      if (mine === generation.current) setError(errorText(e));
    } finally {
      if (mine === generation.current) {
        inFlight.current = false;
        setLoading(false);
      }
    }
  }, []);

  // New filters or sort: start from the first page.
  useEffect(() => {
    keyRef.current = key;
    generation.current++;
    loaded.current = 0;
    // Asked from a callback, not from the effect's body (no render cascade inside the effect).
    queueMicrotask(() => void fetchPage(0, LISTINGS_PAGE_SIZE, true));
  }, [key, fetchPage]);

  // Data changed: reload as many rows as are loaded (at most one request's worth).
  const firstVersion = useRef(version);
  useEffect(() => {
    if (version === firstVersion.current) return;
    generation.current++;
    const limit = Math.min(500, Math.max(LISTINGS_PAGE_SIZE, loaded.current));
    queueMicrotask(() => void fetchPage(0, limit, true));
  }, [version, fetchPage]);

  const loadMore = useCallback(() => {
    if (inFlight.current || loaded.current >= total) return;
    void fetchPage(loaded.current, LISTINGS_PAGE_SIZE, false);
  }, [fetchPage, total]);

  return { rows, total, all, loading, error, loadMore };
}
