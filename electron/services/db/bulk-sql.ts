/**
 * Multi-row statements for bulk writes. Each better-sqlite3 statement call costs a few
 * microseconds whatever it does — about as much as inserting a small row — so bulk writes bind
 * BULK_ROWS rows per call: `INSERT … VALUES (…), (…), …` (a repeated key later in the list
 * updates the row its earlier occurrence wrote, as separate statements would) and
 * `… WHERE key IN (…)` lookups.
 */

/** Rows per multi-row statement (SQLite allows 32,766 parameters: 100 rows of up to 300 columns). */
export const BULK_ROWS = 100;

/** `?, ?, …`: `n` parameters (an IN list, or one VALUES row). */
export const placeholders = (n: number): string => Array.from({ length: n }, () => '?').join(', ');

/** `(?, …)`: one VALUES row of `n` parameters. */
export const paramRow = (n: number): string => `(${placeholders(n)})`;

/** `row, row, …`: a VALUES list of `rows` copies of one row (e.g. paramRow(6), or one with constants). */
export const valuesRows = (rows: number, row: string): string =>
  Array.from({ length: rows }, () => row).join(', ');

/** `items` in consecutive slices of at most `size` (the last one shorter). */
export function* chunksOf<T>(items: readonly T[], size = BULK_ROWS): Generator<T[]> {
  for (let from = 0; from < items.length; from += size) yield items.slice(from, from + size);
}
