/**
 * The IPC contract: every channel with its request and response schema, composed from one
 * module per feature under contracts/. Preload derives `window.vendorDesk` from the channel
 * names (channels.ts), the main process and the browser-mode host validate every request
 * against these schemas, and the renderer gets its types from here.
 * Adding a capability = a channel in a contracts/ module + its name in channels.ts + a handler
 * in electron/services/handlers/.
 */
import type { z } from 'zod';
import { channelNames, type ChannelName } from './channels';
import { appContract } from './contracts/app';
import { listingsContract } from './contracts/listings';
import { checksContract } from './contracts/checks';
import { complianceContract } from './contracts/compliance';
import { calendarContract } from './contracts/calendar';
import { callbacksContract } from './contracts/callbacks';
import { draftsContract } from './contracts/drafts';
import { dataOpsContract } from './contracts/data-ops';
import { syncContract } from './contracts/sync';
import { rulePacksContract } from './contracts/rulepacks';
import { policyPacksContract } from './contracts/policypacks';

export * from './contracts/app';
export * from './contracts/listings';
export * from './contracts/checks';
export * from './contracts/compliance';
export * from './contracts/calendar';
export * from './contracts/callbacks';
export * from './contracts/drafts';
export * from './contracts/data-ops';
export * from './contracts/sync';
export * from './contracts/rulepacks';
export * from './contracts/policypacks';

export const contract = {
  ...appContract,
  ...listingsContract,
  ...checksContract,
  ...complianceContract,
  ...calendarContract,
  ...callbacksContract,
  ...draftsContract,
  ...dataOpsContract,
  ...syncContract,
  ...rulePacksContract,
  ...policyPacksContract,
} as const;

export type Contract = typeof contract;
export type { ChannelName };
export { channelNames };
export type RequestOf<C extends ChannelName> = z.input<Contract[C]['request']>;
export type ParsedRequestOf<C extends ChannelName> = z.output<Contract[C]['request']>;
export type ResponseOf<C extends ChannelName> = z.output<Contract[C]['response']>;

// Compile-time check that channels.ts and the contract list the same channels.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _channelsMatch: Same<keyof Contract, ChannelName> = true;
void _channelsMatch;

export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}
