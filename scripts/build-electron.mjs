// Bundles the Electron main process, the core's worker thread and preload into dist-electron/ (CommonJS, as Electron's
// sandboxed preload requires). `--watch` rebuilds on change (used by `npm start`).
import path from 'node:path';
import { context, build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  sourcemap: true,
  // electron-updater reads its app-update.yml and spawns installers relative to its own files: it is
  // loaded from the packaged node_modules (a production dependency), not bundled.
  external: ['electron', 'better-sqlite3', 'electron-updater'],
  // ESM builds first: some packages' "main" is a UMD file whose require('./impl/…') calls esbuild
  // cannot follow (jsonc-parser), which left the bundle failing at start with "Cannot find module".
  mainFields: ['module', 'main'],
  logLevel: 'warning',
};
const entries = [
  {
    entryPoints: [path.join(root, 'electron/main/main.ts')],
    outfile: path.join(root, 'dist-electron/main.cjs'),
  },
  {
    entryPoints: [path.join(root, 'electron/preload/preload.ts')],
    outfile: path.join(root, 'dist-electron/preload.cjs'),
  },
  // The application core's worker thread (electron/services/core-worker; CoreClient starts it).
  {
    entryPoints: [path.join(root, 'electron/services/core-worker/worker.ts')],
    outfile: path.join(root, 'dist-electron/core-worker.cjs'),
  },
];

if (process.argv.includes('--watch')) {
  for (const entry of entries) await (await context({ ...common, ...entry })).watch();
  console.log('esbuild: watching electron/ for changes');
} else {
  await Promise.all(entries.map((entry) => build({ ...common, ...entry })));
  console.log('esbuild: dist-electron/main.cjs, dist-electron/preload.cjs, dist-electron/core-worker.cjs');
}
