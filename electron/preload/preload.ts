/**
 * The only bridge between the sandboxed renderer and the app: `window.vendorDesk`, built from
 * the contract's channel names. No Node or Electron object crosses it, only plain data.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { buildBridge } from '../../shared/ipc/bridge';

const INVOKE_CHANNEL = 'vendordesk:invoke'; // electron/main/ipc.ts

contextBridge.exposeInMainWorld(
  'vendorDesk',
  buildBridge((channel, payload) => ipcRenderer.invoke(INVOKE_CHANNEL, channel, payload)),
);
