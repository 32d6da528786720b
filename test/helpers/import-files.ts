/**
 * Big import files made on the fly (never committed): formats.md §1 listings and §3 tickets,
 * written to disk as a stream so that the test itself never holds the whole file either.
 */
import fs from 'node:fs';
import path from 'node:path';

const base = JSON.parse(
  fs.readFileSync(path.resolve(import.meta.dirname, '../fixtures/listings/clean-saas-crm.json'), 'utf8'),
) as Record<string, unknown>;

/** The listing `i` of a generated file (`prefix` makes the ids). */
export const generatedListing = (i: number, prefix = 'GEN') => ({
  ...base,
  id: `${prefix}-${i}`,
  title: `批量商品 ${prefix} ${i}`,
});

const kinds = ['consultation', 'complaint', 'after-sales-email'];
const start = Date.parse('2026-01-05T00:00:00+08:00');

/** The ticket `k` of a generated file: distinct ids, one in seven not yet answered. */
export const generatedTicket = (k: number, prefix = 'T') => {
  const opened = start - k * 30_000;
  return {
    id: `${prefix}-${k}`,
    kind: kinds[k % 3],
    openedAt: new Date(opened).toISOString(),
    firstResponseAt: k % 7 === 0 ? null : new Date(opened + 20_000).toISOString(),
  };
};

/** Writes `{ "<list>": [record(0), …, record(n-1)] }` plus `tail` after it; resolves with its size in bytes. */
export async function writeRecordsFile(
  file: string,
  list: string,
  n: number,
  record: (i: number) => unknown,
  tail = '}\n',
): Promise<number> {
  const out = fs.createWriteStream(file);
  const write = (text: string) =>
    out.write(text) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', () => resolve()));
  await write(`{"${list}":[\n`);
  let chunk = '';
  for (let i = 0; i < n; i++) {
    chunk += (i ? ',\n' : '') + JSON.stringify(record(i));
    if (chunk.length > 1 << 16) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(`${chunk}\n]${tail}`);
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
  return fs.statSync(file).size;
}
