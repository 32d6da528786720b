/**
 * The listings aggregate. SQL stays here; callers see `ListingRecord`s in the §1 shape.
 * Money is stored in integer fen (formats.md: "compute in integer fen").
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { ListingRecord } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import { listingFields, type Listing } from '../../../shared/listing/schema';
import { chunksOf, placeholders } from '../db/bulk-sql';
import type { Store } from '../db/database';

interface ListingRow {
  local_id: string;
  revision: number;
  status: 'draft';
  created_at: string;
  updated_at: string;
  listing_id: string | null;
  title: string;
  type: Listing['type'];
  price_amount_fen: number;
  price_currency: 'CNY';
  price_billing: Listing['price']['billing'];
  price_json: string | null;
  specs_json: string | null;
  attributes_json: string | null;
  summary: string | null;
  description: string;
  cases_json: string | null;
  images_json: string | null;
  official_site_json: string | null;
  delisting_strategy: string | null;
  service_terms: string | null;
  runs_on_jdcloud: number | null;
  vendor_json: string | null;
  extra_json: string | null;
}

/** The §1 fields with their own columns; anything else on a listing goes to extra_json. */
const knownFields = new Set<string>(listingFields);

const json = (value: unknown): string | null => (value === undefined ? null : JSON.stringify(value));
const parse = <T>(text: string | null): T | undefined =>
  text === null ? undefined : (JSON.parse(text) as T);

export const yuanToFen = (yuan: number): number => Math.round(yuan * 100);
export const fenToYuan = (fen: number): number => fen / 100;

function toColumns(listing: Listing) {
  const { amount, currency, billing, ...priceExtra } = listing.price;
  const extra = Object.fromEntries(Object.entries(listing).filter(([key]) => !knownFields.has(key)));
  return {
    listing_id: listing.id ?? null,
    title: listing.title,
    type: listing.type,
    price_amount_fen: yuanToFen(amount),
    price_currency: currency,
    price_billing: billing,
    price_json: Object.keys(priceExtra).length ? JSON.stringify(priceExtra) : null,
    specs_json: json(listing.specs),
    attributes_json: json(listing.attributes),
    summary: listing.summary ?? null,
    description: listing.description,
    cases_json: json(listing.cases),
    images_json: json(listing.images),
    official_site_json: json(listing.officialSite),
    delisting_strategy: listing.delistingStrategy ?? null,
    service_terms: listing.serviceTerms ?? null,
    runs_on_jdcloud:
      listing.runsOnJdCloud === undefined || listing.runsOnJdCloud === null
        ? null
        : listing.runsOnJdCloud
          ? 1
          : 0,
    vendor_json: json(listing.vendor),
    extra_json: Object.keys(extra).length ? JSON.stringify(extra) : null,
  };
}

function toListing(row: ListingRow): Listing {
  const listing: Listing = {
    ...(parse<Record<string, unknown>>(row.extra_json) ?? {}),
    ...(row.listing_id !== null ? { id: row.listing_id } : {}),
    title: row.title,
    type: row.type,
    price: {
      ...(parse<Record<string, unknown>>(row.price_json) ?? {}),
      amount: fenToYuan(row.price_amount_fen),
      currency: row.price_currency,
      billing: row.price_billing,
    },
    description: row.description,
    officialSite: parse<Listing['officialSite']>(row.official_site_json) ?? null,
    delistingStrategy: row.delisting_strategy,
    serviceTerms: row.service_terms,
    runsOnJdCloud: row.runs_on_jdcloud === null ? null : row.runs_on_jdcloud === 1,
  };
  const optional = {
    specs: parse<Listing['specs']>(row.specs_json),
    attributes: parse<Listing['attributes']>(row.attributes_json),
    summary: row.summary ?? undefined,
    cases: parse<Listing['cases']>(row.cases_json),
    images: parse<Listing['images']>(row.images_json),
    vendor: parse<Listing['vendor']>(row.vendor_json),
  };
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined) (listing as Record<string, unknown>)[key] = value;
  }
  return listing;
}

function toRecord(row: ListingRow): ListingRecord {
  return {
    localId: row.local_id,
    revision: row.revision,
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    listing: toListing(row),
  };
}

const columnNames = Object.keys(
  toColumns({
    title: '',
    type: 'application',
    price: { amount: 0, currency: 'CNY', billing: 'monthly' },
    description: '',
  }),
);

export class ListingsRepository {
  private readonly insertSql: string;
  private readonly updateSql: string;
  constructor(
    private readonly store: Store,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.insertSql = `INSERT INTO listings (local_id, revision, status, created_at, updated_at, ${columnNames.join(', ')})
      VALUES (@local_id, 1, 'draft', @now, @now, ${columnNames.map((c) => `@${c}`).join(', ')})`;
    this.updateSql = `UPDATE listings SET revision = revision + 1, updated_at = @now, ${columnNames
      .map((c) => `${c} = @${c}`)
      .join(', ')} WHERE local_id = @local_id AND revision = @revision`;
  }

