/**
 * The shape of `window.vendorDesk`, derived from the contract: channel "listings.create" becomes
 * `vendorDesk.listings.create(request)`, and `vendorDesk.on("alerts.raised", listener)` listens
 * to an event. Preload builds it over Electron IPC, browser mode over HTTP and Server-Sent
 * Events — both with `buildBridge`, so the two cannot drift apart.
 */
import { channelNames, eventNames, type ChannelName, type EventName } from './channels';
import type { RequestOf, ResponseOf } from './contract';
import type { IpcResult } from './errors';
import type { EventPayload } from './events';

type Namespace<C extends string> = C extends `${infer NS}.${string}` ? NS : never;
type MethodOf<C extends string, NS extends string> = C extends `${NS}.${infer M}` ? M : never;

export type EventListener<E extends EventName> = (payload: EventPayload<E>) => void;

export type VendorDeskApi = {
  [NS in Namespace<ChannelName>]: {
    [M in MethodOf<ChannelName, NS>]: `${NS}.${M}` extends infer C extends ChannelName
      ? (request: RequestOf<C>) => Promise<IpcResult<ResponseOf<C>>>
      : never;
  };
} & {
  /**
   * Listens to one of the contract's events; returns the function that stops listening.
   * Payloads are as the transport delivered them: the renderer validates them (renderer/src/api.ts).
   */
  on<E extends EventName>(event: E, listener: EventListener<E>): () => void;
  /**
   * Hands a file the user chose to the core for an import; the answer's `uploadId` names it in
   * `listings.import` / `compliance.import`. Browser mode streams its bytes to the host (`POST
   * /api/uploads`); Electron registers the file's path. Fails with `too-large` over
   * importLimits.maxUploadBytes.
   */
  upload(file: FileLike): Promise<IpcResult<UploadedFile>>;
};

/** What `upload` takes: the page's File (a DOM type, which shared/ does not name). */
export interface FileLike {
  readonly name: string;
  readonly size: number;
}

export interface UploadedFile {
  uploadId: string;
  bytes: number;
}

export type Upload = (file: FileLike) => Promise<IpcResult<UploadedFile>>;

export type Invoke = (channel: ChannelName, payload: unknown) => Promise<IpcResult<unknown>>;
/** Starts delivering every event to `listener`; returns the function that stops it. */
export type Subscribe = (listener: (event: string, payload: unknown) => void) => () => void;

export function buildBridge(invoke: Invoke, subscribe: Subscribe, upload: Upload): VendorDeskApi {
  const api: Record<string, unknown> = {};
  for (const name of channelNames) {
    const [ns, method] = name.split('.') as [string, string];
    const group = (api[ns] ??= {}) as Record<string, (request: unknown) => Promise<IpcResult<unknown>>>;
    group[method] = (request: unknown) => invoke(name, request ?? {});
  }
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let unsubscribe: (() => void) | null = null;
  const known = new Set<string>(eventNames);
  api.on = (event: string, listener: (payload: unknown) => void) => {
    if (!known.has(event)) throw new Error(`unknown event: ${event}`);
    let set = listeners.get(event);
    if (!set) listeners.set(event, (set = new Set()));
    set.add(listener);
    // One transport subscription for all listeners, opened with the first and closed with the last.
    unsubscribe ??= subscribe((name, payload) => {
      for (const l of listeners.get(name) ?? []) l(payload);
    });
    return () => {
      set.delete(listener);
      if ([...listeners.values()].every((s) => s.size === 0) && unsubscribe) {
        unsubscribe();
        unsubscribe = null;
      }
    };
  };
  api.upload = upload;
  return api as unknown as VendorDeskApi;
}
