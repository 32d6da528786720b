/**
 * Electron's uploads (electron/services/uploads.ts): preload sends the path of a file the user
 * chose (webUtils.getPathForFile) and main registers it; the core reads the file in place and
 * never removes it. Accepted only from the app window's main frame, like every IPC call.
 * UNVERIFIED on a desktop so far: the browser mode path is what the tests exercise.
 */
import fs from 'node:fs';
import { ipcMain, type BrowserWindow } from 'electron';
import type { UploadedFile } from '../../shared/ipc/bridge';
import { importLimits } from '../../shared/ipc/contract';
import type { IpcResult } from '../../shared/ipc/errors';
import type { UploadRegistry } from '../services/uploads';
import { isTrustedSender } from './trust';

export const UPLOAD_CHANNEL = 'vendordesk:upload';

export function serveUploads(options: {
  uploads: UploadRegistry;
  getWindow: () => BrowserWindow | null;
  appOrigin: string;
}): void {
  ipcMain.handle(UPLOAD_CHANNEL, async (event, filePath: unknown): Promise<IpcResult<UploadedFile>> => {
    if (!isTrustedSender(event, options.getWindow(), options.appOrigin)) {
      return {
        ok: false,
        error: { code: 'forbidden-sender', message: 'IPC from an untrusted frame was refused' },
      };
    }
    // An empty path: a File the page made itself, not one the user chose from disk.
    if (typeof filePath !== 'string' || filePath === '') {
      return { ok: false, error: { code: 'invalid-request', message: 'not a file chosen from disk' } };
    }
    const stat = await fs.promises.stat(filePath).catch(() => null);
    if (!stat?.isFile()) return { ok: false, error: { code: 'not-found', message: 'the file is not there' } };
    if (stat.size > importLimits.maxUploadBytes) {
      return {
        ok: false,
        error: {
          code: 'too-large',
          message: `larger than ${importLimits.maxUploadBytes} bytes`,
          details: { maxBytes: importLimits.maxUploadBytes },
        },
      };
    }
    const uploadId = options.uploads.register({ path: filePath, bytes: stat.size, temporary: false });
    return { ok: true, value: { uploadId, bytes: stat.size } };
  });
}
