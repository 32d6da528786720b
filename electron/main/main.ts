/**
 * Electron main process entry: single instance, the app:// protocol, one secure window, the
 * contract served over IPC by the same core browser mode uses, the menu, daily backups.
 */
import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, session } from 'electron';
import { contentSecurityPolicy } from '../../shared/security/csp';
import { createAppCore, type AppCore } from '../services/app-core';
import { serveContract } from './ipc';
import { buildAppMenu } from './menu';
import { createElectronPlatform } from './platform-electron';
import { APP_ORIGIN, registerAppScheme, serveRenderer } from './protocol';
import { originOf } from './trust';
import { createMainWindow } from './window';

const devServerUrl = process.env.VENDORDESK_DEV_SERVER_URL; // set by `npm start`
const appRoot = app.getAppPath(); // repo root in development, app.asar when packaged
const BACKUP_INTERVAL_MS = 60 * 60 * 1000;

let mainWindow: BrowserWindow | null = null;
let core: AppCore | null = null;

/** Development keeps a separate better-sqlite3 build for Electron's ABI (scripts/native-electron.mjs). */
function electronNativeBinding(): string | undefined {
  const candidate = path.join(appRoot, '.native', `electron-${process.versions.electron}`, 'better_sqlite3.node');
  return fs.existsSync(candidate) ? candidate : undefined;
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('before-quit', () => core?.close());
  // Belt and braces: no other window, webview or navigation anywhere in the app.
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });

  void app.whenReady().then(start).catch((error: unknown) => {
    dialog.showErrorBox('VendorDesk', `VendorDesk could not start:\n${error instanceof Error ? error.stack : String(error)}`);
    app.exit(1);
  });
}

async function start(): Promise<void> {
  const platform = createElectronPlatform((route) => {
    mainWindow?.show();
    mainWindow?.webContents.send('vendordesk:navigate', route);
    // The renderer polls alerts.recent and opens this route (no preload listener needed).
    core?.alerts.requestNavigation(route);
  });
  core = createAppCore({ platform, mode: 'electron', nativeBinding: electronNativeBinding() });
  const startUrl = devServerUrl ?? `${APP_ORIGIN}/index.html`;
  const appOrigin = originOf(startUrl) ?? APP_ORIGIN;

  if (devServerUrl) {
    // The dev server serves index.html itself; add the (dev) CSP to its responses.
    session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy({ dev: true })] } });
    });
  } else {
    serveRenderer(path.join(appRoot, 'dist', 'renderer'));
  }
  // The renderer never needs camera, microphone, geolocation and the like.
  session.defaultSession.setPermissionRequestHandler((_wc, permission, callback) => callback(permission === 'notifications'));

  const activeCore = core;
  serveContract({
    dispatch: activeCore.dispatch,
    getWindow: () => mainWindow,
    appOrigin,
    afterCall: (channel, result) => {
      if (channel === 'settings.update' && result.ok) buildAppMenu(activeCore.settings.get().locale);
    },
  });
  buildAppMenu(activeCore.settings.get().locale);

  const open = () => {
    mainWindow = createMainWindow({
      preloadPath: path.join(appRoot, 'dist-electron', 'preload.cjs'),
      startUrl,
      userDataDir: platform.userDataDir,
      iconPath: path.join(appRoot, 'resources', 'icons', 'icon.png'),
    });
    mainWindow.on('closed', () => (mainWindow = null));
  };
  open();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) open();
  });

  if (activeCore.store.state.message) {
    void dialog.showMessageBox({ type: 'warning', title: 'VendorDesk', message: activeCore.store.state.message });
  }
  await activeCore.backup().catch((error: unknown) => console.error('backup failed', error));
  setInterval(() => void activeCore.backup().catch((error: unknown) => console.error('backup failed', error)), BACKUP_INTERVAL_MS).unref();
}
