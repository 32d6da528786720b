import type { CallContext } from '../../../shared/ipc/dispatch';
import type { ChannelName, ParsedRequestOf, ResponseOf } from '../../../shared/ipc/contract';
import type { Store } from '../db/database';
import type { ListingChecker } from '../checks/listing-checker';
import type { Platform } from '../platform';
import type { ListingsRepository } from '../repositories/listings-repository';
import type { SettingsRepository } from '../repositories/settings-repository';
import type { ComplianceServices } from '../compliance/engines';
import type { CoreEmit } from '../app-core';

/** Handlers for some of the contract's channels; app-core merges one such object per feature. */
export type HandlerGroup<C extends ChannelName> = {
  [K in C]: (request: ParsedRequestOf<K>, call: CallContext) => Promise<ResponseOf<K>> | ResponseOf<K>;
};

/** What every feature's handlers may use. Repositories are created once, here. */
export interface HandlerContext {
  platform: Platform;
  mode: 'electron' | 'browser';
  store: Store;
  now: () => Date;
  listings: ListingsRepository;
  settings: SettingsRepository;
  /** Checks listings where they are written and records the runs (issue 11). */
  checker: ListingChecker;
  /** Tickets, deposit ledger, violations, alerts (issue 7). */
  compliance: ComplianceServices;
  /** Events to the UI (shared/ipc/events.ts), for work that outlives its request. */
  emit: CoreEmit;
}
