/**
 * `vendordesk sync --data-dir DIR` and `vendordesk sync status --data-dir DIR` — formats.md §7.
 * Runs the app's sync engine (electron/services/sync) on the app's database in DIR, without a window.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openStore, type Store } from '../../electron/services/db/database';
import { loadCredentials } from '../../electron/services/api/credentials';
import { ListingsRepository } from '../../electron/services/repositories/listings-repository';
import { createFileSecretStore } from '../../electron/services/secrets/file-secret-store';
import { clientFactory, validateEndpoint, validateRegion } from '../../electron/services/sync/connection';
import { SyncEngine, SyncUnavailableError, type SyncReport } from '../../electron/services/sync/engine';
import { ApiError } from '../../shared/api/errors';
import { EXIT_FINDINGS, EXIT_INPUT, EXIT_OK, type Command } from '../io';

const USAGE = `用法 / usage:
  vendordesk sync --data-dir DIR [--endpoint URL] [--region R] [--once] [--format json|text]
  vendordesk sync status --data-dir DIR [--format json|text]

拉取云市场变更并发送待发队列，作用于 DIR 中应用自己的数据库（formats.md §7）。
Pulls the marketplace change feed and sends the outbox, on the app's own database in DIR.

  --data-dir DIR    应用数据目录 / the app's data folder (holds vendordesk.db)
  --endpoint URL    接口地址 / default $VENDORDESK_ENDPOINT, else the connection saved in the app
  --region R        地域 / region (default: the saved one, else cn-north-1)
  --once            同步一轮后退出 / one pull of the whole feed and one pass over the outbox, then exit;
                    不加时按应用的计划持续同步，直到中断 / without it: keep syncing on the app's schedule until interrupted
  --format FMT      json（每轮一个对象 / one object per pass）或 / or text (default)

凭据 / credentials: VENDORDESK_ACCESS_KEY 和 / and VENDORDESK_SECRET_KEY, 否则使用应用中保存的密钥 / else the keys saved in the app
  (浏览器模式的密钥文件；桌面版存入系统钥匙串的密钥只有应用能读取，请用环境变量 /
  browser mode's key file; keys the desktop app keeps in the OS keychain only the app can read: use the variables).
\`status\` 只读取本地数据，不发送任何请求 / reads local data only and sends nothing.

输出 / output (json): { "cursor", "asOf", "pulled", "pushed", "conflicts", "failed", "pending",
  "resources": { "listings", "orders", "tickets", "ledger", "violations" } }
退出码 / exit status: 0 已与变更流同步且无冲突或失败 caught up, nothing conflicted or failed ·
  1 已同步但有冲突、失败或待发条目 caught up but some entry conflicted, failed or is pending ·
  2 选项无效、无法连接或凭据被拒绝 bad options, unreachable endpoint or refused credentials (nothing local changed)
`;

class UsageError extends Error {}

/**
 * No keys in the environment nor in the file the CLI can read. The desktop app keeps them in the
 * OS keychain (safeStorage, `secrets.safe`), which only the app can decrypt: say so rather
 * than "not set", and name the variables that work.
 */
function missingKeys(dataDir: string): string {
  const zh = '请设置环境变量 VENDORDESK_ACCESS_KEY 和 VENDORDESK_SECRET_KEY';
  const en = 'set VENDORDESK_ACCESS_KEY and VENDORDESK_SECRET_KEY';
  if (existsSync(join(dataDir, 'secrets.safe')))
    return `${dataDir} 中的密钥由桌面应用存放在系统钥匙串（safeStorage）中，命令行无法读取；${zh} / the keys in ${dataDir} were saved by the desktop app in the OS keychain (safeStorage), which the command line cannot read; ${en}`;
  return `${dataDir} 中没有保存的 AccessKey/SecretKey；${zh} / no AccessKey/SecretKey saved in ${dataDir}; ${en}`;
}

function formatText(r: SyncReport): string {
  const res = r.resources;
  return [
    `游标 / cursor ${r.cursor ?? '-'} · 截至 / as of ${r.asOf ?? '从未同步 / never'}`,
    `拉取 / pulled ${r.pulled} · 已发送 / pushed ${r.pushed} · 冲突 / conflicts ${r.conflicts} · 失败 / failed ${r.failed} · 待发 / pending ${r.pending}`,
    `云市场记录 / marketplace records: 商品 listings ${res.listings} · 订单 orders ${res.orders} · 工单 tickets ${res.tickets} · 保证金流水 ledger ${res.ledger} · 违规 violations ${res.violations}`,
    '',
  ].join('\n');
}

const exitFor = (r: SyncReport): number => (r.conflicts + r.failed + r.pending > 0 ? EXIT_FINDINGS : EXIT_OK);

