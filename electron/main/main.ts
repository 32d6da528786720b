/**
 * Electron main process entry: single instance, the app:// protocol, one secure window, the
 * contract served over IPC by the same core browser mode uses — in its own worker thread
 * (CoreClient), so SQLite and the engines never block the process that moves the windows —
 * the core's events forwarded to the window, the menu.
 */
import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, session, type WebContents } from 'electron';
import type { Locale, Settings } from '../../shared/ipc/contract';
import { contentSecurityPolicy } from '../../shared/security/csp';
import { CoreClient } from '../services/core-worker/client';
import { resetUploadsDir, UploadRegistry } from '../services/uploads';
import { serveUploads } from './uploads-ipc';
import { sendEvent, serveContract } from './ipc';
import { buildAppMenu } from './menu';
import { devToolsAllowed, navigationDecision, permissionGranted, windowOpenDecision } from './hardening';
import { createElectronPlatform, secretStorageNotice } from './platform-electron';
import { APP_ORIGIN, registerAppScheme, serveRenderer } from './protocol';
import { originOf } from './trust';
import { UpdateFlow, type UpdaterLike } from './updates';
import { createMainWindow, openExternalSafely } from './window';

const devServerUrl = process.env.VENDORDESK_DEV_SERVER_URL; // set by `npm start`
const appRoot = app.getAppPath(); // repo root in development, app.asar when packaged
const UPDATE_INTERVAL_MS = 6 * 60 * 60 * 1000;

// TEST HOOK (unpackaged only): VENDORDESK_USER_DATA_DIR puts the database in a fresh folder, so the
// Electron smoke test (test/electron) never touches the developer's own data. Ignored when packaged.
if (!app.isPackaged && process.env.VENDORDESK_USER_DATA_DIR)
  app.setPath('userData', path.resolve(process.env.VENDORDESK_USER_DATA_DIR));

let mainWindow: BrowserWindow | null = null;
let core: CoreClient | null = null;

/** Development keeps a separate better-sqlite3 build for Electron's ABI (scripts/native-electron.mjs). */
function electronNativeBinding(): string | undefined {
  const candidate = path.join(
    appRoot,
    '.native',
    `electron-${process.versions.electron}`,
    'better_sqlite3.node',
  );
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
  // Every web contents the app ever creates — the main window, the hidden PDF window, anything
  // added later — gets the same limits: no webview, no pop-up window, no navigation away from the
  // app's origin (https links from the main window open in the browser), no DevTools when packaged.
  app.on('web-contents-created', (_event, contents) => limitWebContents(contents));

  void app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      dialog.showErrorBox(
        'VendorDesk',
        `VendorDesk could not start:\n${error instanceof Error ? error.stack : String(error)}`,
      );
      app.exit(1);
    });
}

const updatesRef: { flow: UpdateFlow | null } = { flow: null };

/**
 * electron-updater against the `publish` feed of electron-builder.yml; packaged builds only (an
 * unpackaged app has no app-update.yml). The user is asked before downloading and before restarting.
 */
async function startUpdates(currentSettings: () => Settings): Promise<UpdateFlow> {
  const { autoUpdater } = await import('electron-updater');
  const flow = new UpdateFlow({
    updater: autoUpdater as unknown as UpdaterLike,
    currentVersion: app.getVersion(),
    locale: (): Locale => currentSettings().locale,
    channel: () => currentSettings().updateChannel ?? 'latest',
    prompt: async (question) => {
      const options = { type: 'info' as const, title: 'VendorDesk', ...question, noLink: true };
      const result =
        mainWindow && !mainWindow.isDestroyed()
          ? await dialog.showMessageBox(mainWindow, options)
          : await dialog.showMessageBox(options);
      return result.response;
    },
    log: (message, error) => console.error(`[vendordesk] ${message}`, error ?? ''),
  });
  setTimeout(() => void flow.check(), 10_000).unref();
  setInterval(() => void flow.check(), UPDATE_INTERVAL_MS).unref();
  return flow;
}

/** The app's origin once known (start()); until then nothing is allowed to navigate anywhere. */
let appOriginForLimits = '';

