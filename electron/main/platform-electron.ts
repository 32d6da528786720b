/** The Platform inside Electron: OS notifications, Electron's userData folder. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BrowserWindow, Notification, app } from 'electron';
import type { PdfPrinter, Platform } from '../services/platform';

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
