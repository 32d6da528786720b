/**
 * The shape of `window.vendorDesk`, derived from the contract: channel "listings.create" becomes
 * `vendorDesk.listings.create(request)`. Preload builds it over Electron IPC, browser mode over
 * HTTP — both with `buildBridge`, so the two cannot drift apart.
 */
import { channelNames, type ChannelName } from './channels';
import type { RequestOf, ResponseOf } from './contract';
import type { IpcResult } from './errors';

type Namespace<C extends string> = C extends `${infer NS}.${string}` ? NS : never;
type MethodOf<C extends string, NS extends string> = C extends `${NS}.${infer M}` ? M : never;

export type VendorDeskApi = {
  [NS in Namespace<ChannelName>]: {
    [M in MethodOf<ChannelName, NS>]: `${NS}.${M}` extends infer C extends ChannelName
      ? (request: RequestOf<C>) => Promise<IpcResult<ResponseOf<C>>>
      : never;
  };
};

export type Invoke = (channel: ChannelName, payload: unknown) => Promise<IpcResult<unknown>>;

export function buildBridge(invoke: Invoke): VendorDeskApi {
  const api: Record<string, Record<string, (request: unknown) => Promise<IpcResult<unknown>>>> = {};
  for (const name of channelNames) {
    const [ns, method] = name.split('.') as [string, string];
    api[ns] ??= {};
    api[ns][method] = (request: unknown) => invoke(name, request ?? {});
  }
  return api as unknown as VendorDeskApi;
}
