/** Import and export of listing files (formats.md §1). */
import type { ImportFile, ImportFileResult, ListingRecord, Locale } from '../../shared/ipc/contract';
import { importLimits } from '../../shared/ipc/contract';
import type { CallContext } from '../../shared/ipc/dispatch';
import { zodProblems } from '../../shared/listing/parse';
import { listingSchema, type Listing } from '../../shared/listing/schema';
import type { ListingChecker } from './checks/listing-checker';
import type { Store } from './db/database';
import { readFileWhole, type FileImportContext } from './imports/file-import';
import type { ListingsRepository } from './repositories/listings-repository';
import { textIn } from './text';

/** Listings stored (and checked) in one transaction when a file has no more (~0.5 ms each). */
const WHOLE_UP_TO = 200;

/** A listing's JSON may be at most this long: the editor opens what import accepted (issue 17). */
const MAX_LISTING_CHARS = importLimits.maxInlineChars;

/**
 * Each file is read and validated whole first (imports/staged-import.ts): a file with a bad
 * listing or broken JSON anywhere stores nothing and names every problem. A good file is stored
 * in time-sliced batches, each listing checked in the same transaction as it is stored (its
 * summary is in its row at once); a listing whose `id` is stored already is updated (issue 17).
 * On cancel (`call.signal`) the current file stops after its last committed batch and reports
 * `cancelled`; later files are not started. A file that fails in an unexpected way is that file's
 * result; the call itself never fails after earlier files were committed, so the answer stays true.
 */
export async function importListingFiles(
  deps: { repo: ListingsRepository; checker: ListingChecker; store: Store },
  files: ImportFile[],
  call: CallContext,
  context: FileImportContext,
): Promise<ImportFileResult[]> {
  const t = textIn(context.locale, 'imports');
  const results: ImportFileResult[] = [];
  for (const file of files) {
    const localIds: string[] = [];
    let added = 0;
    let updated = 0;
    const outcome = await readFileWhole(file, call, context, {
      arrays: ['listings'],
      // Bytes of JSON: a listing of MAX_LISTING_CHARS Chinese characters is up to three times that.
      maxRecordBytes: 3 * MAX_LISTING_CHARS + 1_000_000,
      record: (_array, index, value, line, problems, bytes) =>
        validListing(value, `listings[${index}]`, line, problems, context.locale, bytes),
      // formats.md §1: `{ "listings": [...] }`, or one listing as the whole file.
      plan: (top, staged, problems) => {
        const store = (batch: unknown[]) =>
          deps.store.write(() => {
            const outcomes = deps.repo.upsertMany(batch as Listing[]);
            const records: ListingRecord[] = outcomes.map((o) => o.record);
            deps.checker.checkAndRecord(records);
            for (const o of outcomes) {
              if (o.action === 'added') added++;
              else updated++;
              localIds.push(o.record.localId);
            }
          });
        if ('listings' in top) {
          if (!Array.isArray(top.listings))
            problems.add({ path: 'listings', message: t('problems.listingsNotArray') });
          return { array: 'listings', total: staged.count('listings'), store, wholeUpTo: WHOLE_UP_TO };
        }
        const single = validListing(top, '', undefined, problems, context.locale, Infinity);
        return single
          ? { array: 'listings', total: 1, extra: [single], store, wholeUpTo: WHOLE_UP_TO }
          : null;
      },
    });
    results.push({ ...outcome, imported: outcome.stored, added, updated, localIds });
    if (call.signal.aborted) {
      for (const rest of files.slice(results.length)) {
        results.push({
          name: rest.name,
          ok: false,
          imported: 0,
          localIds: [],
          cancelled: true,
          problems: [],
        });
        await context.discard(rest);
      }
      break;
    }
  }
  return results;
}

function validListing(
  value: unknown,
  prefix: string,
  line: number | undefined,
  problems: { add(p: { path: string; message: string; line?: number }): void },
  locale: Locale,
  /** The listing's size as read; only one that may be too long is measured again. */
  bytes: number,
): Listing | undefined {
  const parsed = listingSchema.safeParse(value);
  if (!parsed.success) {
    for (const { kind: _kind, ...p } of zodProblems(parsed.error, prefix))
      problems.add(line === undefined ? p : { ...p, line });
    return undefined;
  }
  if (bytes > MAX_LISTING_CHARS && JSON.stringify(parsed.data).length > MAX_LISTING_CHARS) {
    problems.add({
      path: prefix,
      message: textIn(locale, 'imports')('problems.listingTooLong', {
        max: MAX_LISTING_CHARS.toLocaleString(locale),
      }),
      ...(line === undefined ? {} : { line }),
    });
    return undefined;
  }
  return parsed.data;
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
