// Where the Electron binary is, or why it is not there. We look for it ourselves instead of
// `require('electron')`, which in recent versions starts a download when the binary is missing
// (and fails with a stack trace on machines without access to Electron's download host).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export function electronBinary() {
  const dir = path.dirname(require.resolve('electron/package.json'));
  const pathFile = path.join(dir, 'path.txt');
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(dir, 'dist');
  if (!fs.existsSync(pathFile))
    return {
      ok: false,
      reason: 'the Electron binary was never downloaded (node_modules/electron/path.txt is missing)',
    };
  const binary = path.join(distDir, fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(binary)
    ? { ok: true, path: binary }
    : { ok: false, reason: `the Electron binary is missing (${binary})` };
}

export function electronVersion() {
  return JSON.parse(fs.readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
}

export const MISSING_ELECTRON_HELP = `
The Electron binary is not installed, so the desktop app cannot start here.

  • To use VendorDesk now, run it in your browser:   npm run web
  • To get the desktop app, download Electron:       npx install-electron --no
    (or reinstall without ELECTRON_SKIP_BINARY_DOWNLOAD:  npm ci)
`;
