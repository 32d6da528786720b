/** The one application window, locked down: sandboxed renderer, no navigation, no pop-ups. */
import path from 'node:path';
import { BrowserWindow, shell } from 'electron';
import { isSafeExternalUrl, originOf } from './trust';
import { loadWindowState, trackWindowState } from './window-state';

export interface WindowOptions {
  preloadPath: string;
  startUrl: string;
  userDataDir: string;
  iconPath?: string;
}

/** Opens only https: links, in the user's browser; everything else is dropped. */
export function openExternalSafely(url: string): void {
  if (isSafeExternalUrl(url)) void shell.openExternal(url);
}

export function createMainWindow(options: WindowOptions): BrowserWindow {
  const state = loadWindowState(options.userDataDir);
  const window = new BrowserWindow({
    ...state,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'VendorDesk 服务商工作台',
    icon: options.iconPath,
    webPreferences: {
      preload: path.resolve(options.preloadPath),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  if (state.maximized) window.maximize();
  trackWindowState(window, options.userDataDir);

  const appOrigin = originOf(options.startUrl);
  window.webContents.on('will-navigate', (event, url) => {
    if (originOf(url) !== appOrigin) {
      event.preventDefault();
      openExternalSafely(url);
    }
  });
  window.webContents.on('will-redirect', (event, url) => {
    if (originOf(url) !== appOrigin) event.preventDefault();
  });
  window.webContents.setWindowOpenHandler(({ url }) => {
    openExternalSafely(url);
    return { action: 'deny' };
  });
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());
  window.once('ready-to-show', () => window.show());
  void window.loadURL(options.startUrl);
  return window;
}
