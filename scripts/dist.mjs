// `npm run dist`: packages the app with electron-builder, which rebuilds better-sqlite3 inside
// node_modules for Electron's ABI. Node's build (used by tests, browser mode and the CLI) is
// saved first and put back afterwards, so `npm test` keeps working without a 90-second rebuild.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '..');
const nodeBuild = path.join(
  path.dirname(require.resolve('better-sqlite3/package.json')),
  'build',
  'Release',
  'better_sqlite3.node',
);
const saved = path.join(root, '.native', `node-${process.versions.modules}`, 'better_sqlite3.node');

fs.mkdirSync(path.dirname(saved), { recursive: true });
fs.copyFileSync(nodeBuild, saved);
const builder = path.join(
  root,
  'node_modules',
  '.bin',
  process.platform === 'win32' ? 'electron-builder.cmd' : 'electron-builder',
);
const result = spawnSync(builder, process.argv.slice(2), {
  stdio: 'inherit',
  cwd: root,
  shell: process.platform === 'win32',
});
fs.copyFileSync(saved, nodeBuild);
console.log(`dist: restored Node's better-sqlite3 build (${path.relative(root, nodeBuild)})`);
process.exit(result.status ?? 1);
