/** The Platform inside Electron: OS notifications, safeStorage secrets, printToPDF, Electron's userData folder, network state. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BrowserWindow, Notification, app, net, powerMonitor, safeStorage } from 'electron';
import type { PdfPrinter, Platform, SecretStore } from '../services/platform';
import { assessSecretStorage, type SecretStorageAssessment } from './hardening';
import {
  createFileSecretStore,
  localKeyCipher,
  type SecretCipher,
} from '../services/secrets/file-secret-store';
import { pollingConnectivity } from '../services/sync/connectivity';

let assessment: SecretStorageAssessment | undefined;

/** What safeStorage offers here; on Linux its `basic_text` backend counts as no keychain. */
function secretStorage(): SecretStorageAssessment {
  assessment ??= assessSecretStorage(
    process.platform,
    safeStorage.isEncryptionAvailable(),
    process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : undefined,
  );
  return assessment;
}

/** The notice for the user when secrets are not protected by an OS keychain, else null. */
export function secretStorageNotice(): SecretStorageAssessment['notice'] {
  return secretStorage().notice;
}

/**
 * Secrets encrypted by the OS keychain (safeStorage: DPAPI on Windows, Keychain on macOS,
 * Secret Service/KWallet on Linux). Where the OS offers none — including Linux's `basic_text`
 * backend, a fixed public password — it falls back to the local-key cipher browser mode uses,
 * and the user is told (secretStorageNotice, shown at start).
 */
function createSafeSecretStore(userDataDir: string): SecretStore {
  const keyFile = path.join(userDataDir, 'secrets.key');
  const safe: SecretCipher = {
    encrypt: async (plain) => safeStorage.encryptString(plain).toString('base64'),
    decrypt: async (stored) => safeStorage.decryptString(Buffer.from(stored, 'base64')),
  };
  const available = secretStorage().useSafeStorage;
  if (!available)
    console.warn(
      '[vendordesk] no OS keychain (safeStorage unavailable or basic_text); secrets use a local key file instead',
    );
  const store = createFileSecretStore({
    file: path.join(userDataDir, available ? 'secrets.safe' : 'secrets.enc.json'),
    keyFile,
    cipher: available ? safe : localKeyCipher(keyFile),
  });
  const legacyFile = path.join(userDataDir, 'secrets.safe');
  if (available || !safeStorage.isEncryptionAvailable() || !fs.existsSync(legacyFile)) return store;
  // Earlier versions used safeStorage even with basic_text: move each secret over when first read.
  const legacy = createFileSecretStore({ file: legacyFile, keyFile, cipher: safe });
  return {
    get: async (name) => {
      const value = await store.get(name);
      if (value !== null) return value;
      const old = await legacy.get(name).catch(() => null);
      if (old === null) return null;
      await store.set(name, old);
      await legacy.delete(name);
      return old;
    },
    set: (name, value) => store.set(name, value),
    delete: async (name) => {
      await store.delete(name);
      await legacy.delete(name).catch(() => undefined);
    },
  };
}

/**
 * Check reports to PDF: a hidden, script-less, sandboxed window loads the self-contained report
 * from a private temp file and prints it with `webContents.printToPDF`.
 */
const electronPrinter: PdfPrinter = {
  async htmlToPdf(html) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vendordesk-pdf-'));
    const file = path.join(dir, 'report.html');
    fs.writeFileSync(file, html);
    const window = new BrowserWindow({
      show: false,
      webPreferences: {
        javascript: false,
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        spellcheck: false,
        disableBlinkFeatures: 'Auxclick',
        devTools: false,
      },
    });
    try {
      await window.loadFile(file);
      const pdf = await window.webContents.printToPDF({ pageSize: 'A4', printBackground: true });
      return new Uint8Array(pdf);
    } finally {
      window.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};

export function createElectronPlatform(onNotificationClick: (route: string) => void): Platform {
  return {
    userDataDir: app.getPath('userData'),
    appVersion: app.getVersion(),
    now: () => new Date(),
    printer: electronPrinter,
    secrets: createSafeSecretStore(app.getPath('userData')),
    // The sync scheduler pauses while the OS reports no network and syncs at once on waking.
    connectivity: pollingConnectivity({
      isOnline: () => net.isOnline(),
      onResume: (fn) => {
        powerMonitor.on('resume', fn);
        return () => void powerMonitor.off('resume', fn);
      },
    }),
    notifier: {
      notify(n) {
        if (!Notification.isSupported()) return;
        const notification = new Notification({ title: n.title, body: n.body });
        if (n.route) notification.on('click', () => onNotificationClick(n.route as string));
        notification.show();
      },
    },
  };
}
