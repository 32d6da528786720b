// electron-builder.yml: valid for the installed electron-builder, and the settings the release depends
// on (identity, targets, macOS hardening, native-module unpacking, bundled files) are as intended.
import { existsSync, readFileSync } from 'node:fs';
import { parse as parsePlist } from 'plist';
import { describe, expect, it } from 'vitest';
import { validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import packageJson from '../../../package.json';
import { fromRoot, importScript, readYaml } from './project';

interface TargetEntry {
  target: string;
  arch: string[];
}

// Only the fields these tests read; electron-builder's own schema validates the rest.
interface BuilderConfig {
  appId: string;
  productName: string;
  copyright: string;
  directories: { buildResources: string; output: string };
  asar: boolean;
  files: string[];
  asarUnpack: string[];
  npmRebuild: boolean;
  electronFuses: Record<string, boolean>;
  win: { icon: string; target: TargetEntry[] };
  nsis: Record<string, unknown>;
  mac: {
    icon: string;
    category: string;
    target: TargetEntry[];
    hardenedRuntime: boolean;
    gatekeeperAssess: boolean;
    entitlements: string;
    entitlementsInherit: string;
    notarize: boolean;
  };
  dmg: { artifactName: string };
  afterSign: string;
  linux: { icon: string };
}

const config = readYaml('electron-builder.yml') as BuilderConfig;

describe('electron-builder.yml', () => {
  it('passes the installed electron-builder’s configuration schema', async () => {
    await expect(validateConfiguration(config as never, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('is rejected by that schema when an option is misspelt (the check above can fail)', async () => {
    const broken = { ...config, nsis: { ...config.nsis, oneclick: false } };
    await expect(validateConfiguration(broken as never, new DebugLogger(false))).rejects.toThrow(/nsis/);
  });

  it('names the app', () => {
    expect(config.appId).toBe('com.vendordesk.app');
    expect(config.productName).toBe('VendorDesk');
    expect(config.productName).toBe(packageJson.productName);
    expect(config.copyright).toBe('© 2026 VendorDesk');
  });

  it('bundles the built renderer, the main/preload bundles and the run-time resources', () => {
    expect(config.asar).toBe(true);
    expect(config.files).toEqual(
      expect.arrayContaining(['dist/renderer/**', 'dist-electron/**', 'resources/**']),
    );
    expect(packageJson.main.startsWith('dist-electron/')).toBe(true);
    // The CLI-only TypeScript runner and its per-arch esbuild binary stay out of the app.
    expect(config.files).toContain('!**/node_modules/{tsx,esbuild,@esbuild}/**');
  });

  it('unpacks better-sqlite3’s native module from the asar and rebuilds it per target arch', () => {
    expect(config.asarUnpack).toContain('**/node_modules/better-sqlite3/**/*.node');
    expect(config.npmRebuild).toBe(true);
    expect(
      config.files.filter((pattern) => pattern.startsWith('!') && pattern.includes('better_sqlite3.node')),
    ).toEqual([]);
  });

  it('writes artifacts to release/ and takes build resources from build/', () => {
    expect(config.directories).toEqual({ buildResources: 'build', output: 'release' });
  });

  it('publishes an update feed per channel for electron-updater', () => {
    const raw = config as unknown as {
      publish: { provider: string; owner: string; repo: string }[];
      generateUpdatesFilesForAllChannels: boolean;
      detectUpdateChannel: boolean;
    };
    expect(raw.publish).toEqual([
      expect.objectContaining({ provider: 'github', owner: expect.any(String), repo: expect.any(String) }),
    ]);
    expect(raw.generateUpdatesFilesForAllChannels).toBe(true);
    expect(raw.detectUpdateChannel).toBe(true);
    expect(packageJson.dependencies).toHaveProperty('electron-updater');
  });

  it('hardens the packaged Electron binary with fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      enableCookieEncryption: true,
    });
  });

  describe('Windows', () => {
    it('builds NSIS installers for x64 and arm64, one per arch, named with version and arch', () => {
      expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64', 'arm64'] }]);
      expect(config.nsis.buildUniversalInstaller).toBe(false);
      expect(config.nsis.artifactName).toMatch(/\$\{version\}.*\$\{arch\}/);
    });

    it('lets the user install per user, creates a desktop shortcut, speaks Chinese and English', () => {
      expect(config.nsis).toMatchObject({
        oneClick: false,
        perMachine: false,
        createDesktopShortcut: 'always',
      });
      expect(config.nsis.installerLanguages).toEqual(['zh_CN', 'en_US']);
      expect(config.nsis.language).toBe('2052');
    });
  });

  describe('macOS', () => {
    it('builds one universal dmg named with version and arch, and the zip auto-update installs from', () => {
      expect(config.mac.target).toEqual([
        { target: 'dmg', arch: ['universal'] },
        { target: 'zip', arch: ['universal'] },
      ]);
      expect(config.dmg.artifactName).toMatch(/\$\{version\}.*\$\{arch\}/);
      expect(config.mac.category).toBe('public.app-category.business');
    });

    it('signs with the hardened runtime and skips the Gatekeeper assessment', () => {
      expect(config.mac.hardenedRuntime).toBe(true);
      expect(config.mac.gatekeeperAssess).toBe(false);
    });

    it('uses build/entitlements.mac.plist for the app and its helpers', () => {
      expect(config.mac.entitlements).toBe('build/entitlements.mac.plist');
      expect(config.mac.entitlementsInherit).toBe('build/entitlements.mac.plist');
    });

    it('grants exactly the JIT entitlement Electron’s V8 needs, nothing that weakens the runtime', () => {
      const entitlements = parsePlist(readFileSync(fromRoot(config.mac.entitlements), 'utf8'));
      expect(entitlements).toEqual({ 'com.apple.security.cs.allow-jit': true });
    });

    it('notarises through the afterSign hook only (built-in notarisation off, so not twice)', async () => {
      expect(config.mac.notarize).toBe(false);
      expect(existsSync(fromRoot(config.afterSign))).toBe(true);
      const hook = await importScript<{ default: unknown; afterSign: unknown }>(config.afterSign);
      expect(typeof hook.afterSign).toBe('function');
      expect(hook.default).toBe(hook.afterSign);
    });
  });

  it('points every platform at icon files that exist', () => {
    for (const icon of [config.win.icon, config.mac.icon, config.linux.icon]) {
      expect(existsSync(fromRoot(icon)), icon).toBe(true);
    }
  });
});
