/**
 * Unsaved edits are never lost silently (issue 17): Esc, × and Cancel on the listing editor ask
 * first (save / discard / keep editing), Ctrl+S saves, and an edit in progress survives the window
 * going away without a goodbye (its draft is autosaved by the core and offered back).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from './support/browser';
import { editorDrawer, useApp } from './support/open-app';
import { callHost } from './support/host';

const { app, page } = useApp();

/** The listings page (after a reopen too). */
async function openListings(): Promise<void> {
  await page.getByRole('menuitem', { name: /商品|Listings/ }).click();
  await page.getByRole('heading', { name: '商品草稿' }).waitFor();
}

beforeAll(openListings);

const rows = () => page.getByTestId('listing-row');
const row = (title: string) => rows().filter({ hasText: title });
const confirm = () => page.getByTestId('unsaved-confirm');
/** The editor's form exists only while the drawer is open (destroyOnHidden). */
const drawerOpen = () => page.locator('form[aria-label]').count();
const drawerClosed = () => expect.poll(drawerOpen, { timeout: 10_000 }).toBe(0);
const title = () => page.getByLabel('商品标题');

describe('unsaved edits in the listing editor', () => {
  it('Esc on a new listing with typing asks; "keep editing" keeps the text', async () => {
    await page.getByRole('button', { name: '新建商品' }).click();
    await title().fill('还没保存的新商品');
    await page.keyboard.press('Escape');
    await expect.poll(() => confirm().isVisible()).toBe(true);
    await expect
      .poll(() => page.getByRole('dialog', { name: '有未保存的修改' }).filter({ has: confirm() }).isVisible())
      .toBe(true);
    await screenshot(page, 'unsaved-01-esc-asks');
    await confirm().getByRole('button', { name: '继续编辑' }).click();
    await expect.poll(() => confirm().count()).toBe(0);
    expect(await drawerOpen()).toBe(1);
    expect(await title().inputValue()).toBe('还没保存的新商品');
  });

  it('× asks too; "discard" closes without storing anything', async () => {
    await editorDrawer(page).getByRole('button', { name: '关闭', exact: true }).first().click();
    await expect.poll(() => confirm().isVisible()).toBe(true);
    await confirm().getByRole('button', { name: '不保存' }).click();
    await drawerClosed();
    expect(await row('还没保存的新商品').count()).toBe(0);
    // Discarded: nothing is offered back either.
    expect(await page.getByTestId('draft-restore').count()).toBe(0);
  });

  it('Ctrl+S saves and keeps the editor open; closing unchanged asks nothing', async () => {
    await page.getByRole('button', { name: '新建商品' }).click();
    await title().fill('云盾 WAF 网站防护（标准版）');
    await page.getByLabel('价格（元）').fill('299');
    await page.getByLabel('详情（纯文本或 HTML）').fill('部署于京东云云主机的网站应用防火墙');
    // Typing reaches the form after the keystroke's frame, and the form renders it back a moment
    // later; on a slow machine (here a CPU slowed down 6×) keys land in between. Every character
    // typed is kept and saved, also with Ctrl+S right after the last key.
    const cdp = await page.context().newCDPSession(app.page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
    await page.keyboard.type('。支持 CC 防护');
    await page.keyboard.press('Control+s');
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await cdp.detach();
    await expect.poll(() => row('云盾 WAF 网站防护（标准版）').isVisible()).toBe(true);
    const saved = await callHost(app.host.url, 'listings.list', {});
    const records = (saved.ok ? saved.value : []) as { listing: { description: string } }[];
    expect(records.map((r) => r.listing.description)).toEqual([
      '部署于京东云云主机的网站应用防火墙。支持 CC 防护',
    ]);
    expect(await drawerOpen()).toBe(1);
    await page.getByRole('button', { name: /取\s*消/ }).click();
    await drawerClosed();
    expect(await confirm().count()).toBe(0);
  });

  it('Cancel after an edit asks; "save and close" saves the edit', async () => {
    await row('云盾 WAF').getByRole('button', { name: '云盾 WAF 网站防护（标准版）', exact: true }).click();
    await expect.poll(() => title().inputValue()).toBe('云盾 WAF 网站防护（标准版）');
    await title().fill('云盾 WAF 网站防护（专业版）');
    await page.getByRole('button', { name: /取\s*消/ }).click();
    await expect.poll(() => confirm().isVisible()).toBe(true);
    await confirm().getByRole('button', { name: '保存并关闭' }).click();
    await drawerClosed();
    await expect.poll(() => row('专业版').isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await rows().count()).toBe(1);
  });

  it('an edit in progress survives the window going away and is offered back', async () => {
    await row('专业版').getByRole('button', { name: '云盾 WAF 网站防护（专业版）', exact: true }).click();
    await expect.poll(() => title().inputValue()).toBe('云盾 WAF 网站防护（专业版）');
    await title().fill('云盾 WAF 网站防护（旗舰版）');
    // The autosave runs a moment after the last keystroke; once the core holds it, the window dies
    // without a goodbye.
    await expect
      .poll(async () => JSON.stringify((await callHost(app.host.url, 'drafts.get', {})).value ?? null), {
        timeout: 10_000,
      })
      .toContain('云盾 WAF 网站防护（旗舰版）');
    await app.reopen(); // its browser context closed: no goodbye
    await openListings();
    const offer = page.getByTestId('draft-restore');
    await expect.poll(() => offer.textContent()).toContain('《云盾 WAF 网站防护（旗舰版）》');
    expect(await offer.textContent()).toMatch(/北京时间 \d{4}-\d\d-\d\d \d\d:\d\d:\d\d/);
    // The stored listing itself is unchanged until the user saves.
    expect(await row('专业版').count()).toBe(1);
    await screenshot(page, 'unsaved-02-restore-offer');
    await offer.getByRole('button', { name: '恢复编辑' }).click();
    await expect.poll(() => title().inputValue()).toBe('云盾 WAF 网站防护（旗舰版）');
    // Restored means changed: closing asks.
    await page.keyboard.press('Escape');
    await expect.poll(() => confirm().isVisible()).toBe(true);
    await confirm().getByRole('button', { name: '保存并关闭' }).click();
    await drawerClosed();
    await expect.poll(() => row('旗舰版').isVisible()).toBe(true);
    expect(await rows().count()).toBe(1);
    expect(await page.getByTestId('draft-restore').count()).toBe(0);
    expect(app.pageErrors).toEqual([]);
  });
});
