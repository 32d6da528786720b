/**
 * Marketplace sync as a user meets it (issue 10): connect in Settings → sync → the sandbox's tickets
 * on the Service page; with the sandbox stopped a listing edit and a ticket reply (回复工单) wait in
 * the outbox, and are sent once each when it is back; a 412 conflict shown with both versions, resolved keep-mine and take-theirs.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { MarketplaceClient } from '../../electron/services/api/client';
import { DEFAULT_SERVICE } from '../../shared/api/paths';
import { screenshot } from './support/browser';
import { useApp } from './support/open-app';

let sandbox: Sandbox;
let tmp: ReturnType<typeof tempDir>;
let port: number;
let dataFile: string;

const client = () =>
  new MarketplaceClient({
    endpoint: sandbox.url,
    region: 'cn-north-1',
    service: DEFAULT_SERVICE,
    credentials: async () => ({
      accessKey: sandbox.credentials[0]!.accessKey,
      secretKey: sandbox.credentials[0]!.secretKey,
    }),
  });

const { app, page } = useApp();

beforeAll(async () => {
  tmp = tempDir();
  sandbox = await startSandbox({
    port: 0,
    dataFile: path.join(tmp.dir, 'sandbox.db'),
    seed: 'e2e-sync',
    listings: 2,
    tickets: 6,
    orders: 2,
    vendors: 1,
    selfCheck: null,
  });
  port = sandbox.port;
  dataFile = sandbox.dataFile;
});

afterAll(async () => {
  await sandbox?.close().catch(() => undefined);
  tmp?.cleanup();
});

/** The machine is shared and slow at times: every wait gets 20 s. */
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 20_000 });

const listingRow = (text: string) => page.getByTestId('listing-row').filter({ hasText: text });

/** The text of a CodeMirror field (its visible lines). */
const editorText = (label: string) =>
  page
    .getByLabel(label)
    .evaluate((el) => [...el.querySelectorAll('.cm-line')].map((l) => l.textContent).join('\n'));

async function editDescription(title: string, description: string) {
  await page.getByRole('menuitem', { name: '商品' }).click();
  await listingRow(title).getByRole('button', { name: title, exact: true }).click();
  // The description is a CodeMirror editor: select all and type over it, as a person would.
  await page.getByLabel('详情（纯文本或 HTML）').click();
  await page.keyboard.press('Control+a');
  await page.keyboard.insertText(description);
  await page.getByTestId('listing-save').click();
  await poll(() => page.getByRole('dialog').count()).toBe(0);
}

/** 回复工单 on the Service page's tickets table. */
async function replyToTicket(id: string, reply: string) {
  await page.getByRole('menuitem', { name: '服务时效' }).click();
  await page.getByTestId(`ticket-reply-${id}`).click();
  await page.getByTestId('ticket-reply-text').fill(reply);
  await page.getByRole('button', { name: '保存并发送' }).click();
  await poll(() => page.getByText('回复已保存，正在等待发送').isVisible()).toBe(true);
}

/** The last complete pull as the Sync page shows it, in the pages' "YYYY-MM-DD HH:mm:ss" form. */
async function syncedAt(): Promise<string> {
  await page.getByRole('menuitem', { name: '同步' }).click();
  const iso = (await page.getByTestId('sync-as-of').textContent()) ?? '';
  return iso.slice(0, 19).replace('T', ' ');
}

async function syncNow() {
  await page.getByRole('menuitem', { name: '同步' }).click();
  await page.getByTestId('sync-now').click();
  await poll(() => page.getByTestId('sync-now').getByRole('img', { name: 'loading' }).count()).toBe(0);
}

