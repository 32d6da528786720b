/**
 * The typed marketplace client of the main process: one method per operation of
 * resources/api/marketplace.openapi.json, each validated against its shared/api schema.
 * Failures are ApiError (shared/api/errors.ts); see transport.ts for retries and timeouts.
 */
import { apiPaths } from '../../../shared/api/paths';
import {
  advanceResultSchema,
  depositAccountSchema,
  feedPageSchema,
  ledgerPageSchema,
  listingPageSchema,
  listingResourceSchema,
  orderPageSchema,
  orderSchema,
  rulePackPageSchema,
  type rulePackPublishWriteSchema,
  rulePackSchema,
  ticketPageSchema,
  ticketSchema,
  vendorSchema,
  violationPageSchema,
  violationSchema,
  type ReviewState,
} from '../../../shared/api/schemas';
import type { ListingInput } from '../../../shared/listing/schema';
import { z } from 'zod';
import { Transport, type ApiResponse, type TransportOptions } from './transport';

/** For writes: reuse the idempotency key of a failed attempt (ApiError.idempotencyKey). */
export interface WriteOptions {
  idempotencyKey?: string;
}

export interface PageQuery {
  pageNumber?: number;
  pageSize?: number;
}

const deletedSchema = z.looseObject({ id: z.string(), deleted: z.literal(true) });

export class MarketplaceClient {
  readonly transport: Transport;
  private readonly region: string;

  constructor(options: TransportOptions) {
    this.transport = new Transport(options);
    this.region = options.region;
  }

  private async get<T>(
    path: string,
    result: z.ZodType<T>,
    query?: Record<string, string | number | undefined>,
  ): Promise<T> {
    return (await this.transport.call({ method: 'GET', path, query, result })).data;
  }

  getVendor() {
    return this.get(apiPaths.vendor(this.region), vendorSchema);
  }

  listListings(query: PageQuery & { state?: ReviewState } = {}) {
    return this.get(apiPaths.listings(this.region), listingPageSchema, { ...query });
  }
  getListing(id: string) {
    return this.get(apiPaths.listing(this.region, id), listingResourceSchema);
  }
  async createListing(draft: ListingInput, options: WriteOptions = {}) {
    return (
      await this.transport.call({
        method: 'POST',
        path: apiPaths.listings(this.region),
        body: { draft },
        result: listingResourceSchema,
        ...options,
      })
    ).data;
  }
  /** `version` is the one the edit was based on; a newer one on the server gives precondition-failed. */
  async updateListing(id: string, draft: ListingInput, version: number, options: WriteOptions = {}) {
    return (
      await this.transport.call({
        method: 'PUT',
        path: apiPaths.listing(this.region, id),
        body: { draft },
        ifMatch: version,
        result: listingResourceSchema,
        ...options,
      })
    ).data;
  }
  async deleteListing(id: string, version: number, options: WriteOptions = {}) {
    return (
      await this.transport.call({
        method: 'DELETE',
        path: apiPaths.listing(this.region, id),
        ifMatch: version,
        result: deletedSchema,
        ...options,
      })
    ).data;
  }
  async submitListing(id: string, version?: number, options: WriteOptions = {}) {
    return (
      await this.transport.call({
        method: 'POST',
        path: apiPaths.submitListing(this.region, id),
        ifMatch: version,
        result: listingResourceSchema,
        ...options,
      })
    ).data;
  }

  listOrders(query: PageQuery & { type?: 'application' | 'service' | 'tool' } = {}) {
    return this.get(apiPaths.orders(this.region), orderPageSchema, { ...query });
  }
  getOrder(id: string) {
    return this.get(apiPaths.order(this.region, id), orderSchema);
  }

  listTickets(query: PageQuery & { kind?: string; status?: string } = {}) {
    return this.get(apiPaths.tickets(this.region), ticketPageSchema, { ...query });
  }
  getTicket(id: string) {
    return this.get(apiPaths.ticket(this.region, id), ticketSchema);
  }
  async respondToTicket(id: string, text: string, version?: number, options: WriteOptions = {}) {
    return (
      await this.transport.call({
        method: 'POST',
        path: apiPaths.respondTicket(this.region, id),
        body: { text },
        ifMatch: version,
        result: ticketSchema,
        ...options,
      })
    ).data;
  }

  getDeposit() {
    return this.get(apiPaths.deposit(this.region), depositAccountSchema);
  }
  listLedger(query: PageQuery = {}) {
    return this.get(apiPaths.depositLedger(this.region), ledgerPageSchema, { ...query });
  }

  listViolations(query: PageQuery = {}) {
    return this.get(apiPaths.violations(this.region), violationPageSchema, { ...query });
  }
  getViolation(id: string) {
    return this.get(apiPaths.violation(this.region, id), violationSchema);
  }

  listRulePacks(query: PageQuery = {}) {
    return this.get(apiPaths.rulePacks(this.region), rulePackPageSchema, { ...query });
  }
  getRulePack(id: string, packVersion: string) {
    return this.get(apiPaths.rulePack(this.region, id, packVersion), rulePackSchema);
  }

  /** One page of the change feed after `cursor` (omit it to start from the beginning). */
  listChanges(cursor?: string, pageSize?: number) {
    // Every record is checked against its type's schema here, so the engine stores typed data only.
    return this.get(apiPaths.changes(this.region), feedPageSchema, { cursor, pageSize });
  }

  /** Sandbox only: publish a rule-pack version (formats: `RulePackPublishWrite`). */
  async publishSandboxRulePack(
    body: z.infer<typeof rulePackPublishWriteSchema>,
  ): Promise<ApiResponse<z.infer<typeof rulePackSchema>>['data']> {
    return (
      await this.transport.call({
        method: 'POST',
        path: apiPaths.publishRulePack(this.region),
        body,
        result: rulePackSchema,
      })
    ).data;
  }

  /** Sandbox only: move simulated time forward. */
  async advanceSandbox(minutes: number): Promise<ApiResponse<z.infer<typeof advanceResultSchema>>['data']> {
    return (
      await this.transport.call({
        method: 'POST',
        path: apiPaths.advance(this.region),
        body: { minutes },
        result: advanceResultSchema,
      })
    ).data;
  }
}
