/**
 * Browser mode's `window.vendorDesk`: the same bridge shape as Electron's preload, carried over
 * one POST per call to the host that served this page, and the core's events over one
 * Server-Sent Events stream (`GET api/events`, EventSource reconnects by itself), and files
 * for an import as raw bodies (`POST api/uploads`).
 */
import { buildBridge, type UploadedFile, type VendorDeskApi } from '../../../shared/ipc/bridge';
import { eventNames } from '../../../shared/ipc/channels';
import type { IpcResult } from '../../../shared/ipc/errors';

/** Fired (as a DOM event on window) each time the event stream (re)connects, so pages can re-read what they missed. */
export const EVENTS_CONNECTED = 'vendordesk:events-connected';

export function createHttpBridge(baseUrl = new URL('./api/', window.location.href).href): VendorDeskApi {
  return buildBridge(
    async (channel, payload) => {
      let response: Response;
      try {
        response = await fetch(`${baseUrl}${channel}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-vendordesk-client': '1' },
          body: JSON.stringify(payload ?? {}),
        });
      } catch (error) {
        return {
          ok: false,
          error: { code: 'internal', message: `VendorDesk host unreachable: ${String(error)}` },
        };
      }
      try {
        return (await response.json()) as IpcResult<unknown>;
      } catch {
        return {
          ok: false,
          error: { code: 'internal', message: `unexpected answer from the host (HTTP ${response.status})` },
        };
      }
    },
    (listener) => {
      const source = new EventSource(`${baseUrl}events`);
      const handlers = eventNames.map((name) => {
        const handler = (event: MessageEvent<string>) => {
          let payload: unknown;
          try {
            payload = JSON.parse(event.data);
          } catch {
            return; // not JSON: not a contract event
          }
          listener(name, payload);
        };
        source.addEventListener(name, handler);
        return [name, handler] as const;
      });
      const opened = () => window.dispatchEvent(new Event(EVENTS_CONNECTED));
      source.addEventListener('open', opened);
      return () => {
        for (const [name, handler] of handlers) source.removeEventListener(name, handler);
        source.removeEventListener('open', opened);
        source.close();
      };
    },
    // The File itself is the body: the browser streams it from disk, the host to a temporary file.
    async (file) => {
      try {
        const response = await fetch(`${baseUrl}uploads`, {
          method: 'POST',
          headers: { 'content-type': 'application/octet-stream', 'x-vendordesk-client': '1' },
          body: file as File,
        });
        return (await response.json()) as IpcResult<UploadedFile>;
      } catch (error) {
        return { ok: false, error: { code: 'internal', message: `upload failed: ${String(error)}` } };
      }
    },
  );
}