export const run: Command = async (argv, io) => {
  let values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        'data-dir': { type: 'string' },
        endpoint: { type: 'string' },
        region: { type: 'string' },
        once: { type: 'boolean' },
        format: { type: 'string', default: 'text' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
    if (values.help) {
      io.stdout.write(USAGE);
      return EXIT_OK;
    }
    if (positionals.length > 1 || (positionals.length === 1 && positionals[0] !== 'status'))
      throw new UsageError(`unexpected argument "${positionals.join(' ')}" (only "status")`);
    if (!values['data-dir']) throw new UsageError('--data-dir DIR is required (需要指定数据目录)');
    if (values.format !== 'json' && values.format !== 'text')
      throw new UsageError(`--format "${values.format}": expected json or text`);
    if (values.endpoint !== undefined) values.endpoint = validateEndpoint(values.endpoint);
    if (values.region !== undefined) values.region = validateRegion(values.region);
    if (io.env.VENDORDESK_ENDPOINT?.trim()) validateEndpoint(io.env.VENDORDESK_ENDPOINT);
  } catch (error) {
    io.stderr.write(`vendordesk sync: ${(error as Error).message}\n\n${USAGE}`);
    return EXIT_INPUT;
  }
  const dataDir = resolve(io.cwd, values['data-dir']);
  const status = positionals[0] === 'status';
  const print = (r: SyncReport) =>
    io.stdout.write(values.format === 'json' ? `${JSON.stringify(r)}\n` : formatText(r));

  // With the connection given on the command line, refused credentials or an unreachable endpoint
  // are found before the database is even opened (or created): nothing local changes.
  const envEndpoint = io.env.VENDORDESK_ENDPOINT?.trim() || undefined;
  const preEndpoint = values.endpoint ?? envEndpoint;
  if (!status && preEndpoint && io.env.VENDORDESK_ACCESS_KEY && io.env.VENDORDESK_SECRET_KEY) {
    try {
      const client = await clientFactory({
        settings: () => ({ endpoint: null, region: null }),
        secrets: { get: async () => null, set: async () => {}, delete: async () => {} },
        override: {
          endpoint: validateEndpoint(preEndpoint),
          region: values.region,
          credentials: { accessKey: io.env.VENDORDESK_ACCESS_KEY, secretKey: io.env.VENDORDESK_SECRET_KEY },
        },
      })();
      await client.getVendor();
    } catch (error) {
      const refused =
        error instanceof ApiError && (error.code === 'unauthorized' || error.code === 'forbidden');
      io.stderr.write(
        `vendordesk sync: ${refused ? '凭据被拒绝 / the marketplace refused the credentials' : '无法连接云市场 / marketplace unreachable'}: ${(error as Error).message}\n`,
      );
      return EXIT_INPUT;
    }
  }

  // No database yet means no saved connection: without --endpoint there is nothing to sync with.
  if (!status && !preEndpoint && !existsSync(join(dataDir, 'vendordesk.db'))) {
    io.stderr.write(
      `vendordesk sync: ${dataDir} 中没有保存的连接，请用 --endpoint 或 VENDORDESK_ENDPOINT 指定 / no connection saved in ${dataDir}; give --endpoint or VENDORDESK_ENDPOINT\n`,
    );
    return EXIT_INPUT;
  }
  if (status && !existsSync(join(dataDir, 'vendordesk.db'))) {
    io.stderr.write(
      `vendordesk sync: ${dataDir} 中没有应用数据库 / no app database (vendordesk.db) in ${dataDir}\n`,
    );
    return EXIT_INPUT;
  }
  let store: Store;
  try {
    store = openStore({ dataDir });
  } catch (error) {
    io.stderr.write(
      `vendordesk sync: 无法打开数据库 / cannot open the database in ${dataDir}: ${(error as Error).message}\n`,
    );
    return EXIT_INPUT;
  }
  try {
    if (!store.writable && !status) {
      io.stderr.write(`vendordesk sync: ${store.state.message ?? 'the database is read-only'}\n`);
      return EXIT_INPUT;
    }
    const secrets = createFileSecretStore({
      file: join(dataDir, 'secrets.enc.json'),
      keyFile: join(dataDir, 'secrets.key'),
    });
    const ak = io.env.VENDORDESK_ACCESS_KEY;
    const sk = io.env.VENDORDESK_SECRET_KEY;
    const holder: { engine?: SyncEngine } = {};
    const factory = clientFactory({
      settings: () => holder.engine!.state(),
      secrets,
      override: {
        endpoint: values.endpoint ?? (envEndpoint ? validateEndpoint(envEndpoint) : undefined),
        region: values.region,
        credentials: ak && sk ? { accessKey: ak, secretKey: sk } : undefined,
      },
    });
    const engine = new SyncEngine({ store, listings: new ListingsRepository(store), client: factory });
    holder.engine = engine;
    if (!status && !(ak && sk) && !(await loadCredentials(secrets))) {
      io.stderr.write(`vendordesk sync: ${missingKeys(dataDir)}\n`);
      return EXIT_INPUT;
    }
    if (status) {
      const report = engine.report();
      print(report);
      return exitFor(report);
    }

    const passOnce = async (): Promise<number> => {
      try {
        const { report } = await engine.syncOnce();
        print(report);
        return exitFor(report);
      } catch (error) {
        if (error instanceof SyncUnavailableError) {
          io.stderr.write(`vendordesk sync: ${error.message}\n`);
          return EXIT_INPUT;
        }
        if ((error as { code?: string }).code === 'invalid-input') {
          io.stderr.write(`vendordesk sync: ${(error as Error).message}\n`);
          return EXIT_INPUT;
        }
        throw error;
      }
    };
    if (values.once) return await passOnce();

    // Keep syncing on the app's schedule until interrupted (SIGINT/SIGTERM).
    let stop: () => void = () => {};
    const stopped = new Promise<void>((r) => (stop = r));
    const onSignal = () => stop();
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    let code = EXIT_OK;
    try {
      for (;;) {
        code = await passOnce();
        const interval = engine.state().intervalSeconds * 1000;
        let timer: NodeJS.Timeout | undefined;
        const waited = await Promise.race([
          stopped.then(() => 'stop'),
          new Promise((r) => (timer = setTimeout(() => r('tick'), interval))),
        ]);
        clearTimeout(timer);
        if (waited === 'stop') return code;
      }
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
  } finally {
    store.close();
  }
};