function limitWebContents(contents: WebContents): void {
  const userFacing = () =>
    mainWindow !== null && !mainWindow.isDestroyed() && contents === mainWindow.webContents;
  contents.on('will-attach-webview', (event) => event.preventDefault());
  const guard = (event: { preventDefault(): void }, url: string, isUserNavigation: boolean) => {
    const decision = navigationDecision(url, appOriginForLimits, {
      userFacing: userFacing() && isUserNavigation,
    });
    if (decision === 'allow') return;
    event.preventDefault();
    if (decision === 'open-external') openExternalSafely(url);
  };
  contents.on('will-navigate', (event, url) => guard(event, url, true));
  contents.on('will-frame-navigate', (event) => guard(event, event.url, false));
  contents.on('will-redirect', (event, url) => guard(event, url, false));
  contents.setWindowOpenHandler(({ url }) => {
    if (windowOpenDecision(url, { userFacing: userFacing() }) === 'open-external') openExternalSafely(url);
    return { action: 'deny' };
  });
  if (!devToolsAllowed(app.isPackaged, process.env)) {
    contents.on('devtools-opened', () => contents.closeDevTools());
  }
}

async function start(): Promise<void> {
  const navigate = (route: string) => {
    mainWindow?.show();
    sendEvent(mainWindow, 'app.navigate', { route });
  };
  const platform = createElectronPlatform(navigate);
  // Files chosen for an import, registered by path (uploads-ipc.ts); the core takes them by id.
  const uploads = new UploadRegistry();
  // Staging files an earlier run left (a crash during an import) go.
  resetUploadsDir(platform.userDataDir);
  core = new CoreClient({
    workerPath: path.join(appRoot, 'dist-electron', 'core-worker.cjs'),
    init: {
      userDataDir: platform.userDataDir,
      appVersion: platform.appVersion,
      mode: 'electron',
      nativeBinding: electronNativeBinding(),
      clockOffsetMs: 0,
    },
    platform: { ...platform, uploads },
    log: (message, error) => console.error(`[vendordesk] ${message}`, error ?? ''),
  });
  await core.whenReady();
  const startUrl = devServerUrl ?? `${APP_ORIGIN}/index.html`;
  const appOrigin = originOf(startUrl) ?? APP_ORIGIN;
  appOriginForLimits = appOrigin;

  if (devServerUrl) {
    // The dev server serves index.html itself; add the (dev) CSP to its responses.
    session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
      callback({
        responseHeaders: {
          ...details.responseHeaders,
          'Content-Security-Policy': [contentSecurityPolicy({ dev: true })],
        },
      });
    });
  } else {
    serveRenderer(path.join(appRoot, 'dist', 'renderer'));
  }
  // Permission requests AND the synchronous checks (navigator.permissions.query, Notification.permission,
  // …): only what hardening.ts lists, only for the app's own origin. No device (HID/serial/USB) access.
  session.defaultSession.setPermissionRequestHandler((_wc, permission, callback, details) =>
    callback(permissionGranted(permission, details.requestingUrl, appOrigin)),
  );
  session.defaultSession.setPermissionCheckHandler((_wc, permission, requestingOrigin) =>
    permissionGranted(permission, requestingOrigin, appOrigin),
  );
  session.defaultSession.setDevicePermissionHandler(() => false);

  const activeCore = core;
  activeCore.onEvent((name, payload) => sendEvent(mainWindow, name, payload));
  serveUploads({ uploads, getWindow: () => mainWindow, appOrigin });
  serveContract({
    dispatch: (channel, payload) => activeCore.dispatch(channel, payload),
    getWindow: () => mainWindow,
    appOrigin,
    afterCall: (channel, result, payload) => {
      if (channel === 'settings.update' && result.ok) {
        settings = result.value as Settings;
        buildAppMenu(settings.locale, navigate);
        // A changed channel applies at once: check against it.
        if (payload && typeof payload === 'object' && 'updateChannel' in payload)
          void updatesRef.flow?.check();
      }
    },
  });
  const [storedSettings, status] = await Promise.all([
    activeCore.dispatch('settings.get', {}),
    activeCore.dispatch('app.status', {}),
  ]);
  let settings: Settings = storedSettings.ok ? (storedSettings.value as Settings) : { locale: 'zh-CN' };
  buildAppMenu(settings.locale, navigate);
  updatesRef.flow = app.isPackaged ? await startUpdates(() => settings) : null;

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
  const message = status.ok
    ? (status.value as { database: { message?: string } }).database.message
    : undefined;
  if (message) void dialog.showMessageBox({ type: 'warning', title: 'VendorDesk', message });
  // Linux without a keyring (safeStorage's basic_text backend): say where the API keys are kept.
  // Shown once per data folder (a marker file), and logged every start.
  const notice = secretStorageNotice();
  const noticeMarker = path.join(platform.userDataDir, 'secrets-notice-shown');
  if (notice && !fs.existsSync(noticeMarker)) {
    void dialog
      .showMessageBox({ type: 'info', title: 'VendorDesk', message: notice[settings.locale] })
      .then(() => fs.writeFileSync(noticeMarker, new Date().toISOString()));
  }
}
