/**
 * One app for an e2e file: the browser-mode host on a fresh temporary data folder, Debian's
 * Chromium, a page opened at the printed address (which sets the access cookie), and one close()
 * that ends all three and removes the folder.
 */
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { tempDir } from '../../helpers/temp-dir';
import { collectPageErrors, launchChromium, screenshot } from './browser';
import { startHost, type HostProcess } from './host';

export interface OpenAppOptions {
  /** The test clock, `VENDORDESK_FAKE_NOW`. */
  now?: string;
  /** Further environment for the host. */
  env?: Record<string, string>;
  /** Default 1440 × 900. */
  viewport?: { width: number; height: number };
  /** Before the page opens, e.g. to create records over the API. */
  beforeOpen?: (app: Omit<App, 'page' | 'pageErrors'>) => Promise<void>;
  /** Before the page loads the app, e.g. to listen to its requests. */
  onPage?: (page: Page) => void;
}

export interface App {
  browser: Browser;
  host: HostProcess;
  /** The temporary folder (removed by close()); the host's data is in `dataDir` below it. */
  dir: string;
  dataDir: string;
  /** A page of its own browser context (axe-core/playwright needs one), downloads accepted. */
  page: Page;
  /** Uncaught page errors and console errors; a test ends with `expect(app.pageErrors).toEqual([])`. */
  pageErrors: string[];
  /** Closes the page's browser context without a goodbye and opens a new page in a new one. */
  reopen(): Promise<void>;
  /** Stops the host (SIGTERM) and starts it again on the same data, then opens a new page. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/** `into`: the object to fill (useApp hands it out before the app is open). */
export async function openApp(options: OpenAppOptions = {}, into = {} as App): Promise<App> {
  const tmp = tempDir();
  const dataDir = path.join(tmp.dir, 'data');
  const env = { ...(options.now ? { VENDORDESK_FAKE_NOW: options.now } : {}), ...options.env };
  const browser = await launchChromium();
  const app = Object.assign(into, { browser, dir: tmp.dir, dataDir, host: await startHost(dataDir, env) });
  const openPage = async () => {
    const context = await browser.newContext({
      viewport: options.viewport ?? { width: 1440, height: 900 },
      acceptDownloads: true,
    });
    app.page = await context.newPage();
    app.pageErrors = collectPageErrors(app.page);
    options.onPage?.(app.page);
    await app.page.goto(app.host.url);
  };
  await options.beforeOpen?.(app);
  await openPage();
  app.reopen = async () => {
    await app.page.context().close();
    await openPage();
  };
  app.restart = async () => {
    await app.page.context().close();
    await app.host.stop();
    app.host = await startHost(dataDir, env);
    await openPage();
  };
  app.close = async () => {
    await browser.close();
    await app.host.stop();
    tmp.cleanup();
  };
  return app;
}

/**
 * The app of an e2e file: opened before its tests (beforeAll), closed after them (afterAll).
 * `page` stands for the app's current page (after `app.reopen()` or `app.restart()` too), so a
 * file can keep it in a constant; use it inside tests and hooks only.
 */
export function useApp(options: OpenAppOptions = {}): { app: App; page: Page } {
  const app = {} as App;
  beforeAll(async () => {
    await openApp(options, app);
  });
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail' && app.page) await reportFailure(app, task.name);
  });
  afterAll(async () => {
    await app.close?.();
  });
  const current = () => {
    if (!app.page) throw new Error('the app is not open yet: use the page inside a test or a hook');
    return app.page;
  };
  const page = new Proxy({} as Page, {
    get: (_target, key) => {
      const real = current();
      const value: unknown = Reflect.get(real, key, real);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(real) : value;
    },
    has: (_target, key) => Reflect.has(current(), key),
  });
  return { app, page };
}

/**
 * A failed test says what the user would have seen: the open dialogs, messages and notifications,
 * page errors, and a screenshot in test-artifacts (CI's log and artifacts are all there is of a
 * failure on a loaded runner that does not repeat here).
 */
async function reportFailure(app: App, name: string): Promise<void> {
  const texts = async (selector: string) =>
    (
      await app.page
        .locator(selector)
        .allInnerTexts()
        .catch(() => [])
    ).map((t) => t.replace(/\s+/g, ' ').slice(0, 600));
  const seen = {
    url: app.page.url(),
    dialogs: await texts('[role="dialog"]:visible'),
    messages: await texts('.ant-message-notice'),
    notifications: await texts('.ant-notification-notice'),
    pageErrors: app.pageErrors,
  };
  console.log(`e2e failure "${name}": on screen ${JSON.stringify(seen, null, 1)}`);
  await screenshot(app.page, `failed-${name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 80)}`).catch(
    () => undefined,
  );
}

/** Clicks the last "关闭"/"Close" button: the one of the dialog that opened last. */
export async function closeDialog(page: Page): Promise<void> {
  // Within the dialog: an alert notification raised by what the dialog reports has a Close too.
  await page
    .getByRole('dialog')
    .last()
    .getByRole('button', { name: /^(关\s*闭|Close)$/ })
    .last()
    .click();
}

/**
 * Sets files on an import input and closes the results dialog once every file's result is listed
 * (`results`: the result rows' test id).
 */
/** Answers the open confirmation dialog with 确定 (OK). */
export async function confirmDialog(page: Page): Promise<void> {
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /确\s*定/ })
    .click();
}

export async function importFiles(
  page: Page,
  input: string,
  results: string,
  files: string[],
): Promise<void> {
  await page.getByTestId(input).setInputFiles(files);
  await page
    .getByTestId(results)
    .nth(files.length - 1)
    .waitFor({ timeout: 60_000 });
  await closeDialog(page);
}

/**
 * The data rows of a table by role: not its header, its "no data" row nor its measuring row, which
 * have no record key (a virtual table's rows are not table rows: give those a test id).
 */
export function dataRows(scope: Page | Locator): Locator {
  const page = 'goto' in scope ? scope : scope.page();
  return scope.getByRole('row').and(page.locator('[data-row-key]'));
}

/**
 * Closes every open notification (their close buttons, by role: stacked ones are clicked too;
 * antd names them "Close" in every language).
 */
export async function closeNotifications(page: Page): Promise<void> {
  await page
    .getByRole('alert')
    .getByRole('button', { name: /^(Close|关闭)$/ })
    .evaluateAll((buttons) => buttons.forEach((button) => (button as HTMLElement).click()));
}

/**
 * An option of the open select's dropdown by its label. Ant Design's virtual option list gives
 * its visible options no role (only a hidden few for screen readers), but each carries its label
 * as its title; the dropdown is the last one in the page.
 */
export const option = (page: Page, label: string): Locator => page.getByTitle(label).last();

/** The listing editor: the drawer (a dialog) holding the labelled listing form. */
export const editorDrawer = (page: Page): Locator =>
  page.getByRole('dialog').filter({ has: page.getByRole('form') });
