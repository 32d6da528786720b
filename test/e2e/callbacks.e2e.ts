/**
 * Issue 13 in a real browser against browser mode: the 交付回调测试 page runs the checks against
 * the reference endpoint, correct and broken, and its verdicts match `vendordesk callbacks test`
 * on the same endpoint. The key is entered once and never shown again; a run exports as HTML.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callbackCheckIds } from '../../shared/callbacks/checks';
import { startDeliveryEndpoint, type DeliveryEndpoint } from '../../sandbox/delivery-endpoint';
import { screenshot } from './support/browser';
import { useApp } from './support/open-app';
import { callbacksTestArgv } from '../helpers/cli';

const KEY = 'e2e-vendor-key-5d1c8e';
const RETRY_MS = '100';

let correct: DeliveryEndpoint;
let broken: DeliveryEndpoint;

const { app, page } = useApp({ viewport: { width: 1440, height: 1000 } });

beforeAll(async () => {
  [correct, broken] = await Promise.all([
    startDeliveryEndpoint({ key: KEY, queueMs: 300 }),
    startDeliveryEndpoint({ key: KEY, fault: 'not-idempotent', queueMs: 300 }),
  ]);
});

afterAll(async () => {
  await correct?.close();
  await broken?.close();
});

/**
 * The CLI's verdicts on an endpoint (a separate process, as a vendor would run it). Asynchronous:
 * the reference endpoints run in this process and must keep answering meanwhile.
 */
async function cliVerdicts(url: string): Promise<Record<string, string>> {
  let out: string;
  try {
    ({ stdout: out } = await promisify(execFile)(process.execPath, callbacksTestArgv(url, KEY, RETRY_MS), {
      encoding: 'utf8',
    }));
  } catch (error) {
    out = (error as { stdout: string }).stdout; // exit 1: a check failed
  }
  const report = JSON.parse(out) as { checks: Array<{ id: string; status: string }> };
  return Object.fromEntries(report.checks.map((c) => [c.id, c.status]));
}

async function pageVerdicts(): Promise<Record<string, string>> {
  const rows = page.locator('[data-testid^="callback-check-"]');
  const verdicts: Record<string, string> = {};
  for (const row of await rows.all()) {
    const id = (await row.getAttribute('data-testid'))!.replace('callback-check-', '');
    verdicts[id] = (await row.getAttribute('data-status'))!;
  }
  return verdicts;
}

async function runOnPage(): Promise<void> {
  await page.getByTestId('callback-run-button').click();
  await page.getByTestId('callback-progress').waitFor({ timeout: 10_000 });
  await page.locator('[data-testid="callback-run"][data-state="done"]').waitFor({ timeout: 60_000 });
}

describe('交付回调测试 page', () => {
  it('saves the endpoint and key; the key is never shown again', async () => {
    await page.getByRole('menuitem', { name: '交付回调测试' }).click();
    await page.getByTestId('callbacks-page').waitFor();
    await page.getByTestId('callback-url').fill(correct.url);
    await page.getByTestId('callback-key').fill(KEY);
    await page.getByLabel('重试间隔（毫秒）').fill(RETRY_MS);
    await page.getByTestId('callback-save').click();
    await page.getByText('已保存（出于安全不再显示；填写新值可替换）').waitFor();
    expect(await page.getByTestId('callback-key').inputValue()).toBe('');
    expect(await page.content()).not.toContain(KEY);
  });

  it('the correct endpoint: every check passes, as the CLI says', async () => {
    await runOnPage();
    const verdicts = await pageVerdicts();
    expect(Object.keys(verdicts)).toEqual([...callbackCheckIds]);
    expect(verdicts).toEqual(await cliVerdicts(correct.url));
    expect(Object.values(verdicts).every((s) => s === 'pass')).toBe(true);
    await screenshot(page, 'callbacks-correct');
  });

  it('a broken endpoint: the same verdicts as the CLI, the failure explained with its fix, calls shown masked', async () => {
    await page.getByTestId('callback-url').fill(broken.url);
    await page.getByTestId('callback-save').click();
    await page.getByTestId('callback-run-button').waitFor({ state: 'visible' });
    await runOnPage();
    const verdicts = await pageVerdicts();
    expect(verdicts).toEqual(await cliVerdicts(broken.url));
    expect(verdicts['create-idempotent']).toBe('fail');
    expect(
      Object.entries(verdicts)
        .filter(([, s]) => s === 'fail')
        .map(([id]) => id),
    ).toEqual(['create-idempotent']);
    const detail = page.getByTestId('callback-detail-create-idempotent');
    await expect.poll(() => detail.getByTestId('callback-fix').textContent()).toContain('按 orderBizId 去重');
    const exchange = await detail.getByTestId('callback-exchange').first().textContent();
    expect(exchange).toMatch(/token=\*{6}/);
    expect(exchange).not.toMatch(/[0-9a-f]{32}/);
    expect(await page.content()).not.toContain(KEY);
    await screenshot(page, 'callbacks-broken');
  });

  it('has no serious accessibility violations (axe, WCAG 2.1 AA)', async () => {
    // Not hovering the run button just clicked (antd's hover tint is a transition, not the button's colour).
    await page.mouse.move(0, 0);
    await expect
      .poll(() =>
        page.getByTestId('callback-run-button').evaluate((el) => el.getAnimations({ subtree: true }).length),
      )
      .toBe(0);
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .include('[data-testid="callbacks-page"]')
      .analyze();
    const serious = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${v.id}: ${v.nodes
            .slice(0, 3)
            .map((n) => `${n.html.slice(0, 160)} ${n.any.map((a) => a.message).join(' ')}`)
            .join(' | ')}`,
      );
    expect(serious).toEqual([]);
  });

  it('history lists both runs; a run exports as HTML without the key', async () => {
    const rows = page.locator('[data-testid^="callback-history-"]');
    await expect.poll(() => rows.count()).toBe(2);
    const latest = (await rows.first().getAttribute('data-testid'))!.replace('callback-history-', '');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId(`callback-export-${latest}`).click(),
    ]);
    const file = path.join(app.dir, 'report.html');
    await download.saveAs(file);
    const html = fs.readFileSync(file, 'utf8');
    expect(html).toContain('交付回调测试报告');
    expect(html).toContain('create-idempotent');
    expect(html).not.toContain(KEY);
  });

  it('English labels via the language switch, and no page errors', async () => {
    await page.getByTestId('locale-select').click();
    await page.getByText('English', { exact: true }).click();
    await page.getByRole('menuitem', { name: 'Delivery callbacks' }).waitFor();
    await page.getByText('Endpoint under test').waitFor();
    expect(app.pageErrors).toEqual([]);
  });
});
