import { defineConfig } from 'vitest/config';

// Browser end-to-end tests: they start the browser-mode host and drive Debian's Chromium.
// One file at a time: two cores, and each test owns a host process and a browser.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
