/**
 * The main process's hardening decisions as plain functions (no Electron import), so each is
 * unit-tested in Node: which permission requests and checks are granted, what a web contents may
 * navigate to or open, whether DevTools may open, and what to tell the user about secret storage.
 * electron/main/main.ts wires them to Electron's handlers.
 */
import { textIn } from '../services/text';
import { isSafeExternalUrl, originOf } from './trust';

/**
 * What the renderer needs in Electron: nothing. Alerts are OS notifications shown by the main
 * process (the renderer's web Notification is browser mode only), and copying uses no clipboard
 * permission. So camera, microphone, geolocation, notifications, MIDI, HID/serial/USB, screen
 * capture, pointer lock, external protocols, … are all refused. A permission the app comes to
 * need is added here, and is then granted to the app's own origin only.
 */
export const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set<string>();

/**
 * For both `setPermissionRequestHandler` and `setPermissionCheckHandler`: only the app's own
 * origin (its main frame, or a frame at the same origin) gets the permissions above.
 * `requestingOrigin` is what Electron reports (details.requestingUrl for requests, the
 * requestingOrigin argument for checks); a missing or opaque origin is refused.
 */
export function permissionGranted(
  permission: string,
  requestingUrl: string | undefined,
  appOrigin: string,
  granted: ReadonlySet<string> = GRANTED_PERMISSIONS,
): boolean {
  if (!granted.has(permission)) return false;
  if (!requestingUrl) return false;
  return originOf(requestingUrl) === appOrigin;
}

export type NavigationDecision = 'allow' | 'deny' | 'open-external';

/**
 * `will-navigate`, `will-redirect`, `will-frame-navigate` on ANY web contents (main window, the
 * hidden PDF window, anything created later): staying at the app's origin is allowed; a link to
 * an https page leaves the app into the user's browser (main window only, as a user action);
 * everything else — file:, data:, javascript:, http:, other schemes — is dropped.
 */
export function navigationDecision(
  url: string,
  appOrigin: string,
  options: { userFacing: boolean },
): NavigationDecision {
  if (originOf(url) === appOrigin) return 'allow';
  if (options.userFacing && isSafeExternalUrl(url)) return 'open-external';
  return 'deny';
}

/** `setWindowOpenHandler`: no window is ever created by content; https links open in the browser. */
export function windowOpenDecision(url: string, options: { userFacing: boolean }): 'deny' | 'open-external' {
  return options.userFacing && isSafeExternalUrl(url) ? 'open-external' : 'deny';
}

/** DevTools: available while developing, never in a packaged build. */
export function devToolsAllowed(isPackaged: boolean, env: Record<string, string | undefined>): boolean {
  if (isPackaged) return false;
  return env.VENDORDESK_DEVTOOLS !== '0';
}

export interface SecretStorageAssessment {
  /** Use Electron's safeStorage (OS keychain). */
  useSafeStorage: boolean;
  /** Shown to the user once, in their language, when secrets are less protected than expected. */
  notice: { 'zh-CN': string; en: string } | null;
}

/**
 * safeStorage on Linux may pick the `basic_text` backend (no keyring running, e.g. a minimal
 * desktop or a session without Secret Service): it then "encrypts" with a fixed, public
 * password — as good as plain text. Treat that like "not available": fall back to the app's own
 * local-key cipher (a random key in a 0600 file, no weaker and honest about it) and tell the user
 * how to get real protection.
 */
export function assessSecretStorage(
  platform: NodeJS.Platform | string,
  encryptionAvailable: boolean,
  linuxBackend: string | undefined,
): SecretStorageAssessment {
  const weakLinux = platform === 'linux' && (linuxBackend === 'basic_text' || linuxBackend === 'unknown');
  if (encryptionAvailable && !weakLinux) return { useSafeStorage: true, notice: null };
  const backend = platform === 'linux' ? ` (${linuxBackend ?? 'none'})` : '';
  return {
    useSafeStorage: false,
    notice: {
      'zh-CN': textIn('zh-CN', 'main')('keyringNotice', { backend }),
      en: textIn('en', 'main')('keyringNotice', { backend }),
    },
  };
}
