// scripts/notarize.mjs (electron-builder afterSign): a no-op that says why unless a complete set of
// Apple credentials is present; then it notarises the .app with exactly those credentials.
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { importScript } from './project';

interface NotarizeOptions {
  tool: string;
  appPath: string;
  [credential: string]: string;
}
type Notarize = (options: NotarizeOptions) => Promise<void>;
interface HookDeps {
  env: Record<string, string | undefined>;
  loadNotarize: () => Promise<Notarize>;
  log: (message: string) => void;
}
interface NotarizeScript {
  afterSign: (context: unknown, deps?: Partial<HookDeps>) => Promise<void>;
  notaryCredentials: (
    env: Record<string, string | undefined>,
  ) => { set: string; credentials: Record<string, string> } | null;
}

const script = await importScript<NotarizeScript>('scripts/notarize.mjs');

const APP_OUT_DIR = path.join('release', 'mac-universal');

function macContext(platform = 'darwin') {
  return {
    electronPlatformName: platform,
    appOutDir: APP_OUT_DIR,
    packager: { appInfo: { productFilename: 'VendorDesk' } },
  };
}

/** Runs the hook with `env`, recording log lines and notarize calls instead of contacting Apple. */
async function runHook(env: Record<string, string | undefined>, platform?: string) {
  const notarize = vi.fn<Notarize>(async () => undefined);
  const loadNotarize = vi.fn(async () => notarize);
  const logs: string[] = [];
  await script.afterSign(macContext(platform), { env, loadNotarize, log: (line) => logs.push(line) });
  return { notarize, loadNotarize, logs };
}

const APPLE_ID_ENV = {
  APPLE_ID: 'dev@example.com',
  APPLE_APP_SPECIFIC_PASSWORD: 'abcd-efgh-ijkl-mnop',
  APPLE_TEAM_ID: 'TEAM123456',
};

describe('notarize afterSign hook', () => {
  it('resolves without loading or calling notarize when no credentials are set, and says why', async () => {
    const { notarize, loadNotarize, logs } = await runHook({});
    expect(loadNotarize).not.toHaveBeenCalled();
    expect(notarize).not.toHaveBeenCalled();
    expect(logs.join('\n')).toMatch(/notarisation skipped: no Apple credentials/);
    expect(logs.join('\n')).toContain('APPLE_APP_SPECIFIC_PASSWORD');
  });

  it('treats empty strings (how CI passes unset secrets) as absent', async () => {
    const { notarize } = await runHook({ APPLE_ID: '', APPLE_APP_SPECIFIC_PASSWORD: ' ', APPLE_TEAM_ID: '' });
    expect(notarize).not.toHaveBeenCalled();
  });

  it('does nothing for non-macOS builds even with credentials', async () => {
    const { notarize, logs } = await runHook(APPLE_ID_ENV, 'win32');
    expect(notarize).not.toHaveBeenCalled();
    expect(logs.join('\n')).toMatch(/not darwin/);
  });

  it('notarises the signed .app with the Apple ID credentials', async () => {
    const { notarize } = await runHook(APPLE_ID_ENV);
    expect(notarize).toHaveBeenCalledTimes(1);
    expect(notarize).toHaveBeenCalledWith({
      tool: 'notarytool',
      appPath: path.join(APP_OUT_DIR, 'VendorDesk.app'),
      appleId: 'dev@example.com',
      appleIdPassword: 'abcd-efgh-ijkl-mnop',
      teamId: 'TEAM123456',
    });
  });

  it('notarises with an App Store Connect API key', async () => {
    const { notarize } = await runHook({
      APPLE_API_KEY: '/tmp/AuthKey_T9GPZ92M7K.p8',
      APPLE_API_KEY_ID: 'T9GPZ92M7K',
      APPLE_API_ISSUER: 'c055ca8c-e5a8-4836-b61d-aa5794eeb3f4',
    });
    expect(notarize.mock.calls[0]?.[0]).toMatchObject({
      appleApiKey: '/tmp/AuthKey_T9GPZ92M7K.p8',
      appleApiKeyId: 'T9GPZ92M7K',
      appleApiIssuer: 'c055ca8c-e5a8-4836-b61d-aa5794eeb3f4',
    });
  });

  it('notarises with a keychain profile, passing the keychain only when given', async () => {
    expect(script.notaryCredentials({ APPLE_KEYCHAIN_PROFILE: 'vendordesk' })?.credentials).toEqual({
      keychainProfile: 'vendordesk',
    });
    expect(
      script.notaryCredentials({ APPLE_KEYCHAIN_PROFILE: 'vendordesk', APPLE_KEYCHAIN: 'ci.keychain' })
        ?.credentials,
    ).toEqual({ keychainProfile: 'vendordesk', keychain: 'ci.keychain' });
  });

  it('fails, naming what is missing, when a credential set is only half configured', async () => {
    await expect(runHook({ APPLE_ID: 'dev@example.com', APPLE_TEAM_ID: 'TEAM123456' })).rejects.toThrow(
      /Apple ID .*missing APPLE_APP_SPECIFIC_PASSWORD/,
    );
    await expect(runHook({ APPLE_API_KEY_ID: 'T9GPZ92M7K' })).rejects.toThrow(
      /APPLE_API_KEY, APPLE_API_ISSUER/,
    );
  });

  it('propagates a notarisation failure so the release fails', async () => {
    const failing = vi.fn<Notarize>(async () => {
      throw new Error('notarytool: Invalid');
    });
    await expect(
      script.afterSign(macContext(), {
        env: APPLE_ID_ENV,
        loadNotarize: async () => failing,
        log: () => undefined,
      }),
    ).rejects.toThrow('notarytool: Invalid');
  });

  it('loads the real @electron/notarize when credentials are present (default loader)', async () => {
    // Proves the default loader resolves the installed package without submitting anything: the real
    // notarize first verifies the code signature with `codesign`, which fails for a missing .app
    // (or is absent off macOS) before Apple is contacted.
    const logs: string[] = [];
    const context = { ...macContext(), appOutDir: 'does-not-exist' };
    await expect(
      script.afterSign(context, { env: APPLE_ID_ENV, log: (line) => logs.push(line) }),
    ).rejects.toThrow(/codesign/i);
    expect(logs.join('\n')).toMatch(/notarising/);
  });
});
