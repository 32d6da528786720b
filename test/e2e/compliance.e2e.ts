/**
 * Issue 7 in a real browser against browser mode with a fixed start for the app's clock
 * (VENDORDESK_FAKE_NOW, a test hook of electron/web/server.ts): import the three kinds of file,
 * check the overview against `vendordesk sla|deposit|points` on the same files as of the same
 * instant, receive an alert and open its record, run a what-if, and scan every page with axe.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import { screenshot } from './support/browser';
import { closeDialog, closeNotifications, dataRows, option, useApp } from './support/open-app';
import { callHost, repoRoot } from './support/host';

const FAKE_NOW = '2026-01-05T10:00:00+08:00';
const fixtures = path.join(repoRoot, 'test', 'fixtures', 'compliance');
const fixture = (name: string) => path.join(fixtures, name);

const { app, page } = useApp({ now: FAKE_NOW, viewport: { width: 1440, height: 1000 } });

/** The CLI's report for a fixture as of an instant (a separate process, as a vendor would run it). */
function cli(command: 'sla' | 'deposit' | 'points', file: string, at: string): Record<string, unknown> {
  const out = execFileSync(
    process.execPath,
    [path.join(repoRoot, 'bin', 'vendordesk.mjs'), command, fixture(file), '--at', at, '--compact'],
    { encoding: 'utf8' },
  );
  return JSON.parse(out) as Record<string, unknown>;
}

