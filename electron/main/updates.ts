/**
 * Auto-update (electron-updater, configured by `publish` in electron-builder.yml): the flow as
 * plain code over a small updater interface and a prompt function, so it is unit-tested without
 * Electron. main.ts passes electron-updater's `autoUpdater` and a dialog.
 *
 * Nothing happens behind the user's back: the app checks at start (packaged builds only) and
 * then every few hours; when an update exists the user is asked whether to download it, and once
 * downloaded whether to restart now (otherwise it installs when the app quits). Errors are logged,
 * never shown as a modal at start (no network is a normal state for a desktop app).
 *
 * Release channel (setting `updateChannel`): "latest" gets stable releases only; "beta" also gets
 * pre-releases (versions like 1.3.0-beta.1). Going back from beta to latest allows the downgrade
 * to the newest stable version.
 */
import { textIn } from '../services/text';

export const updateChannels = ['latest', 'beta'] as const;
export type UpdateChannel = (typeof updateChannels)[number];

/** The part of electron-updater's AppUpdater this module uses. */
export interface UpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  allowPrerelease: boolean;
  allowDowngrade: boolean;
  channel: string | null;
  checkForUpdates(): Promise<unknown>;
  downloadUpdate(): Promise<unknown>;
  quitAndInstall(): void;
  on(event: 'update-available', listener: (info: { version: string }) => void): unknown;
  on(event: 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

export type Locale = 'zh-CN' | 'en';

/** Shows a question with buttons; resolves with the index of the button chosen. */
export type Prompt = (question: {
  message: string;
  detail: string;
  buttons: string[];
  defaultId: number;
  cancelId: number;
}) => Promise<number>;

export function updateTexts(locale: Locale, version: string, current: string) {
  const t = textIn(locale, 'main');
  return {
    available: {
      message: t('update.available.message', { version }),
      detail: t('update.available.detail', { current }),
      buttons: [t('update.available.download'), t('update.available.later')],
    },
    downloaded: {
      message: t('update.downloaded.message', { version }),
      detail: t('update.downloaded.detail'),
      buttons: [t('update.downloaded.restart'), t('update.downloaded.onQuit')],
    },
  };
}

/** Applies the channel setting to the updater. */
export function applyChannel(updater: UpdaterLike, channel: UpdateChannel): void {
  updater.channel = channel;
  updater.allowPrerelease = channel === 'beta';
  // From beta back to latest: the newest stable version may be lower than the installed beta.
  updater.allowDowngrade = channel === 'latest';
}

export interface UpdateFlowOptions {
  updater: UpdaterLike;
  currentVersion: string;
  /** Read when a prompt is shown, so a language change applies. */
  locale: () => Locale;
  channel: () => UpdateChannel;
  prompt: Prompt;
  log: (message: string, error?: unknown) => void;
}

export class UpdateFlow {
  private prompting = false;
  private offered = new Set<string>();

  constructor(private readonly o: UpdateFlowOptions) {
    o.updater.autoDownload = false; // the user decides
    o.updater.autoInstallOnAppQuit = true;
    o.updater.on('update-available', (info) => void this.offer(info.version));
    o.updater.on('update-downloaded', (info) => void this.offerRestart(info.version));
    o.updater.on('error', (error) => o.log('update check failed', error));
  }

  /** One check with the current channel setting; never throws. */
  async check(): Promise<void> {
    applyChannel(this.o.updater, this.o.channel());
    try {
      await this.o.updater.checkForUpdates();
    } catch (error) {
      this.o.log('update check failed', error);
    }
  }

  private async offer(version: string): Promise<void> {
    // Once per version per run, and never two dialogs at a time.
    if (this.prompting || this.offered.has(version)) return;
    this.offered.add(version);
    this.prompting = true;
    try {
      const t = updateTexts(this.o.locale(), version, this.o.currentVersion).available;
      const choice = await this.o.prompt({ ...t, defaultId: 0, cancelId: 1 });
      if (choice === 0) await this.o.updater.downloadUpdate();
    } catch (error) {
      this.o.log('update download failed', error);
    } finally {
      this.prompting = false;
    }
  }

  private async offerRestart(version: string): Promise<void> {
    const t = updateTexts(this.o.locale(), version, this.o.currentVersion).downloaded;
    const choice = await this.o.prompt({ ...t, defaultId: 0, cancelId: 1 });
    if (choice === 0) this.o.updater.quitAndInstall();
  }
}
