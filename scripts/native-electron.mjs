// better-sqlite3 is a native addon: Node (tests, browser mode, CLI) and Electron (the app) need
// different ABI builds. Instead of rebuilding node_modules back and forth, we keep the Node
// build where npm put it and build Electron's copy once into .native/electron-<version>/,
// which the main process loads through better-sqlite3's `nativeBinding` option. Switching is
// therefore free; this script only runs when Electron's version changes.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { electronVersion } from './electron-binary.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '..');
const version = electronVersion();
const target = path.join(root, '.native', `electron-${version}`, 'better_sqlite3.node');

if (fs.existsSync(target) && !process.argv.includes('--force')) {
  console.log(`native: ${path.relative(root, target)} is up to date`);
  process.exit(0);
}

const source = path.dirname(require.resolve('better-sqlite3/package.json'));
const work = path.join(root, '.native', 'build');
fs.rmSync(work, { recursive: true, force: true });
fs.cpSync(source, work, {
  recursive: true,
  filter: (p) => !p.includes(`${path.sep}build${path.sep}`) && !p.endsWith(`${path.sep}build`),
});

console.log(`native: building better-sqlite3 for Electron ${version} (${process.arch})…`);
try {
  const gyp = require.resolve('node-gyp/bin/node-gyp.js');
  execFileSync(
    process.execPath,
    [
      gyp,
      'rebuild',
      '--release',
      `--target=${version}`,
      `--arch=${process.arch}`,
      '--dist-url=https://electronjs.org/headers',
      '--runtime=electron',
    ],
    // npm's own `nodedir` setting points node-gyp at Node's headers; Electron needs its own.
    {
      cwd: work,
      stdio: 'inherit',
      env: { ...process.env, npm_config_nodedir: '', npm_config_runtime: 'electron' },
    },
  );
} catch {
  console.error(`
native: could not build better-sqlite3 for Electron ${version}.
It needs Electron's headers from https://electronjs.org/headers and a C++ toolchain.
Browser mode (npm run web) and the tests do not need this build.`);
  process.exit(1);
}
fs.mkdirSync(path.dirname(target), { recursive: true });
fs.copyFileSync(path.join(work, 'build', 'Release', 'better_sqlite3.node'), target);
fs.rmSync(work, { recursive: true, force: true });
console.log(`native: wrote ${path.relative(root, target)}`);
