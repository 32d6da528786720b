/**
 * The listings page's search, filters and sort, and the table query they make (filters, sort
 * and paging run in SQL, checks.page).
 */
import { useMemo, useState } from 'react';
import type { RuleId, Severity } from '../../../../shared/check/types';
import type { ListingSortField } from '../../../../shared/ipc/contract';
import type { ListingsTableQuery } from './use-listings-table';

/** The check state filter (ready, blocked, unchecked). */
export type CheckStateFilter = NonNullable<ListingsTableQuery['state']>;
export interface ListingSort {
  field: ListingSortField;
  order: 'asc' | 'desc';
}
export const defaultListingSort: ListingSort = { field: 'updatedAt', order: 'desc' };

export interface ListingFilters {
  query: string;
  setQuery(query: string): void;
  state: CheckStateFilter | undefined;
  setState(state: CheckStateFilter | undefined): void;
  rule: RuleId | undefined;
  setRule(rule: RuleId | undefined): void;
  severity: Severity | undefined;
  setSeverity(severity: Severity | undefined): void;
  sort: ListingSort;
  setSort(sort: ListingSort): void;
  /** The column's sort order as antd's Table wants it. */
  sortOrder(field: ListingSortField): 'ascend' | 'descend' | null;
  tableQuery: ListingsTableQuery;
}

export function useListingFilters(): ListingFilters {
  const [query, setQuery] = useState('');
  const [state, setState] = useState<CheckStateFilter | undefined>();
  const [rule, setRule] = useState<RuleId | undefined>();
  const [severity, setSeverity] = useState<Severity | undefined>();
  const [sort, setSort] = useState<ListingSort>(defaultListingSort);
  const tableQuery = useMemo(
    () => ({
      sort,
      ...(query.trim() ? { query: query.trim() } : {}),
      ...(state ? { state } : {}),
      ...(rule ? { rule } : {}),
      ...(severity ? { severity } : {}),
    }),
    [sort, query, state, rule, severity],
  );
  const sortOrder = (field: ListingSortField) =>
    sort.field === field ? (sort.order === 'asc' ? ('ascend' as const) : ('descend' as const)) : null;
  return {
    query,
    setQuery,
    state,
    setState,
    rule,
    setRule,
    severity,
    setSeverity,
    sort,
    setSort,
    sortOrder,
    tableQuery,
  };
}
