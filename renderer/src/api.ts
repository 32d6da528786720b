/**
 * The renderer's only way to the rest of the app: typed calls over `window.vendorDesk`
 * (preload in Electron, HTTP in browser mode). Errors arrive as `ApiError` with the contract's
 * stable `code`.
 */
import type { UploadedFile, VendorDeskApi } from '../../shared/ipc/bridge';
import type { ChannelName, RequestOf, ResponseOf } from '../../shared/ipc/contract';
import type { ErrorCode, IpcResult } from '../../shared/ipc/errors';
import { parseEvent, type EventName, type EventPayload } from '../../shared/ipc/events';
import { createHttpBridge } from './bridge/http-bridge';

declare global {
  interface Window {
    vendorDesk?: VendorDeskApi;
  }
}

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

function bridge(): VendorDeskApi {
  // Electron's preload defines window.vendorDesk before any page script runs.
  window.vendorDesk ??= createHttpBridge();
  return window.vendorDesk;
}

export async function call<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  const [ns, method] = channel.split('.') as [string, string];
  const api = bridge() as unknown as Record<
    string,
    Record<string, (r: unknown) => Promise<IpcResult<unknown>>>
  >;
  const fn = api[ns]?.[method];
  if (!fn) throw new ApiError('unknown-channel', `the bridge has no ${channel}`);
  const result = await fn(request);
  if (!result.ok) throw new ApiError(result.error.code, result.error.message, result.error.details);
  return result.value as ResponseOf<C>;
}

/** Hands a chosen file to the core for an import (the bridge's `upload`); throws ApiError like `call`. */
export async function upload(file: File): Promise<UploadedFile> {
  const result = await bridge().upload(file);
  if (!result.ok) throw new ApiError(result.error.code, result.error.message, result.error.details);
  return result.value;
}

/**
 * Listens to one of the core's events (shared/ipc/events.ts) — the renderer never polls. Each
 * payload is validated against the contract first; one that does not match is dropped (and
 * logged). Returns the function that stops listening.
 */
export function onEvent<E extends EventName>(
  event: E,
  listener: (payload: EventPayload<E>) => void,
): () => void {
  return bridge().on(event, (payload: unknown) => {
    const parsed = parseEvent(event, payload);
    if (!parsed) {
      console.warn(`VendorDesk: dropped an invalid ${event} event`);
      return;
    }
    listener(parsed.payload as EventPayload<E>);
  });
}
