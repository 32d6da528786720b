/** Import and export of listing files (formats.md §1), one transaction per file. */
import type { ImportFileResult, ListingRecord } from '../../shared/ipc/contract';
import { parseListingFile } from '../../shared/listing/parse';
import type { ListingsRepository } from './repositories/listings-repository';

/**
 * Each file is all-or-nothing and committed before the next one starts, so a crash mid-import
 * keeps every file already reported as imported, and a bad file never half-imports. A file that
 * fails in an unexpected way is reported as that file's failure (its transaction rolled back);
 * the call itself never fails after earlier files were committed, so the answer stays true.
 */
export function importListingFiles(repo: ListingsRepository, files: { name: string; text: string }[]): ImportFileResult[] {
  return files.map((file) => {
    try {
      return importOne(repo, file);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { name: file.name, ok: false, imported: 0, localIds: [], problems: [{ path: '', message: `未导入 / not imported: ${message}` }] };
    }
  });
}

function importOne(repo: ListingsRepository, { name, text }: { name: string; text: string }): ImportFileResult {
  const parsed = parseListingFile(text);
  if (!parsed.ok) {
    return { name, ok: false, imported: 0, localIds: [], problems: parsed.problems.map(({ kind: _kind, ...p }) => p) };
  }
  const records = repo.createMany(parsed.listings);
  return { name, ok: true, imported: records.length, localIds: records.map((r) => r.localId), problems: [] };
}

export function exportListingsFile(records: ListingRecord[], now: Date): { fileName: string; text: string; count: number } {
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
