/**
 * Browser mode's `window.vendorDesk`: the same bridge shape as Electron's preload, carried over
 * one POST per call to the host that served this page.
 */
import { buildBridge, type VendorDeskApi } from '../../../shared/ipc/bridge';
import type { IpcResult } from '../../../shared/ipc/errors';

export function createHttpBridge(baseUrl = new URL('./api/', window.location.href).href): VendorDeskApi {
  return buildBridge(async (channel, payload) => {
    let response: Response;
    try {
      response = await fetch(`${baseUrl}${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-vendordesk-client': '1' },
        body: JSON.stringify(payload ?? {}),
      });
    } catch (error) {
      return { ok: false, error: { code: 'internal', message: `VendorDesk host unreachable: ${String(error)}` } };
    }
    try {
      return (await response.json()) as IpcResult<unknown>;
    } catch {
      return { ok: false, error: { code: 'internal', message: `unexpected answer from the host (HTTP ${response.status})` } };
    }
  });
}