describe('marketplace sync', () => {
  it('connects in Settings and syncs the sandbox’s tickets', async () => {
    await page.getByRole('menuitem', { name: '设置' }).click();
    await page.getByTestId('sync-endpoint').fill(sandbox.url);
    await page.getByTestId('sync-region').fill('cn-north-1');
    await page.getByTestId('sync-access-key').fill(sandbox.credentials[0]!.accessKey);
    await page.getByTestId('sync-secret-key').fill(sandbox.credentials[0]!.secretKey);
    await page.getByTestId('sync-save').click();
    await poll(() => page.getByText('连接已保存').isVisible()).toBe(true);
    expect(await page.getByTestId('sync-secret-key').inputValue()).toBe('');
    await page.getByTestId('sync-test').click();
    await poll(() => page.getByText(/已连接：/).isVisible()).toBe(true);
    await screenshot(page, 'sync-01-connected');

    await syncNow();
    await poll(() => page.getByTestId('sync-as-of').textContent()).toMatch(/\+08:00/);
    await poll(() => page.getByTestId('sync-indicator').getAttribute('data-state')).toBe('up-to-date');
    const ticket = (await client().listTickets({ pageSize: 1 })).tickets[0]!;
    await page.getByRole('menuitem', { name: '服务时效' }).click();
    await poll(() => page.getByTestId('tickets-table').textContent()).toContain(ticket.id);
    await screenshot(page, 'sync-02-tickets');
    // Numbers from synced data say how fresh they are: the last pull beside each page's "as of".
    const lastPull = await syncedAt();
    for (const menu of ['服务时效', '保证金', '违规扣分']) {
      await page.getByRole('menuitem', { name: menu }).click();
      await poll(() => page.getByTestId('last-pull').textContent()).toBe(`上次完整拉取: ${lastPull}`);
    }
  });

  it('an offline edit and a ticket reply wait in the outbox and are each sent once when the sandbox is back', async () => {
    const remote = (await client().listListings({ pageSize: 10 })).listings[0]!;
    const ticket = (await client().listTickets({ pageSize: 1 })).tickets[0]!;
    await sandbox.close();
    await editDescription(remote.draft.title, '离线时修改的说明，足够长的一段文字。');
    await replyToTicket(ticket.id, '离线时写的回复：已收到，正在处理。');
    await syncNow();
    await poll(() => page.getByTestId('outbox-state-pending').count()).toBe(2);
    expect(await page.getByTestId('sync-outbox').textContent()).toContain('离线时写的回复');
    await screenshot(page, 'sync-03-offline-waiting');

    sandbox = await startSandbox({ port, dataFile, selfCheck: null });
    await syncNow();
    await poll(() => page.getByTestId('outbox-state-sent').count()).toBe(2);
    await syncNow(); // a second pass has nothing left to send
    const lastPull = await syncedAt();
    await page.getByRole('menuitem', { name: '服务时效' }).click();
    await poll(() => page.getByTestId('last-pull').textContent()).toBe(`上次完整拉取: ${lastPull}`);
    const after = await client().getListing(remote.id);
    expect(after.draft.description).toBe('离线时修改的说明，足够长的一段文字。');
    expect(after.version).toBe(remote.version + 1); // one update
    const answered = await client().getTicket(ticket.id);
    expect(answered.messages.filter((m) => m.text === '离线时写的回复：已收到，正在处理。')).toHaveLength(1);
    expect(answered.messages).toHaveLength(ticket.messages.length + 1); // one reply
    expect(answered.version).toBe(ticket.version + 1);
  });

  it('a 412 conflict shows both versions; keep mine, then take theirs', async () => {
    const remote = (await client().listListings({ pageSize: 10 })).listings[0]!;
    await client().updateListing(
      remote.id,
      { ...remote.draft, description: '云端的修改，足够长的一段说明文字。' },
      remote.version,
    );
    await editDescription(remote.draft.title, '我的修改，足够长的一段说明文字。');
    await syncNow();
    await poll(() => page.getByTestId('outbox-state-conflict').count()).toBe(1);
    await page.getByTestId('outbox-resolve').click();
    await poll(() => page.getByTestId('conflict-mine').textContent()).toContain('我的修改');
    expect(await page.getByTestId('conflict-theirs').textContent()).toContain('云端的修改');
    await screenshot(page, 'sync-04-conflict');
    await page.getByTestId('conflict-keep-mine').click();
    await syncNow();
    await poll(async () => (await client().getListing(remote.id)).draft.description).toBe(
      '我的修改，足够长的一段说明文字。',
    );

    const now = await client().getListing(remote.id);
    await client().updateListing(
      remote.id,
      { ...now.draft, description: '云端第二次修改，足够长的说明文字。' },
      now.version,
    );
    await editDescription(remote.draft.title, '我的第二次修改，足够长的说明文字。');
    await syncNow();
    await poll(() => page.getByTestId('outbox-state-conflict').count()).toBe(1);
    await page.getByTestId('outbox-resolve').click();
    await page.getByTestId('conflict-take-theirs').click();
    await poll(() => page.getByTestId('outbox-state-conflict').count()).toBe(0);
    await page.getByRole('menuitem', { name: '商品' }).click();
    await listingRow(remote.draft.title)
      .getByRole('button', { name: remote.draft.title, exact: true })
      .click();
    await poll(() => editorText('详情（纯文本或 HTML）')).toBe('云端第二次修改，足够长的说明文字。');
    expect(app.pageErrors).toEqual([]);
  });
});
