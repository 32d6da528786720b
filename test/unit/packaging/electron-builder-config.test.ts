// electron-builder.yml: valid for the installed electron-builder's schema, and consistent with the
// files it refers to (package.json, the entitlements, the afterSign hook, the icons). Settings that
// relate to nothing else (app id, targets, installer options, fuses) are not copied here: a literal
// copy of the YAML fails only when the YAML is edited, never when it is wrong — the schema check
// catches what can be caught about them (a misspelt option, a bad value).
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

  it('takes its name from package.json and bundles the main entry package.json points at', () => {
    expect(config.productName).toBe(packageJson.productName);
    const entryDir = `${packageJson.main.split('/')[0]}/**`;
    expect(config.files).toContain(entryDir);
  });

  it('unpacks better-sqlite3’s native module from the asar and never excludes it from the bundle', () => {
    // Loading a .node file from inside an asar fails at start-up, on every platform.
    expect(config.asarUnpack.some((p) => p.includes('better-sqlite3') && p.endsWith('.node'))).toBe(true);
    expect(
      config.files.filter((pattern) => pattern.startsWith('!') && pattern.includes('better_sqlite3.node')),
    ).toEqual([]);
  });

  it('has electron-updater to read the update feed it publishes', () => {
    expect((config as unknown as { publish?: unknown[] }).publish?.length).toBeGreaterThan(0);
    expect(packageJson.dependencies).toHaveProperty('electron-updater');
  });

  it('grants exactly the JIT entitlement Electron’s V8 needs, nothing that weakens the runtime', () => {
    const entitlements = parsePlist(readFileSync(fromRoot(config.mac.entitlements), 'utf8'));
    expect(entitlements).toEqual({ 'com.apple.security.cs.allow-jit': true });
    expect(config.mac.entitlementsInherit).toBe(config.mac.entitlements);
  });

  it('notarises through an afterSign hook that exists and exports it (built-in notarisation off, so not twice)', async () => {
    expect(config.mac.notarize).toBe(false);
    expect(existsSync(fromRoot(config.afterSign))).toBe(true);
    const hook = await importScript<{ default: unknown; afterSign: unknown }>(config.afterSign);
    expect(typeof hook.afterSign).toBe('function');
    expect(hook.default).toBe(hook.afterSign);
  });

  it('points every platform at icon files that exist', () => {
    for (const icon of [config.win.icon, config.mac.icon, config.linux.icon]) {
      expect(existsSync(fromRoot(icon)), icon).toBe(true);
    }
  });
});
