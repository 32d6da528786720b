/**
 * Electron transport of the contract: one invoke channel; the dispatcher (in the core's worker)
 * does the validation. Messages are accepted only from the app window's main frame at the app's
 * own origin. Events go the other way on one channel, `vendordesk:event` (name, payload).
 */
import { ipcMain, type BrowserWindow } from 'electron';
import type { Dispatch } from '../../shared/ipc/dispatch';
import type { IpcResult } from '../../shared/ipc/errors';
import { isTrustedSender } from './trust';

export const INVOKE_CHANNEL = 'vendordesk:invoke';
export const EVENT_CHANNEL = 'vendordesk:event';

/** Sends one (already validated) contract event to the app window, if it is open. */
export function sendEvent(window: BrowserWindow | null, name: string, payload: unknown): void {
  if (window && !window.isDestroyed()) window.webContents.send(EVENT_CHANNEL, name, payload);
}

export function serveContract(options: {
  dispatch: Dispatch;
  getWindow: () => BrowserWindow | null;
  appOrigin: string;
  afterCall?: (channel: string, result: IpcResult<unknown>, payload: unknown) => void;
}): void {
  ipcMain.handle(
    INVOKE_CHANNEL,
    async (event, channel: unknown, payload: unknown): Promise<IpcResult<unknown>> => {
      if (!isTrustedSender(event, options.getWindow(), options.appOrigin)) {
        return {
          ok: false,
          error: { code: 'forbidden-sender', message: 'IPC from an untrusted frame was refused' },
        };
      }
      const result = await options.dispatch(channel, payload);
      options.afterCall?.(String(channel), result, payload);
      return result;
    },
  );
}
