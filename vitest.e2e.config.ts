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
    // expect.poll waits for a condition; its default second is shorter than a loaded 2-core
    // machine takes to answer an import or re-render a page. A test that needs an upper bound
    // on time says so with its own timeout.
    expect: { poll: { timeout: 15_000, interval: 100 } },
  },
});
