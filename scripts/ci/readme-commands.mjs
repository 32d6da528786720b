// CI: runs the README's everyday commands exactly as a user types them, on the clean clone, after
// `npm test`. A green test run once hid a broken `npm run web` (the tests start the host with
// --no-build), so this step types `npm run web` with no flags, loads the printed URL in Chromium and
// sees the app; it also runs the command-line and sandbox lines and the Electron-less `npm start`.
// Each command must appear verbatim in README.md, so the README and this check cannot drift apart.
//
//   node scripts/ci/readme-commands.mjs      (exit 0 when every command behaved as documented)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
const example = path.resolve(root, '..', 'shared', 'examples', 'listings');
// The user's data folder is left alone: browser mode and the CLI write into a throw-away one.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vendordesk-readme-'));
const env = { ...process.env, VENDORDESK_DATA_DIR: dataDir };
const failures = [];

function documented(command) {
  if (!readme.includes(command))
    throw new Error(
      `README.md no longer contains "${command}": update scripts/ci/readme-commands.mjs with it`,
    );
}

/** Starts `command` in a shell in its own process group (so npm's children stop with it). */
function start(command, extraEnv = {}) {
  const child = spawn(command, {
    cwd: root,
    shell: true,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...env, ...extraEnv },
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    output: () => output,
    exited,
    waitFor(pattern, timeoutMs) {
      return new Promise((resolve, reject) => {
        const started = Date.now();
        const poll = setInterval(() => {
          const match = pattern.exec(output);
          if (match) {
            clearInterval(poll);
            resolve(match);
          } else if (child.exitCode !== null || Date.now() - started > timeoutMs) {
            clearInterval(poll);
            reject(
              new Error(
                `"${command}" did not print ${pattern} (exit ${child.exitCode}):\n${output.slice(-3000)}`,
              ),
            );
          }
        }, 100);
      });
    },
    async stop() {
      if (child.exitCode === null) {
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {
          /* already gone */
        }
      }
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    },
  };
}

async function run(command, timeoutMs = 120_000) {
  const proc = start(command);
  const code = await Promise.race([
    proc.exited,
    new Promise((resolve) => setTimeout(() => resolve('timeout'), timeoutMs)),
  ]);
  if (code === 'timeout') await proc.stop();
  return { code, output: proc.output() };
}

async function step(name, body) {
  const started = Date.now();
  try {
    await body();
    console.log(`ok   ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  } catch (error) {
    failures.push(name);
    console.log(`FAIL ${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function expect(condition, message) {
  if (!condition) throw new Error(message);
}

await step('npm run web (no flags) prints a URL that Chromium loads', async () => {
  documented('npm run web ');
  const web = start('npm run web');
  try {
    const [, url] = await web.waitFor(/VendorDesk browser mode: (http:\/\/127\.0\.0\.1:\d+\/\S*)/, 240_000);
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
      ],
    });
    try {
      const page = await browser.newPage();
      const errors = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(url);
      // The app shell has loaded and talked to the core: the navigation and the first page render.
      await page.getByRole('menu').first().waitFor({ timeout: 30_000 });
      await page
        .getByRole('menuitem', { name: /商品|Listings/ })
        .first()
        .click();
      await page
        .getByRole('heading', { name: /商品|Listings/ })
        .first()
        .waitFor({ timeout: 30_000 });
      expect(errors.length === 0, `page errors: ${errors.join('; ')}`);
    } finally {
      await browser.close();
    }
  } finally {
    await web.stop();
  }
});

await step(
  'npx vendordesk check: a clean listing exits 0, a violating one exits 1 with findings',
  async () => {
    documented('npx vendordesk check listing.json --format json');
    const clean = await run(
      `npx vendordesk check ${JSON.stringify(path.join(example, 'clean-saas-crm.json'))} --format json`,
    );
    expect(clean.code === 0, `exit ${clean.code}: ${clean.output.slice(-2000)}`);
    const bad = await run(
      `npx vendordesk check ${JSON.stringify(path.join(example, 'violating-image.json'))} --format json`,
    );
    expect(bad.code === 1, `exit ${bad.code}: ${bad.output.slice(-2000)}`);
    const report = JSON.parse(bad.output);
    expect(JSON.stringify(report).includes('"blocker"'), 'the violating example reported no blocker');
  },
);

await step('npm run sandbox, then npx vendordesk api GET … reads the vendor profile', async () => {
  documented('npm run sandbox -- --port 8787 --seed 42');
  documented('npx vendordesk api GET /v1/regions/cn-north-1/vendor --endpoint http://127.0.0.1:8787');
  const sandboxData = path.join(dataDir, 'sandbox');
  fs.mkdirSync(sandboxData);
  // `--data` keeps the sandbox file out of the clone; everything else is the README's line.
  const sandbox = start(
    `npm run sandbox -- --port 8787 --seed 42 --data ${JSON.stringify(path.join(sandboxData, 'sb.db'))}`,
  );
  try {
    await sandbox.waitFor(/sandbox marketplace on http:\/\/127\.0\.0\.1:8787/, 120_000);
    const keys = Object.fromEntries(
      [...sandbox.output().matchAll(/^export (VENDORDESK_\w+)=(\S+)$/gm)].map((m) => [m[1], m[2]]),
    );
    expect(keys.VENDORDESK_ACCESS_KEY && keys.VENDORDESK_SECRET_KEY, 'the sandbox printed no credentials');
    const api = start(
      'npx vendordesk api GET /v1/regions/cn-north-1/vendor --endpoint http://127.0.0.1:8787',
      keys,
    );
    const code = await api.exited;
    expect(code === 0, `exit ${code}: ${api.output().slice(-2000)}`);
    expect(/vendor/i.test(api.output()), `no vendor profile in: ${api.output().slice(0, 500)}`);
  } finally {
    await sandbox.stop();
  }
});

await step('npm start without the Electron binary says so and points to browser mode', async () => {
  documented('npm start ');
  if (!process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return; // a machine with Electron opens a window instead
  const result = await run('npm start', 60_000);
  expect(result.code === 1, `exit ${result.code}`);
  expect(
    result.output.includes('npm run web'),
    `no pointer to browser mode in: ${result.output.slice(-1000)}`,
  );
});

fs.rmSync(dataDir, { recursive: true, force: true });
console.log(
  failures.length === 0
    ? 'README commands: all behaved as documented'
    : `README commands failed: ${failures.join('; ')}`,
);
process.exit(failures.length === 0 ? 0 : 1);
