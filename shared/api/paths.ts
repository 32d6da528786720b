/**
 * Paths of the marketplace API (JD Cloud conventions: `/v1/regions/{regionId}/…`, actions as
 * `…/{id}:action`). One place builds them, for the client, the sandbox's tests and the CLI docs.
 */
export const DEFAULT_REGION = 'cn-north-1';
export const DEFAULT_SERVICE = 'market';
export const DEFAULT_ENDPOINT = 'https://market.jdcloud-api.com';

export const REQUEST_ID_HEADER = 'x-jdcloud-request-id';
export const IDEMPOTENCY_HEADER = 'x-jdcloud-idempotency-key';
/** Sandbox only: inject one fault into this request (see sandbox/faults.ts). */
export const FAULT_HEADER = 'x-sandbox-fault';

const seg = encodeURIComponent;

export function regionPath(region: string): string {
  return `/v1/regions/${seg(region)}`;
}

export const apiPaths = {
  vendor: (r: string) => `${regionPath(r)}/vendor`,
  listings: (r: string) => `${regionPath(r)}/listings`,
  listing: (r: string, id: string) => `${regionPath(r)}/listings/${seg(id)}`,
  submitListing: (r: string, id: string) => `${regionPath(r)}/listings/${seg(id)}:submit`,
  orders: (r: string) => `${regionPath(r)}/orders`,
  order: (r: string, id: string) => `${regionPath(r)}/orders/${seg(id)}`,
  tickets: (r: string) => `${regionPath(r)}/tickets`,
  ticket: (r: string, id: string) => `${regionPath(r)}/tickets/${seg(id)}`,
  respondTicket: (r: string, id: string) => `${regionPath(r)}/tickets/${seg(id)}:respond`,
  deposit: (r: string) => `${regionPath(r)}/deposit`,
  depositLedger: (r: string) => `${regionPath(r)}/deposit/ledger`,
  violations: (r: string) => `${regionPath(r)}/violations`,
  violation: (r: string, id: string) => `${regionPath(r)}/violations/${seg(id)}`,
  rulePacks: (r: string) => `${regionPath(r)}/rulePacks`,
  rulePack: (r: string, id: string, packVersion: string) =>
    `${regionPath(r)}/rulePacks/${seg(id)}/versions/${seg(packVersion)}`,
  changes: (r: string) => `${regionPath(r)}/changes`,
  advance: (r: string) => `${regionPath(r)}/sandbox:advance`,
  publishRulePack: (r: string) => `${regionPath(r)}/sandbox:publishRulePack`,
} as const;
