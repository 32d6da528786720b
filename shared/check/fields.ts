/**
 * Field paths of formats.md §2 (`field`): reading the text a finding points into, listing every
 * text a listing shows a buyer, and applying text edits (the fixes) without mutating the input.
 */
import type { Listing } from '../listing/schema';
import type { TextEdit } from './types';

export interface FieldText {
  field: string;
  text: string;
}

interface ParsedPath {
  head: string;
  index?: number;
  rest?: string;
}

// "cases[0].content" → { head: "cases", index: 0, rest: "content" }; attribute keys may contain
// dots, so everything after the first dot is one key.
function parsePath(field: string): ParsedPath | null {
  const m = /^([A-Za-z]+)(?:\[(\d+)\])?(?:\.(.+))?$/s.exec(field);
  if (!m || m[1] === undefined) return null;
  return { head: m[1], index: m[2] === undefined ? undefined : Number(m[2]), rest: m[3] };
}

/**
 * The JSON path of a field path inside one listing object, e.g. "cases[0].content" →
 * ["cases", 0, "content"], "specs[1].attributes.内存" → ["specs", 1, "attributes", "内存"].
 */
export function fieldJsonPath(field: string): (string | number)[] | null {
  const path = parsePath(field);
  if (!path) return null;
  const out: (string | number)[] = [path.head];
  if (path.index !== undefined) out.push(path.index);
  if (path.rest === undefined) return out;
  if (path.head === 'specs' && path.rest.startsWith('attributes.')) {
    out.push('attributes', path.rest.slice('attributes.'.length));
  } else {
    out.push(path.rest);
  }
  return out;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Where a field's text lives: the object holding it and the key. */
function locate(listing: Obj, path: ParsedPath): { holder: unknown; key: string } | null {
  const { head, index, rest } = path;
  if (index === undefined) {
    if (rest === undefined) return { holder: listing, key: head };
    if (head === 'attributes') return { holder: listing.attributes, key: rest };
    if (head === 'officialSite' && rest === 'productPageUrl')
      return { holder: listing.officialSite, key: rest };
    return null;
  }
  const list = listing[head];
  const item = Array.isArray(list) ? (list[index] as unknown) : undefined;
  if (rest === undefined) return null;
  if (head === 'specs' && rest.startsWith('attributes.')) {
    return { holder: isObj(item) ? item.attributes : undefined, key: rest.slice('attributes.'.length) };
  }
  return { holder: item, key: rest };
}

const textFieldNames = new Set(['title', 'summary', 'description', 'serviceTerms', 'delistingStrategy']);

/**
 * The raw text of a field path, '' for a text field that is absent or null, undefined for a
 * path that names no text (e.g. "price", "runsOnJdCloud", or an index past the end).
 */
export function getFieldText(listing: Listing, field: string): string | undefined {
  const path = parsePath(field);
  if (!path) return undefined;
  if (path.index === undefined && path.rest === undefined && !textFieldNames.has(path.head)) return undefined;
  const place = locate(listing as Obj, path);
  if (!place) return undefined;
  if (place.holder === undefined || place.holder === null) {
    // A missing top-level text field or a missing officialSite reads as empty; a missing array
    // item does not exist at all.
    return path.index === undefined ? '' : undefined;
  }
  if (!isObj(place.holder)) return undefined;
  const value = place.holder[place.key];
  if (typeof value === 'string') return value;
  return value === undefined || value === null ? '' : undefined;
}

/** Every text the marketplace shows for a listing, with its field path, in a stable order. */
export function listTextFields(listing: Listing): FieldText[] {
  const out: FieldText[] = [];
  const push = (field: string, text: unknown) => {
    if (typeof text === 'string' && text !== '') out.push({ field, text });
  };
  push('title', listing.title);
  push('summary', listing.summary);
  push('description', listing.description);
  push('serviceTerms', listing.serviceTerms);
  push('delistingStrategy', listing.delistingStrategy);
  push('officialSite.productPageUrl', listing.officialSite?.productPageUrl);
  listing.cases?.forEach((c, i) => {
    push(`cases[${i}].title`, c.title);
    push(`cases[${i}].content`, c.content);
  });
  listing.images?.forEach((img, i) => {
    push(`images[${i}].url`, img.url);
    push(`images[${i}].alt`, img.alt);
  });
  listing.specs?.forEach((s, i) => {
    push(`specs[${i}].name`, s.name);
    for (const [k, v] of Object.entries(s.attributes ?? {})) push(`specs[${i}].attributes.${k}`, v);
  });
  for (const [k, v] of Object.entries(listing.attributes ?? {})) push(`attributes.${k}`, v);
  return out;
}

function checkEdits(field: string, text: string, edits: TextEdit[]): TextEdit[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let prev: TextEdit | undefined;
  for (const e of sorted) {
    if (
      !Number.isInteger(e.start) ||
      !Number.isInteger(e.end) ||
      e.start < 0 ||
      e.end < e.start ||
      e.end > text.length
    ) {
      throw new RangeError(`edit ${e.start}–${e.end} is outside "${field}" (length ${text.length})`);
    }
    const sameInsertionPoint =
      prev !== undefined && prev.start === prev.end && e.start === e.end && e.start === prev.start;
    if (prev && (e.start < prev.end || sameInsertionPoint)) {
      throw new RangeError(
        `overlapping edits in "${field}": ${prev.start}–${prev.end} and ${e.start}–${e.end}`,
      );
    }
    prev = e;
  }
  return sorted;
}

function setFieldText(listing: Obj, field: string, text: string): void {
  const path = parsePath(field);
  const place = path ? locate(listing, path) : null;
  if (!path || !place) throw new RangeError(`"${field}" is not an editable text field`);
  let holder = place.holder;
  if (holder === undefined || holder === null) {
    // Only top-level holders can be created (officialSite, attributes); not array items.
    if (path.index !== undefined) throw new RangeError(`"${field}" does not exist`);
    holder = {};
    listing[path.head] = holder;
  }
  if (!isObj(holder)) throw new RangeError(`"${field}" is not an editable text field`);
  holder[place.key] = text;
}

// Copies only the containers on the way to edited fields; the input stays untouched.
function cloneForEdit(listing: Listing): Obj {
  return structuredClone(listing) as Obj;
}

/**
 * Applies text edits and returns a new listing (the input is not changed). Edits to the same
 * field are applied right to left so that each edit's offsets refer to the original text;
 * overlapping edits are rejected because their result would depend on order.
 */
export function applyEdits(listing: Listing, edits: TextEdit[]): Listing {
  const byField = new Map<string, TextEdit[]>();
  for (const e of edits) byField.set(e.field, [...(byField.get(e.field) ?? []), e]);
  const out = cloneForEdit(listing);
  for (const [field, fieldEdits] of byField) {
    const text = getFieldText(listing, field);
    if (text === undefined) throw new RangeError(`"${field}" is not an editable text field`);
    const sorted = checkEdits(field, text, fieldEdits);
    let result = text;
    for (let i = sorted.length - 1; i >= 0; i--) {
      const e = sorted[i]!;
      result = result.slice(0, e.start) + e.text + result.slice(e.end);
    }
    setFieldText(out, field, result);
  }
  return out as Listing;
}
