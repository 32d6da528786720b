/** The one application window, locked down: sandboxed renderer; navigation and pop-ups are limited app-wide (main.ts). */
import path from 'node:path';
import { BrowserWindow, app, shell } from 'electron';
import { devToolsAllowed } from './hardening';
import { isSafeExternalUrl } from './trust';
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
      // A middle click would open a link in a new window; pop-ups are denied anyway (belt and braces).
      disableBlinkFeatures: 'Auxclick',
      // Packaged builds have no DevTools at all (the menu's toggle does nothing).
      devTools: devToolsAllowed(app.isPackaged, process.env),
    },
  });
  if (state.maximized) window.maximize();
  trackWindowState(window, options.userDataDir);

  // Navigation, redirects, pop-ups and webviews are limited app-wide for every web contents
  // (main.ts, 'web-contents-created' → hardening.ts), this window included.
  window.once('ready-to-show', () => window.show());
  void window.loadURL(options.startUrl);
  return window;
}
