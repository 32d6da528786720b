/**
 * Electron smoke test (issue 16): the built desktop app, started as users start it, through
 * Playwright's Electron launcher. Start it, open every page of the sidebar, save a listing, quit,
 * start again: the listing is still there. The data lives in a fresh folder (VENDORDESK_USER_DATA_DIR,
 * honoured by unpackaged builds only). Runs in CI on Ubuntu (xvfb), Windows and macOS; it cannot
 * run where no Electron binary is installed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const TITLE = `冒烟测试商品 ${Date.now()}`;
let dataDir: string;

async function launch(): Promise<{ app: ElectronApplication; page: Page; errors: string[] }> {
  for (const built of ['dist-electron/main.cjs', 'dist-electron/preload.cjs', 'dist/renderer/index.html']) {
    if (!fs.existsSync(path.join(repoRoot, built)))
      throw new Error(`${built} is missing: run "npm run build" first`);
  }
  const app = await electron.launch({
    args: [repoRoot],
    cwd: repoRoot,
    env: { ...process.env, VENDORDESK_USER_DATA_DIR: dataDir, ELECTRON_ENABLE_LOGGING: '1' } as Record<
      string,
      string
    >,
    timeout: 120_000,
  });
  const page = await app.firstWindow();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  await page.waitForLoadState('domcontentloaded');
  await expect.poll(() => page.getByRole('menuitem').count(), { timeout: 60_000 }).toBeGreaterThan(3);
  return { app, page, errors };
}

beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vendordesk-electron-smoke-'));
});
afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('VendorDesk desktop app', () => {
  it('starts at the app origin in a sandboxed window, opens every page, saves a listing and keeps it across a restart', async () => {
    const first = await launch();
    try {
      expect(first.page.url()).toMatch(/^vendordesk:\/\/app\//);
      // The renderer has the bridge and nothing of Node.
      expect(
        await first.page.evaluate(() => [
          typeof (window as unknown as { vendorDesk?: unknown }).vendorDesk,
          typeof (globalThis as { require?: unknown }).require,
        ]),
      ).toEqual(['object', 'undefined']);
      const status = await first.page.evaluate(() =>
        (
          window as unknown as {
            vendorDesk: {
              app: { status(r: object): Promise<{ ok: boolean; value: { mode: string; dataDir: string } }> };
            };
          }
        ).vendorDesk.app.status({}),
      );
      expect(status).toMatchObject({ ok: true, value: { mode: 'electron' } });
      expect(path.resolve(status.value.dataDir)).toBe(path.resolve(dataDir));

      // Every page in the sidebar opens with its heading and without an error.
      const items = first.page.getByRole('menuitem');
      const count = await items.count();
      for (let i = 0; i < count; i++) {
        await items.nth(i).click();
        await expect
          .poll(() => first.page.locator('h1, h2, h3, h4').first().isVisible(), { timeout: 30_000 })
          .toBe(true);
      }

      // Save a listing through the app's own bridge (preload → IPC → main → SQLite).
      const saved = await first.page.evaluate(
        (title) =>
          (
            window as unknown as {
              vendorDesk: {
                listings: { create(r: object): Promise<{ ok: boolean; value?: { localId: string } }> };
              };
            }
          ).vendorDesk.listings.create({
            listing: {
              title,
              type: 'service',
              price: { amount: 99, currency: 'CNY', billing: 'one-time' },
              description: '冒烟测试：保存后重启仍在。',
            },
          }),
        TITLE,
      );
      expect(saved.ok).toBe(true);
      await first.page.getByRole('menuitem', { name: /商品|Listings/ }).click();
      await expect
        .poll(() => first.page.getByText(TITLE).first().isVisible(), { timeout: 30_000 })
        .toBe(true);
      expect(first.errors).toEqual([]);
    } finally {
      await first.app.close();
    }

    const again = await launch();
    try {
      await again.page.getByRole('menuitem', { name: /商品|Listings/ }).click();
      await expect
        .poll(() => again.page.getByText(TITLE).first().isVisible(), { timeout: 30_000 })
        .toBe(true);
      const list = await again.page.evaluate(() =>
        (
          window as unknown as {
            vendorDesk: {
              listings: {
                list(r: object): Promise<{ ok: boolean; value: { listing: { title: string } }[] }>;
              };
            };
          }
        ).vendorDesk.listings.list({}),
      );
      expect(list.value.map((r) => r.listing.title)).toContain(TITLE);
      expect(again.errors).toEqual([]);
    } finally {
      await again.app.close();
    }
  });
});
