/** The Platform for browser mode (and tests): plain Node, no Electron. */
import { createChromiumPrinter } from '../services/reports/chromium-printer';
import path from 'node:path';
import type { DesktopNotification, PdfPrinter, Platform } from '../services/platform';
import { createFileSecretStore } from '../services/secrets/file-secret-store';
import type { UploadSource } from '../services/uploads';

export interface NodePlatformOptions {
  userDataDir: string;
  appVersion: string;
  now?: () => Date;
  /** Browser mode shows notifications in the page; the host forwards them there. */
  onNotify?: (notification: DesktopNotification) => void;
  /** Default: headless Chromium (CHROMIUM_PATH or /usr/bin/chromium). */
  printer?: PdfPrinter;
  /** TEST HOOK (see Platform.allowPrivateSiteAddresses). */
  allowPrivateSiteAddresses?: boolean;
  /** Uploaded files (the host gives the core its registry; tests their own). */
  uploads?: UploadSource;
}

export function createNodePlatform(options: NodePlatformOptions): Platform {
  return {
    userDataDir: options.userDataDir,
    appVersion: options.appVersion,
    now: options.now ?? (() => new Date()),
    ...(options.allowPrivateSiteAddresses ? { allowPrivateSiteAddresses: true } : {}),
    ...(options.uploads ? { uploads: options.uploads } : {}),
    notifier: { notify: (n) => options.onNotify?.(n) },
    printer: options.printer ?? createChromiumPrinter(),
    secrets: createFileSecretStore({
      file: path.join(options.userDataDir, 'secrets.enc.json'),
      keyFile: path.join(options.userDataDir, 'secrets.key'),
    }),
  };
}
