/**
 * The search box above a table (issue 17): a labelled search field (its label is its accessible
 * name, the hint says what it matches), reached with Tab, cleared with Esc or its × button. It
 * reports the trimmed text after a short pause in typing, so each keystroke does not query SQL.
 */
import { SearchOutlined } from '@ant-design/icons';
import { Input } from 'antd';
import { useEffect, useRef, useState } from 'react';

/** Typing pause (ms) before the text is searched. */
export const SEARCH_DEBOUNCE_MS = 250;

export function TableSearch({
  label,
  hint,
  onSearch,
  width = 280,
  testId,
}: {
  /** Accessible name, e.g. "搜索工单". */
  label: string;
  /** The placeholder: what the search matches. */
  hint: string;
  onSearch: (text: string) => void;
  width?: number;
  testId?: string;
}) {
  const [text, setText] = useState('');
  const report = useRef(onSearch);
  useEffect(() => {
    report.current = onSearch;
  });
  const last = useRef('');
  useEffect(() => {
    const trimmed = text.trim();
    if (trimmed === last.current) return;
    const timer = setTimeout(() => {
      last.current = trimmed;
      report.current(trimmed);
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);
  return (
    <Input
      type="search"
      role="searchbox"
      aria-label={label}
      placeholder={hint}
      title={hint}
      allowClear
      prefix={<SearchOutlined aria-hidden />}
      value={text}
      onChange={(e) => setText(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && text !== '') {
          e.stopPropagation();
          setText('');
        }
      }}
      style={{ width }}
      data-testid={testId}
    />
  );
}
