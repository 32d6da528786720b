/**
 * Reading listing files (formats.md §1: one listing, or `{ "listings": [...] }`).
 * Pure: the caller reads the bytes. Every problem names the place: JSON position, or the
 * listing index and field path, so a vendor can fix the file without guessing.
 */
import type { z } from 'zod';
import { parseJsonWithPosition } from '../json/parse';
import { listingSchema, type Listing } from './schema';

export interface ListingFileProblem {
  /** "json" for unreadable JSON, "schema" for a listing that does not match §1. */
  kind: 'json' | 'schema';
  /** e.g. "listings[2].price.amount", or "" for the whole file. */
  path: string;
  message: string;
  line?: number;
  column?: number;
}

export type ListingFileResult =
  { ok: true; listings: Listing[] } | { ok: false; problems: ListingFileProblem[] };

export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

export function zodProblems(error: z.ZodError, prefix: string): ListingFileProblem[] {
  return error.issues.map((issue) => ({
    kind: 'schema' as const,
    path: formatIssuePath([...(prefix ? [prefix] : []), ...issue.path]),
    message: issue.message,
  }));
}

/** Validates already-parsed JSON as one listing or a `{ listings: [...] }` collection. */
export function listingsFromJson(value: unknown): ListingFileResult {
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && 'listings' in value) {
    const items = (value as { listings: unknown }).listings;
    if (!Array.isArray(items)) {
      return {
        ok: false,
        problems: [{ kind: 'schema', path: 'listings', message: '应为数组 / must be an array' }],
      };
    }
    const listings: Listing[] = [];
    const problems: ListingFileProblem[] = [];
    items.forEach((item, index) => {
      const parsed = listingSchema.safeParse(item);
      if (parsed.success) listings.push(parsed.data);
      else problems.push(...zodProblems(parsed.error, `listings[${index}]`));
    });
    return problems.length ? { ok: false, problems } : { ok: true, listings };
  }
  const parsed = listingSchema.safeParse(value);
  if (parsed.success) return { ok: true, listings: [parsed.data] };
  return { ok: false, problems: zodProblems(parsed.error, '') };
}

/** Parses the text of a listing file. All-or-nothing: a file with one bad listing imports none. */
export function parseListingFile(text: string): ListingFileResult {
  const json = parseJsonWithPosition(text);
  if (!json.ok) {
    return { ok: false, problems: [{ kind: 'json', path: '', ...json.problem }] };
  }
  return listingsFromJson(json.value);
}
