/**
 * `vendordesk sync` per formats.md §7, against a sandbox started here: in-process through `run`
 * (output fields, exit statuses, status from local data only, refused credentials change nothing)
 * and once through `node bin/vendordesk.mjs`.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../../cli/commands/sync';
import { main } from '../../../cli/main';
import { startSandbox, type Sandbox } from '../../../sandbox/server';
import { sandboxEnv, terminal } from '../../helpers/fake-io';
import { openStore } from '../../../electron/services/db/database';
import { ListingsRepository } from '../../../electron/services/repositories/listings-repository';
import { SyncEngine } from '../../../electron/services/sync/engine';
import { draft } from './helpers';

let sandbox: Sandbox;
let env: Record<string, string>;

const fakeIO = (extraEnv: Record<string, string | undefined> = {}) =>
  terminal(tmpdir(), { ...env, ...extraEnv });

const FIELDS = ['cursor', 'asOf', 'pulled', 'pushed', 'conflicts', 'failed', 'pending', 'resources'];

beforeAll(async () => {
  sandbox = await startSandbox({
    port: 0,
    seed: 'cli-sync',
    listings: 4,
    tickets: 12,
    orders: 5,
    vendors: 1,
    selfCheck: null,
  });
  env = sandboxEnv(sandbox);
});
afterAll(async () => {
  await sandbox.close();
});

describe('vendordesk sync (formats.md §7)', () => {
  it('--once --format json prints exactly one object with the §7 fields and exits 0 when caught up', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vd-cli-sync-'));
    const t = fakeIO();
    expect(await run(['--data-dir', dir, '--once', '--format', 'json'], t.io)).toBe(0);
    const lines = t.out().trim().split('\n');
    expect(lines).toHaveLength(1);
    const report = JSON.parse(lines[0]!);
    expect(Object.keys(report)).toEqual(FIELDS);
    expect(Object.keys(report.resources)).toEqual(['listings', 'orders', 'tickets', 'ledger', 'violations']);
    expect(report.resources).toMatchObject({ tickets: 12, orders: 5, listings: 4 });
    expect(report.pulled).toBeGreaterThan(0);
    expect(report.asOf).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+08:00$/);

    const again = fakeIO();
    expect(await run(['--data-dir', dir, '--once', '--format', 'json'], again.io)).toBe(0);
    const second = JSON.parse(again.out());
    expect(second).toMatchObject({
      pulled: 0,
      pushed: 0,
      cursor: report.cursor,
      resources: report.resources,
    });

    const status = fakeIO({ VENDORDESK_ENDPOINT: 'http://127.0.0.1:9' }); // sends nothing: an unusable endpoint is fine
    expect(await run(['status', '--data-dir', dir, '--format', 'json'], status.io)).toBe(0);
    expect(JSON.parse(status.out())).toEqual(second);
  });

  it('exits 1 when caught up but an entry failed, and pushes queued entries', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vd-cli-sync-'));
    const store = openStore({ dataDir: dir });
    const engine = new SyncEngine({
      store,
      listings: new ListingsRepository(store),
      client: async () => {
        throw new Error('unused');
      },
    });
    engine.createDraft(draft('命令行同步'));
    engine.createDraft({ ...draft('无效价格'), price: { amount: -1, currency: 'CNY', billing: 'monthly' } });
    store.close();
    const t = fakeIO();
    expect(await run(['--data-dir', dir, '--once', '--format', 'json'], t.io)).toBe(1);
    expect(JSON.parse(t.out())).toMatchObject({ pushed: 1, failed: 1, pending: 0, conflicts: 0 });
    const s = fakeIO();
    expect(await run(['status', '--data-dir', dir, '--format', 'json'], s.io)).toBe(1);
  });

  it('exits 2 on refused credentials and changes nothing local', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vd-cli-sync-'));
    const t = fakeIO({ VENDORDESK_SECRET_KEY: 'not-the-secret' });
    expect(await run(['--data-dir', dir, '--once', '--format', 'json'], t.io)).toBe(2);
    expect(t.out()).toBe('');
    expect(t.err()).toMatch(/refused the credentials/);
    expect(readdirSync(dir)).toEqual([]);

    // An existing database is left exactly as it was.
    const ok = fakeIO();
    expect(await run(['--data-dir', dir, '--once', '--format', 'json'], ok.io)).toBe(0);
    const before = fakeIO();
    await run(['status', '--data-dir', dir, '--format', 'json'], before.io);
    const refused = fakeIO({ VENDORDESK_SECRET_KEY: 'not-the-secret' });
    expect(await run(['--data-dir', dir, '--once', '--format', 'json'], refused.io)).toBe(2);
    const after = fakeIO();
    await run(['status', '--data-dir', dir, '--format', 'json'], after.io);
    expect(after.out()).toBe(before.out());
  });

  it('exits 2 on bad options and an unreachable endpoint', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vd-cli-sync-'));
    expect(await run(['--once'], fakeIO().io)).toBe(2);
    expect(await run(['--data-dir', dir, '--format', 'xml'], fakeIO().io)).toBe(2);
    expect(await run(['--data-dir', dir, '--endpoint', 'ftp://x'], fakeIO().io)).toBe(2);
    expect(await run(['nonsense', '--data-dir', dir], fakeIO().io)).toBe(2);
    const down = fakeIO({ VENDORDESK_ENDPOINT: 'http://127.0.0.1:9' });
    expect(await run(['--data-dir', dir, '--once'], down.io)).toBe(2);
    expect(down.err()).toMatch(/unreachable/);
    expect(existsSync(join(dir, 'vendordesk.db'))).toBe(false);
    const none = fakeIO({ VENDORDESK_ENDPOINT: undefined });
    expect(await run(['--data-dir', dir, '--once'], none.io)).toBe(2);
    expect(none.err()).toMatch(/no connection saved/);
    expect(existsSync(join(dir, 'vendordesk.db'))).toBe(false);
    const status = fakeIO();
    expect(await run(['status', '--data-dir', dir], status.io)).toBe(2);
  });

  it('uses the keys saved in the app when the environment has none', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vd-cli-sync-'));
    const { createFileSecretStore } = await import('../../../electron/services/secrets/file-secret-store');
    const { saveCredentials } = await import('../../../electron/services/api/credentials');
    await saveCredentials(
      createFileSecretStore({ file: join(dir, 'secrets.enc.json'), keyFile: join(dir, 'secrets.key') }),
      { accessKey: env.VENDORDESK_ACCESS_KEY!, secretKey: env.VENDORDESK_SECRET_KEY! },
    );
    const t = fakeIO({ VENDORDESK_ACCESS_KEY: undefined, VENDORDESK_SECRET_KEY: undefined });
    expect(await run(['--data-dir', dir, '--once', '--format', 'text'], t.io)).toBe(0);
    expect(t.out()).toMatch(/工单 tickets 12/);
  });

  it('without keys it names the variables to set, and says when the keys are in the desktop app’s keychain', async () => {
    const noEnv = { VENDORDESK_ACCESS_KEY: undefined, VENDORDESK_SECRET_KEY: undefined };
    const dir = mkdtempSync(join(tmpdir(), 'vd-cli-sync-'));
    openStore({ dataDir: dir }).close();
    const none = fakeIO(noEnv);
    expect(await run(['--data-dir', dir, '--once'], none.io)).toBe(2);
    expect(none.err()).toMatch(
      /no AccessKey\/SecretKey saved in .*set VENDORDESK_ACCESS_KEY and VENDORDESK_SECRET_KEY/s,
    );
    // What the desktop app writes when the OS has a keychain (electron/main/platform-electron.ts).
    writeFileSync(join(dir, 'secrets.safe'), '{}');
    const keychain = fakeIO(noEnv);
    expect(await run(['--data-dir', dir, '--once'], keychain.io)).toBe(2);
    expect(keychain.err()).toMatch(/OS keychain \(safeStorage\), which the command line cannot read/);
    expect(keychain.err()).toMatch(/VENDORDESK_SECRET_KEY/);
    expect(keychain.out()).toBe('');
  });

  it('is listed in vendordesk --help with bilingual help of its own', async () => {
    const t = fakeIO();
    expect(await main(['--help'], t.io)).toBe(0);
    expect(t.out()).toMatch(/sync\s+与云市场同步.*sync with the marketplace/);
    const h = fakeIO();
    expect(await main(['sync', '--help'], h.io)).toBe(0);
    expect(h.out()).toMatch(/--data-dir DIR/);
    expect(h.out()).toMatch(/退出码 \/ exit status/);
  });

  it('runs end to end through bin/vendordesk.mjs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vd-cli-sync-'));
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['bin/vendordesk.mjs', 'sync', '--data-dir', dir, '--once', '--format', 'json'],
      { env: { ...process.env, ...env } },
    );
    expect(JSON.parse(stdout)).toMatchObject({ resources: { tickets: 12 } });
  }, 60_000);
});