/** Scans one of these pages (the sidebar and footer belong to the app frame, App.tsx). */
async function axeSerious(name: string, root: string): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .include(`[data-testid="${root}"]`)
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${name}: ${v.id} (${v.impact}) ${v.nodes
          .slice(0, 3)
          .map((n) => `${n.target.join(' ')} ${n.html.slice(0, 160)}`)
          .join(' | ')}`,
    );
}

const openPage = async (label: string) => {
  await page.getByRole('menuitem', { name: label }).click();
};

describe('service, deposit and points pages', () => {
  it('opens on the overview, empty, with no errors and no serious accessibility problems', async () => {
    await expect.poll(() => page.getByRole('heading', { name: '概览' }).isVisible()).toBe(true);
    await expect
      .poll(() => page.getByTestId('as-of').first().textContent())
      .toContain('截至 2026-01-05 10:0');
    expect(await axeSerious('overview-empty', 'overview-page')).toEqual([]);
    await screenshot(page, 'compliance-01-overview-empty');
  });

  it('imports the three kinds of file and shows the results per file', async () => {
    await page
      .getByTestId('compliance-import-input')
      .setInputFiles([
        fixture('tickets.json'),
        fixture('ledger.json'),
        fixture('violations.json'),
        fixture('tickets-bad.json'),
      ]);
    // Four files uploaded, checked and stored: as long as importFiles allows on a loaded machine.
    await expect
      .poll(() => page.getByTestId('compliance-import-result').count(), { timeout: 60_000 })
      .toBe(4);
    const results = page.getByTestId('compliance-import-result');
    await expect.poll(() => results.nth(0).textContent()).toContain('新增 7 条');
    await expect.poll(() => results.nth(3).textContent()).toContain('tickets[1].kind');
    await screenshot(page, 'compliance-02-import-results');
    await closeDialog(page);
  });

  it('shows the same numbers as vendordesk sla|deposit|points as of the same instant', async () => {
    const snapshot = await callHost<{ at: string }>(app.host.url, 'compliance.snapshot', {});
    const at = snapshot.value!.at;
    const points = cli('points', 'violations.json', at) as {
      total: number;
      activeFreezes: { violationId: string }[];
    };
    const deposit = cli('deposit', 'ledger.json', at) as {
      shortfall: number;
      topUpDueDate: string;
      status: string;
    };
    const sla = cli('sla', 'tickets.json', at) as {
      compliance: { byDay: { date: string; rate: number | null }[] };
      tickets: { id: string; status: string }[];
    };

    await page.getByRole('button', { name: /刷\s*新/ }).click();
    await expect
      .poll(() => page.getByTestId('overview-points-total').textContent())
      .toBe(`${points.total} / 24 分`);
    await expect
      .poll(() => page.getByTestId('overview-deposit-shortfall').textContent())
      .toContain(deposit.shortfall.toLocaleString('zh-CN'));
    await expect
      .poll(() => page.getByTestId('overview-deposit-due').textContent())
      .toContain(deposit.topUpDueDate);
    expect(deposit.status).toBe('deficient');
    await expect.poll(() => page.getByTestId('overview-deposit-status').textContent()).toBe('不足');
    const today = sla.compliance.byDay.find((d) => d.date === at.slice(0, 10))!;
    await expect
      .poll(() => page.getByTestId('overview-today').textContent())
      .toContain(`${Math.round(today.rate! * 1000) / 10}%`);
    for (const freeze of points.activeFreezes) {
      await expect
        .poll(() => page.getByText(freeze.violationId, { exact: true }).first().isVisible())
        .toBe(true);
    }
    // The one pending ticket is listed with a live countdown (10 minutes at most at the fake start).
    const pending = sla.tickets.filter((t) => t.status === 'pending').map((t) => t.id);
    expect(pending).toEqual(['T-1003']);
    const countdown = page.getByTestId('countdown-T-1003');
    await expect.poll(() => countdown.textContent()).toMatch(/^0\d:\d\d$/);
    const first = await countdown.textContent();
    await expect.poll(() => countdown.textContent()).not.toBe(first);
    expect(await axeSerious('overview', 'overview-page')).toEqual([]);
    await screenshot(page, 'compliance-03-overview');
  });

  it('receives the alert for the complaint inside its lead time and opens the record', async () => {
    const banner = page.getByTestId('alert-banner').filter({ hasText: 'T-1003' });
    await expect.poll(() => banner.isVisible(), { timeout: 15_000 }).toBe(true);
    await screenshot(page, 'compliance-04-alert');
    await banner.getByRole('button', { name: /查\s*看/ }).click();
    // Clear the other banners (new violations from the import) so they cover nothing later.
    await closeNotifications(page);
    await expect.poll(() => page.getByRole('heading', { name: '服务时效' }).isVisible()).toBe(true);
    await expect
      .poll(() =>
        dataRows(page.getByTestId('tickets-table')).and(page.locator('[aria-current="true"]')).textContent(),
      )
      .toContain('T-1003');
    // Recorded once: the host lists exactly one alert for it.
    const recent = await callHost<{ alerts: { recordId: string }[] }>(app.host.url, 'alerts.recent', {});
    expect(recent.value!.alerts.filter((a) => a.recordId === 'T-1003')).toHaveLength(1);
  });

  it('service page: tickets, breaches with their risk, charts and the holiday calendar', async () => {
    await expect
      .poll(() => page.getByTestId('breach-list').textContent())
      .toContain('可能扣分：约定服务时间内客服、电话未能提供实时服务，或售后邮件、电话未及时响应（3 分）');
    await expect.poll(() => page.getByTestId('chart-by-day').locator('canvas').count()).toBeGreaterThan(0);
    await expect
      .poll(() => page.getByTestId('service-calendar').locator('[data-kind="holiday"]').count())
      .toBeGreaterThan(0);
    expect(
      await page.getByTestId('service-calendar').locator('[aria-label*="元旦"]').count(),
    ).toBeGreaterThan(0);
    await page.getByRole('combobox', { name: '状态' }).click();
    await option(page, '已超时').click();
    await expect.poll(() => dataRows(page.getByTestId('tickets-table')).count()).toBe(3);
    expect(await axeSerious('service', 'service-page')).toEqual([]);
    await screenshot(page, 'compliance-05-service');
  });

  it('deposit page: running balance, due date countdown and the extra-deposit risk in words', async () => {
    await openPage('保证金');
    await expect.poll(() => page.getByTestId('deposit-risk').textContent()).toContain('第九条(六)4');
    await expect.poll(() => dataRows(page.getByTestId('ledger-table')).count()).toBe(6);
    await expect.poll(() => page.getByTestId('deposit-countdown').isVisible()).toBe(true);
    expect(await axeSerious('deposit', 'deposit-page')).toEqual([]);
    await screenshot(page, 'compliance-06-deposit');
  });

  it('points page: violations, gauge and a what-if', async () => {
    await openPage('违规扣分');
    await expect.poll(() => dataRows(page.getByTestId('violations-table')).count()).toBe(4);
    await page.getByTestId('what-if').getByRole('combobox').click();
    await option(page, 'abuse-users').click();
    await page.getByRole('button', { name: /模\s*拟/ }).click();
    await expect.poll(() => page.getByTestId('what-if-result').textContent()).toContain('累计 15 → 27 分');
    await expect.poll(() => page.getByTestId('what-if-result').textContent()).toContain('将达到清退条件');
    // The pointer stays on the button it clicked: its hover shade must be readable too (antd's
    // lightened default was 4.3:1), so the scan runs once the hover colour has settled.
    const simulate = page.getByRole('button', { name: /模\s*拟/ });
    await simulate.hover();
    await expect
      .poll(() => simulate.evaluate((el) => getComputedStyle(el).backgroundColor))
      .toBe('rgb(10, 76, 184)');
    expect(await axeSerious('points', 'points-page')).toEqual([]);
    await screenshot(page, 'compliance-07-points-what-if');
  });

  it('logs a ticket by hand: the time typed as a person writes it (Beijing time) saves it', async () => {
    await openPage('服务时效');
    await page.getByRole('button', { name: '登记工单' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('工单编号').fill('M-1');
    // A date-time picker (issue 17): "2026-01-05 09:30" is accepted, no ISO offset needed.
    await dialog.getByLabel('创建时间').click();
    await dialog.getByLabel('创建时间').fill('2026-01-05 09:30');
    await dialog.getByLabel('创建时间').press('Enter');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await expect.poll(() => dialog.isVisible(), { timeout: 10_000 }).toBe(false);
    await expect.poll(() => dataRows(page).filter({ hasText: 'M-1' }).count()).toBe(1);
  });

  it('settings page', async () => {
    await openPage('设置');
    await expect.poll(() => page.getByRole('heading', { name: '设置' }).isVisible()).toBe(true);
    expect(await axeSerious('settings', 'settings-page')).toEqual([]);
    await screenshot(page, 'compliance-08-settings');
    expect(app.pageErrors).toEqual([]);
  });

  it('files chosen while the overview is still loading keep their results', async () => {
    // The first snapshot is held back until the import has been answered: the page changes from
    // "loading" to the overview under the open import, which must not lose the dialog's results.
    const early = await page.context().newPage();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await early.route('**/api/compliance.snapshot', async (route) => {
      await held;
      await route.continue();
    });
    await early.goto(app.host.url);
    await early.getByRole('heading', { name: '概览' }).waitFor();
    const imported = early.waitForResponse('**/api/compliance.import');
    await early.getByTestId('compliance-import-input').setInputFiles([fixture('ledger.json')]);
    await imported;
    release();
    await early.getByTestId('compliance-import-result').first().waitFor({ timeout: 20_000 });
    expect(await early.getByTestId('compliance-import-result').first().textContent()).toContain(
      'ledger.json',
    );
    await early.close();
  });
});
