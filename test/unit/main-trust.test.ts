import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isSafeExternalUrl, isTrustedSender, rendererFileFor } from '../../electron/main/trust';

const mainFrame = { url: 'vendordesk://app/index.html' };
const webContents = { mainFrame };
const window = { isDestroyed: () => false, webContents };
const origin = 'vendordesk://app';

describe('IPC sender check', () => {
  it('accepts the app window main frame at the app origin', () => {
    expect(isTrustedSender({ sender: webContents, senderFrame: mainFrame }, window, origin)).toBe(true);
  });
  it.each([
    ['another webContents', { sender: {}, senderFrame: mainFrame }],
    ['a subframe', { sender: webContents, senderFrame: { url: 'vendordesk://app/x.html' } }],
    ['no frame', { sender: webContents, senderFrame: null }],
  ])('refuses %s', (_label, event) => {
    expect(isTrustedSender(event, window, origin)).toBe(false);
  });
  it('refuses the main frame after it navigated elsewhere', () => {
    const navigated = { url: 'https://evil.example/' };
    expect(
      isTrustedSender(
        { sender: webContents, senderFrame: navigated },
        { ...window, webContents: { mainFrame: navigated } },
        origin,
      ),
    ).toBe(false);
  });
  it('refuses opaque-origin frames (data:, another custom scheme)', () => {
    for (const url of ['data:text/html,hi', 'other://app/index.html', 'about:blank']) {
      const frame = { url };
      expect(
        isTrustedSender(
          { sender: webContents, senderFrame: frame },
          { ...window, webContents: { mainFrame: frame } },
          origin,
        ),
      ).toBe(false);
    }
  });
  it('refuses when the window is gone', () => {
    expect(isTrustedSender({ sender: webContents, senderFrame: mainFrame }, null, origin)).toBe(false);
    expect(
      isTrustedSender(
        { sender: webContents, senderFrame: mainFrame },
        { ...window, isDestroyed: () => true },
        origin,
      ),
    ).toBe(false);
  });
});

describe('app protocol file mapping', () => {
  const root = path.resolve('/opt/vd/renderer');
  it.each([
    ['vendordesk://app/', path.join(root, 'index.html')],
    ['vendordesk://app/assets/index-1.js', path.join(root, 'assets/index-1.js')],
    ['vendordesk://app/%E4%B8%AD.png', path.join(root, '中.png')],
    // the URL parser resolves dot segments first: this stays inside the folder
    ['vendordesk://app/%2e%2e/secret', path.join(root, 'secret')],
  ])('%s → %s', (url, file) => {
    expect(rendererFileFor(url, root)).toBe(file);
  });
  it.each([
    'vendordesk://app/..%2F..%2Fetc%2Fpasswd',
    'vendordesk://other/index.html',
    'vendordesk://app/%E0%A4%A',
  ])('refuses %s', (url) => {
    expect(rendererFileFor(url, root)).toBeNull();
  });
});

describe('external links', () => {
  it.each([
    ['https://docs.jdcloud.com/', true],
    ['http://example.com/', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['not a url', false],
  ])('%s → %s', (url, ok) => {
    expect(isSafeExternalUrl(url)).toBe(ok);
  });
});
