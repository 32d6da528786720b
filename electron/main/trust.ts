/**
 * The security decisions of the main process as plain functions (type-only Electron imports),
 * so they are unit-tested without Electron.
 */
import path from 'node:path';

/** The parts of an IPC event and window that the sender check looks at. */
export interface SenderLike {
  sender: unknown;
  senderFrame: { url: string } | null;
}
export interface WindowLike {
  isDestroyed(): boolean;
  webContents: { mainFrame: unknown };
}

/**
 * scheme://host[:port]. Not `URL.origin`: for a custom scheme such as vendordesk:// the WHATWG
 * origin is the opaque "null" — the same as a data: URL's — so comparing origins would let any
 * opaque-origin page pass.
 */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.host ? `${parsed.protocol}//${parsed.host}` : null;
  } catch {
    return null;
  }
}

/** Only the app window's main frame, at the app's own origin, may call the contract. */
export function isTrustedSender(event: SenderLike, window: WindowLike | null, appOrigin: string): boolean {
  const frame = event.senderFrame;
  if (!window || window.isDestroyed() || !frame) return false;
  if (event.sender !== window.webContents || frame !== window.webContents.mainFrame) return false;
  return originOf(frame.url) === appOrigin;
}

/**
 * Maps a `vendordesk://app/…` URL to a file inside the renderer folder, or null when the URL
 * points anywhere else (another host, `..`, encoded separators escaping the folder).
 */
export function rendererFileFor(requestUrl: string, rendererDir: string): string | null {
  const url = new URL(requestUrl);
  if (url.host !== 'app') return null;
  let relative: string;
  try {
    relative = decodeURIComponent(url.pathname).replace(/^\/+/, '') || 'index.html';
  } catch {
    return null; // malformed percent-encoding
  }
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, relative);
  return file.startsWith(root + path.sep) ? file : null;
}

/** Links leave the app only as https:, in the user's browser. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}
