/** The Platform inside Electron: OS notifications, safeStorage secrets, printToPDF, Electron's userData folder. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BrowserWindow, Notification, app, safeStorage } from 'electron';
import type { PdfPrinter, Platform, SecretStore } from '../services/platform';
import { createFileSecretStore, localKeyCipher, type SecretCipher } from '../services/secrets/file-secret-store';

/**
 * Secrets encrypted by the OS keychain (safeStorage: DPAPI on Windows, Keychain on macOS).
 * Where the OS offers no keychain (some Linux desktops) it falls back to the local-key cipher
 * browser mode uses, and says so in the log.
 */
function createSafeSecretStore(userDataDir: string): SecretStore {
  const keyFile = path.join(userDataDir, 'secrets.key');
  const safe: SecretCipher = {
    encrypt: async (plain) => safeStorage.encryptString(plain).toString('base64'),
    decrypt: async (stored) => safeStorage.decryptString(Buffer.from(stored, 'base64')),
  };
  const available = safeStorage.isEncryptionAvailable();
  if (!available) console.warn('[vendordesk] safeStorage is not available; secrets use a local key file instead');
  return createFileSecretStore({
    file: path.join(userDataDir, available ? 'secrets.safe' : 'secrets.enc.json'),
    keyFile,
    cipher: available ? safe : localKeyCipher(keyFile),
  });
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
      webPreferences: { javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false, spellcheck: false },
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
