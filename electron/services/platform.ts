/**
 * What the services need from the operating system, behind interfaces: Electron provides one
 * implementation (electron/main/platform-electron.ts), browser mode another
 * (electron/web/platform-node.ts), tests a third. Services never import Electron.
 */
import type { UploadSource } from './uploads';

/** Secrets (marketplace AccessKey/SecretKey). Electron: safeStorage; browser mode: a 0600 file encrypted with a local key. */
export interface SecretStore {
  get(name: string): Promise<string | null>;
  set(name: string, value: string): Promise<void>;
  delete(name: string): Promise<void>;
}

export interface DesktopNotification {
  title: string;
  body: string;
  /** Opened in the app when the user clicks the notification, e.g. "/service?ticket=T-1". */
  route?: string;
}

export interface Notifier {
  notify(notification: DesktopNotification): void;
}

export interface PdfPrinter {
  /** Renders self-contained HTML to a PDF. */
  htmlToPdf(html: string): Promise<Uint8Array>;
}

/** What the OS says about the network, and waking from sleep: the sync scheduler pauses and resumes on it. */
export type ConnectivityChange = { type: 'online' } | { type: 'offline' } | { type: 'resumed' };

export interface Connectivity {
  /** Reports changes (and the current state, once known); returns the unsubscribe. */
  subscribe(listener: (change: ConnectivityChange) => void): () => void;
}

/** What the core is given; fields are added as features start to use them. */
export interface Platform {
  notifier: Notifier;
  /** Marketplace credentials; never sent to the renderer or written to logs. */
  secrets: SecretStore;
  /** Check reports as PDF (Electron: printToPDF; browser mode: headless Chromium). */
  printer: PdfPrinter;
  /** Folder for the database, backups and caches. */
  userDataDir: string;
  appVersion: string;
  now(): Date;
  /**
   * Network state and wake-ups (Electron: net.isOnline, powerMonitor 'resume'). Absent where the
   * host has no such signal (browser mode's Node host): sync then backs off on failed passes only.
   */
  connectivity?: Connectivity;
  /**
   * TEST HOOK: let the official-site check fetch pages from loopback/private addresses (end-to-end
   * tests serve pages from 127.0.0.1). Unset everywhere outside tests: such addresses are refused.
   */
  allowPrivateSiteAddresses?: boolean;
  /** Files handed over for an import by the transport (./uploads.ts); absent: inline imports only. */
  uploads?: UploadSource;
}
