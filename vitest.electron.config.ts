import { defineConfig } from 'vitest/config';

// The Electron smoke test: the built app (npm run build, better-sqlite3 for Electron's ABI from
// `npm run native:electron`) driven by Playwright's Electron launcher. It needs the Electron binary
// and a display (xvfb-run on Linux): it runs in CI (.github/workflows/ci.yml), not on machines
// installed with ELECTRON_SKIP_BINARY_DOWNLOAD.
export default defineConfig({
  test: {
    include: ['test/electron/**/*.electron.ts'],
    environment: 'node',
    testTimeout: 180_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
