// .github/workflows/ci.yml: the gate runs on the three desktop platforms, in order, and ends with the
// Electron smoke test (which only CI can run: the development machines have no Electron binary).
import { describe, expect, it } from 'vitest';
import { readYaml } from './project';

interface Step {
  run?: string;
  uses?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}
const workflow = readYaml('.github/workflows/ci.yml') as {
  on: Record<string, unknown>;
  jobs: Record<string, { 'runs-on': string; strategy: { matrix: { os: string[] } }; steps: Step[] }>;
};
const job = workflow.jobs.test!;
const index = (pattern: RegExp) => job.steps.findIndex((step) => pattern.test(step.run ?? ''));

describe('CI workflow', () => {
  it('runs on pushes to main and on pull requests, on Ubuntu, Windows and macOS', () => {
    expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(['push', 'pull_request']));
    expect(job.strategy.matrix.os).toEqual(['ubuntu-latest', 'windows-latest', 'macos-latest']);
    expect(job['runs-on']).toBe('${{ matrix.os }}');
    expect(job.steps.find((s) => s.uses?.startsWith('actions/setup-node@'))?.with?.['node-version']).toBe(22);
  });

  it('typecheck, lint, unit, e2e, then the Electron smoke test on the built app', () => {
    const order = [
      /^npm ci\b/,
      /^npm run typecheck$/,
      /^npm run lint$/,
      /^npm run test:unit$/,
      /^npm run test:e2e$/,
      /^npm run native:electron$/,
      /npm run test:electron/,
    ].map(index);
    expect(
      order.every((i) => i >= 0),
      JSON.stringify(order),
    ).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(job.steps[index(/^npm run test:e2e$/)]?.env?.CHROMIUM_PATH).toContain(
      'steps.chrome.outputs.chrome-path',
    );
    expect(job.steps[index(/npm run test:electron/)]?.run).toContain('xvfb-run');
  });

  it('never installs with ELECTRON_SKIP_BINARY_DOWNLOAD (the smoke test needs the binary) and holds no secrets', () => {
    expect(JSON.stringify(workflow)).not.toContain('ELECTRON_SKIP_BINARY_DOWNLOAD');
    expect(JSON.stringify(workflow)).not.toContain('secrets.');
  });
});
