/**
 * Paging of a compliance table whose rows the core pages and searches in SQL (tickets, ledger,
 * violations): one page size, and a new search starts again at the first page.
 */
import type { TablePaginationConfig } from 'antd';
import { useState } from 'react';

export const PAGE_SIZE = 20;

export function useServerPaging() {
  const [search, setSearchText] = useState('');
  const [pageIndex, setPageIndex] = useState(1);
  const setSearch = (text: string) => {
    setPageIndex(1);
    setSearchText(text);
  };
  /** Ant Design's pagination for `total` rows (pass `onChange: false` when the table's own onChange pages). */
  const pagination = (total: number, ownChange = true): TablePaginationConfig => ({
    pageSize: PAGE_SIZE,
    current: pageIndex,
    total,
    hideOnSinglePage: true,
    showSizeChanger: false,
    ...(ownChange ? { onChange: setPageIndex } : {}),
  });
  return { search, setSearch, pageIndex, setPageIndex, pagination };
}
