/** electron/main/updates.ts: the auto-update flow over a fake electron-updater (Electron does not run here). */
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { UpdateFlow, applyChannel, type Prompt, type UpdaterLike } from '../../electron/main/updates';

class FakeUpdater extends EventEmitter implements UpdaterLike {
  autoDownload = true;
  autoInstallOnAppQuit = false;
  allowPrerelease = false;
  allowDowngrade = false;
  channel: string | null = null;
  checks = 0;
  downloads = 0;
  installs = 0;
  failCheck = false;
  async checkForUpdates() {
    this.checks++;
    if (this.failCheck) throw new Error('offline');
    return null;
  }
  async downloadUpdate() {
    this.downloads++;
    return [];
  }
  quitAndInstall() {
    this.installs++;
  }
}

function setup(answers: number[], channel: 'latest' | 'beta' = 'latest', locale: 'zh-CN' | 'en' = 'en') {
  const updater = new FakeUpdater();
  const asked: Parameters<Prompt>[0][] = [];
  const logged: string[] = [];
  const prompt: Prompt = async (q) => {
    asked.push(q);
    return answers.shift() ?? q.cancelId;
  };
  const flow = new UpdateFlow({
    updater,
    currentVersion: '1.0.0',
    locale: () => locale,
    channel: () => channel,
    prompt,
    log: (m) => logged.push(m),
  });
  return { updater, asked, logged, flow };
}
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('update flow', () => {
  it('never downloads on its own: asks first, downloads on yes, then asks to restart', async () => {
    const { updater, asked, flow } = setup([0, 0]);
    expect(updater.autoDownload).toBe(false);
    expect(updater.autoInstallOnAppQuit).toBe(true);
    await flow.check();
    updater.emit('update-available', { version: '1.1.0' });
    await tick();
    expect(asked[0]?.message).toBe('VendorDesk 1.1.0 is available');
    expect(asked[0]?.detail).toContain('1.0.0');
    expect(updater.downloads).toBe(1);
    updater.emit('update-downloaded', { version: '1.1.0' });
    await tick();
    expect(asked[1]?.buttons).toEqual(['Restart now', 'When I quit']);
    expect(updater.installs).toBe(1);
  });

  it('"later" downloads nothing, and the same version is not offered again in this run', async () => {
    const { updater, asked } = setup([1]);
    updater.emit('update-available', { version: '1.1.0' });
    await tick();
    updater.emit('update-available', { version: '1.1.0' });
    await tick();
    expect(asked).toHaveLength(1);
    expect(updater.downloads).toBe(0);
  });

  it('"when I quit" leaves the install to the quit', async () => {
    const { updater } = setup([1]);
    updater.emit('update-downloaded', { version: '1.1.0' });
    await tick();
    expect(updater.installs).toBe(0);
  });

  it('asks in the user language', async () => {
    const { updater, asked } = setup([1], 'latest', 'zh-CN');
    updater.emit('update-available', { version: '2.0.0' });
    await tick();
    expect(asked[0]?.message).toBe('VendorDesk 2.0.0 已发布');
    expect(asked[0]?.buttons).toEqual(['下载', '以后再说']);
  });

  it('a failed check is logged, not thrown or shown', async () => {
    const { updater, asked, logged, flow } = setup([]);
    updater.failCheck = true;
    await expect(flow.check()).resolves.toBeUndefined();
    expect(logged).toEqual(['update check failed']);
    expect(asked).toHaveLength(0);
  });

  it('the channel setting: beta allows pre-releases; back to latest allows the downgrade to stable', async () => {
    const { updater, flow } = setup([], 'beta');
    await flow.check();
    expect(updater).toMatchObject({ channel: 'beta', allowPrerelease: true, allowDowngrade: false });
    applyChannel(updater, 'latest');
    expect(updater).toMatchObject({ channel: 'latest', allowPrerelease: false, allowDowngrade: true });
  });
});
