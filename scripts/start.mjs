// `npm start`: Vite dev server (hot reload for the renderer) + esbuild watch for main/preload +
// Electron. Without an Electron binary it says so and points to browser mode.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { MISSING_ELECTRON_HELP, electronBinary } from './electron-binary.mjs';

const root = path.resolve(import.meta.dirname, '..');
const electron = electronBinary();
if (!electron.ok) {
  console.error(`npm start: ${electron.reason}`);
  console.error(MISSING_ELECTRON_HELP);
  process.exit(1);
}

const native = spawnSync(process.execPath, [path.join(root, 'scripts/native-electron.mjs')], {
  stdio: 'inherit',
});
if (native.status !== 0) process.exit(native.status ?? 1);

const { createServer } = await import('vite');
const server = await createServer({ configFile: path.join(root, 'vite.config.ts') });
await server.listen();
const url = server.resolvedUrls?.local[0] ?? 'http://127.0.0.1:5173/';

const esbuild = spawn(process.execPath, [path.join(root, 'scripts/build-electron.mjs'), '--watch'], {
  stdio: 'inherit',
});
await new Promise((resolve) => setTimeout(resolve, 1500)); // first bundle

const app = spawn(electron.path, [root], {
  stdio: 'inherit',
  env: { ...process.env, VENDORDESK_DEV_SERVER_URL: url },
});
app.on('exit', async (code) => {
  esbuild.kill();
  await server.close();
  process.exit(code ?? 0);
});
