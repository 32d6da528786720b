/**
 * Raw text on screen becomes words (issue 17): a malformed import file is reported as a sentence
 * naming the file, line and column (not "5:1 PropertyNameExpected …"); a UTC time stored by the
 * app (a rule pack's "added at") is shown in Beijing time; the what-if options name the rule and
 * the violation, not their ids; the report's rule column gives the rule's name with its id small.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { screenshot } from './support/browser';
import { callHost, repoRoot } from './support/host';
import { useApp } from './support/open-app';

// 02:08 in Beijing is 18:08 UTC the day before: a UTC time shown raw would read 2026-12-01 18:08.
const { app, page } = useApp({ now: '2026-12-02T02:08:00+08:00' });

const file = (name: string, content: string) => {
  const at = path.join(app.dir, name);
  fs.writeFileSync(at, content);
  return at;
};

describe('words, not raw text', () => {
  it('a malformed import file: a sentence naming the file, line and column', async () => {
    await page.getByRole('menuitem', { name: '服务时效' }).click();
    await page.getByTestId('service-page').waitFor();
    // A trailing comma before "}" on line 5: jsonc-parser calls it PropertyNameExpected at 5:1.
    const broken =
      '{\n  "tickets": [\n    { "id": "Q-1", "kind": "consultation",\n      "openedAt": "2026-12-01T09:00:00+08:00", "firstResponseAt": null,\n}]}\n';
    await page.getByTestId('compliance-import-input').setInputFiles(file('工单-坏.json', broken));
    const result = page.getByTestId('compliance-import-result');
    await result.waitFor({ timeout: 30_000 });
    await expect
      .poll(() => result.textContent())
      .toContain('工单-坏.json 第 5 行第 1 列不是有效的 JSON：这里应是用英文双引号括起的字段名');
    const text = (await result.textContent()) ?? '';
    expect(text).not.toContain('PropertyNameExpected');
    expect(text).not.toContain('5:1');
    await screenshot(page, 'readable-01-import-syntax');
    await page
      .getByRole('button', { name: /关\s*闭/ })
      .last()
      .click();
  });

  it("a rule pack's UTC added-at time is shown in Beijing time", async () => {
    const pack = JSON.parse(
      fs.readFileSync(path.join(repoRoot, 'resources/rulepacks/jdcloud-marketplace-2019.json'), 'utf8'),
    ) as { version: string };
    pack.version = '9.1.0';
    await page.getByRole('menuitem', { name: '设置' }).click();
    await page.getByTestId('rulepack-import-input').setInputFiles(file('pack.json', JSON.stringify(pack)));
    const row = page.getByTestId('rule-packs').getByRole('row', { name: /9\.1\.0/ });
    await row.waitFor({ timeout: 30_000 });
    const text = (await row.textContent()) ?? '';
    expect(text).toMatch(/2026-12-02 02:0\d:\d\d/);
    expect(text).not.toContain('2026-12-01');
    await screenshot(page, 'readable-02-rulepack-beijing-time');
  });

  it('what-if options by self-check rule show the rule and the violation by name', async () => {
    await page.getByRole('menuitem', { name: '违规扣分' }).click();
    const whatIf = page.getByTestId('what-if');
    await whatIf.locator('label').filter({ hasText: '自检规则' }).click();
    await whatIf.getByRole('combobox', { name: '自检规则' }).click();
    // Each option's title is its label (the visible list is virtual; the role=option list is for AT).
    const option = page.getByTitle(/^绝对化用语 → /);
    await option.waitFor();
    const labels = await page
      .locator('[title*=" → "]')
      .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('title') ?? ''));
    expect(labels.length).toBeGreaterThan(0);
    for (const label of labels) expect(label, label).not.toMatch(/superlative|broken-promise|→ [a-z-]+$/);
    await screenshot(page, 'readable-03-what-if-rules');
    await option.click();
    await whatIf.getByRole('button', { name: /模\s*拟|试\s*算/ }).click();
    await whatIf.getByTestId('what-if-result').waitFor();
    await page.keyboard.press('Escape');
  });

  it("the report's rule column gives the rule's name, with its id small", async () => {
    const listing = JSON.parse(
      fs.readFileSync(path.join(repoRoot, 'test/fixtures/listings/clean-saas-crm.json'), 'utf8'),
    ) as Record<string, unknown>;
    const report = await callHost<{ content: string }>(app.host.url, 'checks.report', {
      listing: { ...listing, title: '全网唯一的 CRM' },
      format: 'html',
      locale: 'zh-CN',
    });
    const report_ = await page.context().newPage();
    await report_.setViewportSize({ width: 1440, height: 900 });
    await report_.setContent(report.value!.content);
    const cell = report_.locator('table.findings tbody tr').first().locator('td').nth(1);
    expect(await cell.innerText()).toBe('绝对化用语\nsuperlative');
    const idSize = await cell.locator('code').evaluate((e) => getComputedStyle(e).fontSize);
    const nameSize = await cell.evaluate((e) => getComputedStyle(e).fontSize);
    expect(parseFloat(idSize)).toBeLessThan(parseFloat(nameSize));
    await screenshot(report_, 'readable-04-report-rule-names');
    await report_.close();
    expect(app.pageErrors).toEqual([]);
  });
});
