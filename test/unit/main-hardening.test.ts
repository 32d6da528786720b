/**
 * Issue 16 §5: the Electron main process's hardening decisions (electron/main/hardening.ts), tested
 * as the pure functions main.ts hands to Electron's handlers; and the build settings that go with
 * them (no renderer source maps). Electron itself cannot run here: the wiring is read from code.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import viteConfig from '../../vite.config';
import {
  GRANTED_PERMISSIONS,
  assessSecretStorage,
  devToolsAllowed,
  navigationDecision,
  permissionGranted,
  windowOpenDecision,
} from '../../electron/main/hardening';

const APP = 'vendordesk://app';

describe('permissions (request and check handlers)', () => {
  it('the app needs none in Electron: everything is refused, also for its own origin', () => {
    expect(GRANTED_PERMISSIONS.size).toBe(0);
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'midi',
      'hid',
      'serial',
      'usb',
      'openExternal',
      'pointerLock',
      'display-capture',
      'clipboard-read',
    ]) {
      expect(permissionGranted(permission, `${APP}/index.html`, APP), permission).toBe(false);
    }
  });

  it('a listed permission is granted to the app origin only — not to other or opaque origins', () => {
    const granted = new Set(['notifications']);
    expect(permissionGranted('notifications', `${APP}/index.html`, APP, granted)).toBe(true);
    expect(permissionGranted('notifications', `${APP}`, APP, granted)).toBe(true);
    expect(permissionGranted('notifications', 'https://evil.example/', APP, granted)).toBe(false);
    expect(permissionGranted('notifications', 'vendordesk://other/index.html', APP, granted)).toBe(false);
    expect(permissionGranted('notifications', 'file:///tmp/report.html', APP, granted)).toBe(false);
    expect(permissionGranted('notifications', 'data:text/html,x', APP, granted)).toBe(false);
    expect(permissionGranted('notifications', '', APP, granted)).toBe(false);
    expect(permissionGranted('notifications', undefined, APP, granted)).toBe(false);
    expect(permissionGranted('media', `${APP}/index.html`, APP, granted)).toBe(false);
  });
});

describe('navigation and pop-ups on every web contents', () => {
  it('stays inside the app origin; https links from the main window go to the browser; all else is dropped', () => {
    expect(navigationDecision(`${APP}/listings`, APP, { userFacing: true })).toBe('allow');
    expect(navigationDecision('https://docs.jdcloud.com/cn/market', APP, { userFacing: true })).toBe(
      'open-external',
    );
    for (const url of [
      'http://example.com/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,<script>1</script>',
      'vendordesk://evil/x',
      'smb://host/share',
      'not a url',
    ]) {
      expect(navigationDecision(url, APP, { userFacing: true }), url).toBe('deny');
    }
  });

  it('the hidden PDF window (not user-facing) can neither navigate away nor open anything', () => {
    expect(navigationDecision('https://docs.jdcloud.com/', APP, { userFacing: false })).toBe('deny');
    expect(navigationDecision('file:///tmp/other.html', APP, { userFacing: false })).toBe('deny');
    expect(windowOpenDecision('https://docs.jdcloud.com/', { userFacing: false })).toBe('deny');
  });

  it('window.open never creates a window: https opens in the browser, anything else is dropped', () => {
    expect(windowOpenDecision('https://market.jdcloud.com/', { userFacing: true })).toBe('open-external');
    expect(windowOpenDecision('http://market.jdcloud.com/', { userFacing: true })).toBe('deny');
    expect(windowOpenDecision(`${APP}/index.html`, { userFacing: true })).toBe('deny');
  });
});

describe('DevTools', () => {
  it('never in a packaged build, whatever the environment; on in development unless VENDORDESK_DEVTOOLS=0', () => {
    expect(devToolsAllowed(true, {})).toBe(false);
    expect(devToolsAllowed(true, { VENDORDESK_DEVTOOLS: '1' })).toBe(false);
    expect(devToolsAllowed(false, {})).toBe(true);
    expect(devToolsAllowed(false, { VENDORDESK_DEVTOOLS: '0' })).toBe(false);
  });
});

describe('secret storage', () => {
  it('uses the OS keychain where there is one', () => {
    expect(assessSecretStorage('darwin', true, undefined)).toEqual({ useSafeStorage: true, notice: null });
    expect(assessSecretStorage('win32', true, undefined)).toEqual({ useSafeStorage: true, notice: null });
    expect(assessSecretStorage('linux', true, 'gnome_libsecret')).toEqual({
      useSafeStorage: true,
      notice: null,
    });
    expect(assessSecretStorage('linux', true, 'kwallet6').useSafeStorage).toBe(true);
  });

  it("Linux's basic_text backend counts as no keychain: local key instead, and the user is told in both languages", () => {
    const weak = assessSecretStorage('linux', true, 'basic_text');
    expect(weak.useSafeStorage).toBe(false);
    expect(weak.notice?.['zh-CN']).toContain('密钥环');
    expect(weak.notice?.en).toContain('basic_text');
    expect(weak.notice?.en).toMatch(/GNOME Keyring or KWallet/);
    expect(assessSecretStorage('linux', false, 'unknown').useSafeStorage).toBe(false);
    expect(assessSecretStorage('win32', false, undefined).notice).not.toBeNull();
  });
});

describe('wiring (read from the code: Electron does not run here)', () => {
  const main = fs.readFileSync(path.resolve(import.meta.dirname, '../../electron/main/main.ts'), 'utf8');
  it('main.ts installs the request, check and device handlers and the app-wide web-contents limits', () => {
    expect(main).toMatch(/setPermissionRequestHandler\([^]*permissionGranted/);
    expect(main).toMatch(/setPermissionCheckHandler\([^]*permissionGranted/);
    expect(main).toContain('setDevicePermissionHandler(() => false)');
    expect(main).toMatch(
      /app\.on\('web-contents-created', \(_event, contents\) => limitWebContents\(contents\)\)/,
    );
    for (const event of [
      'will-navigate',
      'will-frame-navigate',
      'will-redirect',
      'will-attach-webview',
      'devtools-opened',
    ])
      expect(main).toContain(`'${event}'`);
    expect(main).toContain('setWindowOpenHandler');
  });
});

describe('renderer build', () => {
  it('ships no source maps', () => {
    expect(viteConfig.build?.sourcemap).toBe(false);
  });
});
