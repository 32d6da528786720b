/**
 * The listing form's values and their mapping to and from the §1 listing. Kept pure so it is
 * unit-tested without a browser. Validation is the shared zod schema — the same one import and
 * the CLI use — with its issue paths mapped onto form fields.
 */
import {
  listingSchema,
  type Billing,
  type Listing,
  type ListingType,
} from '../../../../shared/listing/schema';

export interface KeyValue {
  key: string;
  value: string;
}

export interface ListingFormValues {
  id?: string;
  title: string;
  type: ListingType;
  priceAmount: number | null;
  billing: Billing;
  specs: { name: string; price: number | null; attributes?: KeyValue[] }[];
  attributes: KeyValue[];
  summary?: string;
  description: string;
  cases: { title: string; content: string }[];
  images: { url: string; alt?: string }[];
  productPageUrl?: string;
  delistingStrategy?: string;
  serviceTerms?: string;
  runsOnJdCloud: 'yes' | 'no' | 'unknown';
  vendorName?: string;
  authorizedBrands: string[];
}

const toPairs = (record: Record<string, string> | undefined): KeyValue[] =>
  Object.entries(record ?? {}).map(([key, value]) => ({ key, value }));

const fromPairs = (pairs: KeyValue[] | undefined): Record<string, string> | undefined => {
  const filled = (pairs ?? []).filter((p) => p.key?.trim());
  return filled.length ? Object.fromEntries(filled.map((p) => [p.key.trim(), p.value ?? ''])) : undefined;
};

const blankToNull = (text: string | undefined): string | null => (text?.trim() ? text : null);

export function emptyFormValues(): ListingFormValues {
  return {
    title: '',
    type: 'application',
    priceAmount: 0,
    billing: 'monthly',
    specs: [],
    attributes: [],
    description: '',
    cases: [],
    images: [],
    runsOnJdCloud: 'unknown',
    authorizedBrands: [],
  };
}

export function toFormValues(listing: Listing): ListingFormValues {
  return {
    id: listing.id,
    title: listing.title,
    type: listing.type,
    priceAmount: listing.price.amount,
    billing: listing.price.billing,
    specs: (listing.specs ?? []).map((s) => ({
      name: s.name,
      price: s.price,
      attributes: toPairs(s.attributes),
    })),
    attributes: toPairs(listing.attributes),
    summary: listing.summary,
    description: listing.description,
    cases: (listing.cases ?? []).map((c) => ({ title: c.title, content: c.content })),
    images: (listing.images ?? []).map((i) => ({ url: i.url, alt: i.alt })),
    productPageUrl: listing.officialSite?.productPageUrl,
    delistingStrategy: listing.delistingStrategy ?? undefined,
    serviceTerms: listing.serviceTerms ?? undefined,
    runsOnJdCloud:
      listing.runsOnJdCloud === true ? 'yes' : listing.runsOnJdCloud === false ? 'no' : 'unknown',
    vendorName: listing.vendor?.name,
    authorizedBrands: listing.vendor?.authorizedBrands ?? [],
  };
}

/**
 * Builds the listing from the form. `base` is the stored listing being edited: fields the form
 * does not show (added by a newer format) are carried over untouched.
 */
export function fromFormValues(values: ListingFormValues, base?: Listing): unknown {
  const listing: Record<string, unknown> = { ...(base ?? {}) };
  const set = (key: string, value: unknown) => {
    if (value === undefined) delete listing[key];
    else listing[key] = value;
  };
  set('id', values.id?.trim() || undefined);
  set('title', values.title ?? '');
  set('type', values.type);
  set('price', {
    ...(base?.price ?? {}),
    amount: values.priceAmount ?? Number.NaN,
    currency: 'CNY',
    billing: values.billing,
  });
  set(
    'specs',
    values.specs?.length
      ? values.specs.map((s) => ({
          name: s.name ?? '',
          price: s.price ?? Number.NaN,
          ...(fromPairs(s.attributes) ? { attributes: fromPairs(s.attributes) } : {}),
        }))
      : undefined,
  );
  set('attributes', fromPairs(values.attributes));
  set('summary', values.summary?.trim() ? values.summary : undefined);
  set('description', values.description ?? '');
  set(
    'cases',
    values.cases?.length
      ? values.cases.map((c) => ({ title: c.title ?? '', content: c.content ?? '' }))
      : undefined,
  );
  set(
    'images',
    values.images?.length
      ? values.images.map((i) => ({ url: i.url ?? '', ...(i.alt ? { alt: i.alt } : {}) }))
      : undefined,
  );
  set(
    'officialSite',
    values.productPageUrl?.trim() ? { productPageUrl: values.productPageUrl.trim() } : null,
  );
  set('delistingStrategy', blankToNull(values.delistingStrategy));
  set('serviceTerms', blankToNull(values.serviceTerms));
  set('runsOnJdCloud', values.runsOnJdCloud === 'yes' ? true : values.runsOnJdCloud === 'no' ? false : null);
  set(
    'vendor',
    values.vendorName?.trim() || values.authorizedBrands?.length
      ? { name: values.vendorName?.trim() ?? '', authorizedBrands: values.authorizedBrands ?? [] }
      : undefined,
  );
  return listing;
}

export type FieldPath = (string | number)[];

/** Where a schema issue shows in the form. */
export function formFieldFor(issuePath: readonly PropertyKey[]): FieldPath {
  const [head, second, third] = issuePath;
  switch (head) {
    case 'price':
      return [second === 'billing' ? 'billing' : 'priceAmount'];
    case 'officialSite':
      return ['productPageUrl'];
    case 'vendor':
      return [second === 'authorizedBrands' ? 'authorizedBrands' : 'vendorName'];
    case 'attributes':
      return ['attributes'];
    case 'specs':
    case 'cases':
    case 'images':
      return typeof second === 'number' && typeof third === 'string' ? [head, second, third] : [head];
    default:
      return [String(head)];
  }
}

export type ValidationResult =
  { ok: true; listing: Listing } | { ok: false; errors: { name: FieldPath; message: string }[] };

export function validateForm(values: ListingFormValues, base?: Listing): ValidationResult {
  const parsed = listingSchema.safeParse(fromFormValues(values, base));
  if (parsed.success) return { ok: true, listing: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.map((issue) => ({ name: formFieldFor(issue.path), message: issue.message })),
  };
}
