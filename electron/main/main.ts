/**
 * Electron main process entry: single instance, the app:// protocol, one secure window, the
 * contract served over IPC by the same core browser mode uses — in its own worker thread
 * (CoreClient), so SQLite and the engines never block the process that moves the windows —
 * the core's events forwarded to the window, the menu.
 */
import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, session } from 'electron';
import type { Locale } from '../../shared/ipc/contract';
import { contentSecurityPolicy } from '../../shared/security/csp';
import { CoreClient } from '../services/core-worker/client';
import { sendEvent, serveContract } from './ipc';
import { buildAppMenu } from './menu';
import { createElectronPlatform } from './platform-electron';
import { APP_ORIGIN, registerAppScheme, serveRenderer } from './protocol';
import { originOf } from './trust';
import { createMainWindow } from './window';

const devServerUrl = process.env.VENDORDESK_DEV_SERVER_URL; // set by `npm start`
const appRoot = app.getAppPath(); // repo root in development, app.asar when packaged

let mainWindow: BrowserWindow | null = null;
let core: CoreClient | null = null;

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
  app.on('before-quit', () => void core?.close());
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
  const navigate = (route: string) => {
    mainWindow?.show();
    sendEvent(mainWindow, 'app.navigate', { route });
  };
  const platform = createElectronPlatform(navigate);
  core = new CoreClient({
    workerPath: path.join(appRoot, 'dist-electron', 'core-worker.cjs'),
    init: {
      userDataDir: platform.userDataDir,
      appVersion: platform.appVersion,
      mode: 'electron',
      nativeBinding: electronNativeBinding(),
      clockOffsetMs: 0,
    },
    platform,
    log: (message, error) => console.error(`[vendordesk] ${message}`, error ?? ''),
  });
  await core.whenReady();
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
  activeCore.onEvent((name, payload) => sendEvent(mainWindow, name, payload));
  serveContract({
    dispatch: (channel, payload) => activeCore.dispatch(channel, payload),
    getWindow: () => mainWindow,
    appOrigin,
    afterCall: (channel, result) => {
      if (channel === 'settings.update' && result.ok) buildAppMenu((result.value as { locale: Locale }).locale, navigate);
    },
  });
  const [settings, status] = await Promise.all([activeCore.dispatch('settings.get', {}), activeCore.dispatch('app.status', {})]);
  buildAppMenu(settings.ok ? (settings.value as { locale: Locale }).locale : 'zh-CN', navigate);

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

  // Daily backups run inside the core's worker.
  const message = status.ok ? (status.value as { database: { message?: string } }).database.message : undefined;
  if (message) void dialog.showMessageBox({ type: 'warning', title: 'VendorDesk', message });
}
