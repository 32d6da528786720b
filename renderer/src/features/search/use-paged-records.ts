/**
 * One page of a records table (issue 17: the ledger and violations tables), searched and paged in
 * SQL (`compliance.ledger`, `compliance.violations`) like the tickets table. `version` (the
 * snapshot's instant) reloads the page after a save, an import or a delete; answers that arrive
 * after a newer request are dropped. The rows of the last answer stay while the next one loads.
 */
import { useEffect, useRef, useState } from 'react';
import type { RequestOf, ResponseOf } from '../../../../shared/ipc/contract';
import { call } from '../../api';
import { errorText } from '../errors/error-text';

type PagedChannel = 'compliance.ledger' | 'compliance.violations';
type RowOf<C extends PagedChannel> = ResponseOf<C>['rows'][number];

export interface PagedRecords<R> {
  rows: R[];
  total: number;
  loading: boolean;
  error: string | null;
}

export function usePagedRecords<C extends PagedChannel>(
  channel: C,
  request: RequestOf<C>,
  version: unknown,
): PagedRecords<RowOf<C>> {
  const key = JSON.stringify([channel, request, version]);
  // `key`: the request the state answers; loading while it is not the current one.
  const [state, setState] = useState<Omit<PagedRecords<RowOf<C>>, 'loading'> & { key: string | null }>({
    rows: [],
    total: 0,
    error: null,
    key: null,
  });
  const generation = useRef(0);
  useEffect(() => {
    const mine = ++generation.current;
    const [c, r] = JSON.parse(key) as [C, RequestOf<C>];
    call(c, r).then(
      (answer) => {
        if (mine === generation.current)
          setState({ rows: answer.rows as RowOf<C>[], total: answer.total, error: null, key });
      },
      (error: unknown) => {
        if (mine === generation.current) setState((s) => ({ ...s, key, error: errorText(error) }));
      },
    );
  }, [key]);
  return { rows: state.rows, total: state.total, error: state.error, loading: state.key !== key };
}