  private get db(): Database.Database {
    return this.store.db;
  }

  private sql(text: string): Database.Statement {
    return this.store.sql(text);
  }

  list(): ListingRecord[] {
    return (
      this.db.prepare('SELECT * FROM listings ORDER BY updated_at DESC, local_id').all() as ListingRow[]
    ).map(toRecord);
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM listings').get() as { n: number }).n;
  }

  get(localId: string): ListingRecord {
    const row = this.sql('SELECT * FROM listings WHERE local_id = ?').get(localId) as ListingRow | undefined;
    if (!row) throw new AppError('not-found', `listing ${localId} not found`);
    return toRecord(row);
  }

  /**
   * `not-found` for an unknown listing, without reading it: a caller that only needs to know it
   * exists must not parse a description of megabytes (issue 17: opening a 4.9 M listing made
   * three such calls).
   */
  assertExists(localId: string): void {
    if (!this.sql('SELECT 1 FROM listings WHERE local_id = ?').get(localId))
      throw new AppError('not-found', `listing ${localId} not found`);
  }

  /** Inserts inside the caller's transaction when called from `store.write`, else in its own. */
  create(listing: Listing): ListingRecord {
    return this.store.write(() => this.insert(listing));
  }

  /** All-or-nothing insert of several listings (one import file). */
  createMany(listings: Listing[]): ListingRecord[] {
    return this.store.write(() => listings.map((listing) => this.insert(listing)));
  }

  /**
   * One import batch: a listing whose `id` is already stored updates that listing (the most
   * recently updated one, should earlier versions have stored twins), keeping its local id and
   * history; one without an `id`, or with a new one, is added. A repeated `id` within the batch
   * updates the listing its first occurrence added. All or nothing.
   */
  upsertMany(listings: Listing[]): { record: ListingRecord; action: 'added' | 'updated' }[] {
    return this.store.write(() => {
      const existing = new Map<string, string>();
      const ids = [
        ...new Set(
          listings.map((l) => l.id).filter((id): id is string => typeof id === 'string' && id !== ''),
        ),
      ];
      for (const chunk of chunksOf(ids, 500)) {
        const rows = this.sql(
          `SELECT listing_id, local_id FROM listings WHERE listing_id IN (${placeholders(chunk.length)})
            ORDER BY updated_at, local_id`,
        ).all(...chunk) as { listing_id: string; local_id: string }[];
        for (const row of rows) existing.set(row.listing_id, row.local_id); // the newest wins
      }
      const replace = this.sql(
        `UPDATE listings SET revision = revision + 1, updated_at = @now, ${columnNames.map((c) => `${c} = @${c}`).join(', ')}
          WHERE local_id = @local_id`,
      );
      return listings.map((listing) => {
        const localId = listing.id ? existing.get(listing.id) : undefined;
        if (localId) {
          replace.run({ local_id: localId, now: this.now().toISOString(), ...toColumns(listing) });
          return { record: this.get(localId), action: 'updated' as const };
        }
        const record = this.insert(listing);
        if (listing.id) existing.set(listing.id, record.localId);
        return { record, action: 'added' as const };
      });
    });
  }

  private insert(listing: Listing): ListingRecord {
    const localId = randomUUID();
    const now = this.now().toISOString();
    const columns = toColumns(listing);
    this.sql(this.insertSql).run({ local_id: localId, now, ...columns });
    // The record as it would read back (the same column mapping), without reading it back.
    return toRecord({
      ...columns,
      local_id: localId,
      revision: 1,
      status: 'draft',
      created_at: now,
      updated_at: now,
    });
  }

  /** Optimistic concurrency: the caller says which revision it edited. */
  update(localId: string, revision: number, listing: Listing): ListingRecord {
    return this.store.write(() => {
      const result = this.sql(this.updateSql).run({
        local_id: localId,
        revision,
        now: this.now().toISOString(),
        ...toColumns(listing),
      });
      if (result.changes === 0) {
        const current = this.get(localId); // throws not-found when it is gone
        throw new AppError(
          'conflict',
          `listing ${localId} was changed elsewhere (you edited revision ${revision}, it is now ${current.revision})`,
          { currentRevision: current.revision },
        );
      }
      return this.get(localId);
    });
  }

  duplicate(localId: string, titleSuffix: string): ListingRecord {
    return this.store.write(() => {
      const source = this.get(localId).listing;
      const { id: _vendorId, ...copy } = source; // the vendor's own id belongs to the original
      return this.insert({ ...copy, title: `${source.title}${titleSuffix}` });
    });
  }

  delete(localId: string): boolean {
    return this.store.write(
      (db) => db.prepare('DELETE FROM listings WHERE local_id = ?').run(localId).changes > 0,
    );
  }
}
