/**
 * `npm run web` — browser mode. Builds the renderer (unless --no-build and it is already built),
 * starts the host on 127.0.0.1 and prints its URL.
 *
 *   npm run web -- [--port 5180] [--data-dir DIR] [--no-build]
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { defaultUserDataDir } from '../services/paths';
import { startWebHost } from './host';
import { createNodePlatform } from './platform-node';

const root = path.resolve(import.meta.dirname, '..', '..');

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '5180' },
      'data-dir': { type: 'string' },
      'no-build': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log('usage: npm run web -- [--port N (0 = any free port)] [--data-dir DIR] [--no-build]');
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be 0–65535, got "${values.port}"`);
  const rendererDir = path.join(root, 'dist', 'renderer');
  if (!values['no-build'] || !fs.existsSync(path.join(rendererDir, 'index.html'))) {
    console.log('Building the renderer (vite build)…');
    const { build } = await import('vite');
    // The config sets `root: renderer/`; passing a root here would override it (and Vite would
    // look for index.html in the project root), so only the config file is given.
    await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
  }
  const userDataDir = values['data-dir'] ? path.resolve(values['data-dir']) : defaultUserDataDir();
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
  const now = fakeClock(process.env.VENDORDESK_FAKE_NOW);
  const host = await startWebHost({
    platform: createNodePlatform({
      userDataDir,
      appVersion: pkg.version,
      now,
      allowPrivateSiteAddresses: allowPrivateSites(process.env.VENDORDESK_ALLOW_PRIVATE_SITES),
    }),
    // The core runs in its worker on the same clock.
    clockOffsetMs: now ? now().getTime() - Date.now() : 0,
    // TEST HOOK: VENDORDESK_TEST_HOOKS=1 lets end-to-end tests kill the core's worker (never set outside tests).
    testHooks: process.env.VENDORDESK_TEST_HOOKS === '1',
    rendererDir,
    port,
    log: (message, error) => console.error(`[vendordesk] ${message}`, error ?? ''),
  });
  console.log(`VendorDesk browser mode: ${host.url}`);
  console.log(`Data folder: ${userDataDir}`);
  const stop = () => {
    void host.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/**
 * TEST HOOK: VENDORDESK_FAKE_NOW=<ISO 8601 with offset> starts the app's clock at that instant and
 * lets it run at normal speed, so end-to-end tests can compare the pages with
 * `vendordesk sla|deposit|points --at …` and see alerts fall due on known data. Read only here;
 * unset (always, outside tests) the real clock is used.
 */
function fakeClock(start: string | undefined): (() => Date) | undefined {
  if (!start) return undefined;
  const startMs = Date.parse(start);
  if (!/[+-]\d{2}:\d{2}$|Z$/.test(start) || Number.isNaN(startMs)) {
    throw new Error(`VENDORDESK_FAKE_NOW must be an ISO 8601 time with an offset, got "${start}"`);
  }
  const realStart = Date.now();
  console.log(`VENDORDESK_FAKE_NOW: the clock starts at ${start} (test hook)`);
  return () => new Date(startMs + (Date.now() - realStart));
}

/**
 * TEST HOOK: VENDORDESK_ALLOW_PRIVATE_SITES=1 lets the official-site check fetch pages from
 * 127.0.0.1 and private addresses (end-to-end tests serve the vendor's page locally). Read only
 * here; unset, such addresses are refused.
 */
function allowPrivateSites(value: string | undefined): boolean {
  if (value !== '1') return false;
  console.log(
    'VENDORDESK_ALLOW_PRIVATE_SITES: the official-site check may fetch private addresses (test hook)',
  );
  return true;
}

main().catch((error: unknown) => {
  console.error(`vendordesk web: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
