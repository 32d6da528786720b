/** Import and export of listing files (formats.md §1). */
import type { ImportFileResult, ListingRecord } from '../../shared/ipc/contract';
import type { CallContext } from '../../shared/ipc/dispatch';
import { parseListingFileInSlices, type ListingFileResult } from '../../shared/listing/parse';
import type { Listing } from '../../shared/listing/schema';
import type { ListingChecker } from './checks/listing-checker';
import type { Store } from './db/database';
import type { ListingsRepository } from './repositories/listings-repository';

/**
 * One transaction holds at most this much work (ms) before it commits and lets other requests in,
 * so an import of 10,000 listings never makes another request wait longer than about this.
 */
export const IMPORT_SLICE_MS = 25;

const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Each listing is stored and checked in the same transaction (its summary is in its row at once).
 * A file is committed in time-sliced batches, and a crash keeps every batch already committed;
 * a file of up to `wholeFileUpTo` listings is one batch (all or nothing). A bad file stores
 * nothing. On cancel (`call.signal`) the current file stops after its last committed batch and
 * reports `cancelled`; later files are not started. A file that fails in an unexpected way is
 * reported as that file's failure (its open batch rolled back); the call itself never fails after
 * earlier files were committed, so the answer stays true.
 */
export async function importListingFiles(
  deps: { repo: ListingsRepository; checker: ListingChecker; store: Store },
  files: { name: string; text: string }[],
  call: CallContext,
  wholeFileUpTo = 500,
): Promise<ImportFileResult[]> {
  // Validated in slices, yielding between them: a file of 2,000 listings takes a few hundred ms
  // to validate, which other requests would otherwise wait behind (the profile of bench:scale).
  const parsed: { name: string; parsed: ListingFileResult }[] = [];
  for (const { name, text } of files) {
    parsed.push({ name, parsed: await parseListingFileInSlices(text, yieldToOthers, IMPORT_SLICE_MS) });
    await yieldToOthers();
  }
  const total = parsed.reduce((n, f) => n + (f.parsed.ok ? f.parsed.listings.length : 0), 0);
  let done = 0;
  call.progress(0, total);
  const results: ImportFileResult[] = [];
  for (const { name, parsed: file } of parsed) {
    if (!file.ok) {
      results.push({
        name,
        ok: false,
        imported: 0,
        localIds: [],
        problems: file.problems.map(({ kind: _kind, ...p }) => p),
      });
      continue;
    }
    if (call.signal.aborted) {
      results.push({ name, ok: false, imported: 0, localIds: [], cancelled: true, problems: [] });
      continue;
    }
    const localIds: string[] = [];
    const listings = file.listings;
    let added = 0;
    let updated = 0;
    // A listing whose `id` is stored already is updated, not added a second time (issue 17).
    const store = (batch: Listing[]) =>
      deps.store.write(() => {
        const outcomes = deps.repo.upsertMany(batch);
        const records: ListingRecord[] = outcomes.map((o) => o.record);
        deps.checker.checkAndRecord(records);
        const batchAdded = outcomes.filter((o) => o.action === 'added').length;
        added += batchAdded;
        updated += outcomes.length - batchAdded;
        return records.map((r) => r.localId);
      });
    let at = 0;
    try {
      if (listings.length <= wholeFileUpTo) {
        localIds.push(...store(listings));
        at = listings.length;
      } else {
        // Time-sliced: grow the batch while it stays under the slice, yield between batches.
        let size = 20;
        while (at < listings.length && !call.signal.aborted) {
          const started = performance.now();
          localIds.push(...store(listings.slice(at, at + size)));
          at = Math.min(listings.length, at + size);
          const ms = performance.now() - started;
          size = Math.max(1, Math.min(1000, Math.round((size * IMPORT_SLICE_MS) / Math.max(ms, 1))));
          call.progress(done + at, total);
          await yieldToOthers();
        }
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      done += at;
      results.push({
        name,
        ok: false,
        imported: localIds.length,
        added,
        updated,
        localIds,
        problems: [
          {
            path: '',
            message: `未导入（已保存 ${localIds.length} 条）/ not imported (${localIds.length} saved): ${message}`,
          },
        ],
      });
      continue;
    }
    done += at;
    call.progress(done, total);
    const cancelled = at < listings.length;
    results.push({
      name,
      ok: !cancelled,
      imported: localIds.length,
      added,
      updated,
      localIds,
      problems: [],
      ...(cancelled ? { cancelled: true } : {}),
    });
    await yieldToOthers();
  }
  return results;
}

export function exportListingsFile(
  records: ListingRecord[],
  now: Date,
): { fileName: string; text: string; count: number } {
  const stamp = now.toISOString().slice(0, 10).replaceAll('-', '');
  const only = records.length === 1 ? records[0] : undefined;
  // One listing exports as a plain §1 file, several as { listings: [...] } — both import back.
  const body = only ? only.listing : { listings: records.map((r) => r.listing) };
  const base = only ? (only.listing.id ?? 'listing') : 'listings';
  return {
    fileName: `vendordesk-${base.replace(/[^\w.-]+/g, '_')}-${stamp}.json`,
    text: `${JSON.stringify(body, null, 2)}\n`,
    count: records.length,
  };
}
