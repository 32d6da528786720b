/**
 * 针对一事仅作一次处理 (issue 17): a violations file that lists one id twice is one matter in the
 * app as in `vendordesk points` — stored once, counted once (the last record wins) — and the
 * import's result says so, naming the id.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { screenshot } from './support/browser';
import { callHost, repoRoot } from './support/host';
import { closeDialog, dataRows, useApp } from './support/open-app';

const file = path.join(repoRoot, 'test', 'fixtures', 'everyday', 'violations-repeated.json');

const { app, page } = useApp({ now: '2026-12-15T10:00:00+08:00' });

describe('a violation id listed twice', () => {
  it('is imported as one matter, with a warning naming the id', async () => {
    await page.getByRole('menuitem', { name: '违规扣分' }).click();
    await page.getByTestId('compliance-import-input').setInputFiles([file]);
    const result = page.getByTestId('compliance-import-result');
    await result.first().waitFor({ timeout: 60_000 });
    await expect
      .poll(() => result.getByTestId('import-result-note').textContent())
      .toContain('违规编号重复：V-late');
    expect(await result.getByTestId('import-result-note').textContent()).toContain('针对一事仅作一次处理');
    // The other id is not named: only the repeated one is.
    expect(await result.getByTestId('import-result-note').textContent()).not.toContain('V-brand');
    await screenshot(page, 'repeated-ids-01-import-warning');
    await closeDialog(page);
    const rows = dataRows(page.getByTestId('violations-table'));
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.filter({ hasText: 'V-late' }).count()).toBe(1);
    // The later record won: decided on 4 November.
    expect(await rows.filter({ hasText: 'V-late' }).textContent()).toContain('2026-11-04');
  });

  it('counts the same points as vendordesk points on the same file, which names it too', async () => {
    const snapshot = await callHost<{ at: string }>(app.host.url, 'compliance.snapshot', {});
    const cli = JSON.parse(
      execFileSync(
        process.execPath,
        [
          path.join(repoRoot, 'bin', 'vendordesk.mjs'),
          'points',
          file,
          '--at',
          snapshot.value!.at,
          '--compact',
        ],
        // The CLI's warning goes to stderr: read here from the report, not printed into the test log.
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
      ),
    ) as { total: number; warnings: string[] };
    // 3 (complaint-response-late, once) + 12 (brand-misuse); twice would be 18.
    expect(cli.total).toBe(15);
    expect(cli.warnings.some((w) => w.includes('V-late'))).toBe(true);
    await expect.poll(() => page.getByTestId('points-total').textContent()).toContain(`${cli.total} / 24`);
    expect(app.pageErrors).toEqual([]);
  });
});
