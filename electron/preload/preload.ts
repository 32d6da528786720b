/**
 * The only bridge between the sandboxed renderer and the app: `window.vendorDesk`, built from
 * the contract's channel names. No Node or Electron object crosses it, only plain data.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { buildBridge } from '../../shared/ipc/bridge';

const INVOKE_CHANNEL = 'vendordesk:invoke'; // electron/main/ipc.ts
const EVENT_CHANNEL = 'vendordesk:event';
const UPLOAD_CHANNEL = 'vendordesk:upload'; // electron/main/uploads-ipc.ts

contextBridge.exposeInMainWorld(
  'vendorDesk',
  buildBridge(
    (channel, payload) => ipcRenderer.invoke(INVOKE_CHANNEL, channel, payload),
    (listener) => {
      // Only the name and the plain payload cross, never the IpcRendererEvent.
      const handler = (_event: Electron.IpcRendererEvent, name: unknown, payload: unknown) =>
        listener(String(name), payload);
      ipcRenderer.on(EVENT_CHANNEL, handler);
      return () => ipcRenderer.removeListener(EVENT_CHANNEL, handler);
    },
    // Only the chosen file's path crosses; main registers it and the core reads it from disk.
    (file) => ipcRenderer.invoke(UPLOAD_CHANNEL, webUtils.getPathForFile(file as File)),
  ),
);
