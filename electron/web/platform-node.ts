/** The Platform for browser mode (and tests): plain Node, no Electron. */
import type { DesktopNotification, Platform } from '../services/platform';

export interface NodePlatformOptions {
  userDataDir: string;
  appVersion: string;
  now?: () => Date;
  /** Browser mode shows notifications in the page; the host forwards them there. */
  onNotify?: (notification: DesktopNotification) => void;
}

export function createNodePlatform(options: NodePlatformOptions): Platform {
  return {
    userDataDir: options.userDataDir,
    appVersion: options.appVersion,
    now: options.now ?? (() => new Date()),
    notifier: { notify: (n) => options.onNotify?.(n) },
  };
}
