// .github/workflows/ci.yml cannot run here. What can be checked is how it fits the rest of the
// project: it runs scripts package.json has, it runs the whole of `npm test` in `npm test`'s order,
// and then the Electron smoke test (which only CI can run: the development machines have no Electron
// binary). The workflow's other settings (runners, Node version, triggers) are not copied into this
// test: a literal copy of the YAML fails only when the YAML is edited, never when it is wrong.
import { describe, expect, it } from 'vitest';
import packageJson from '../../../package.json';
import { npmScriptsRun, readYaml } from './project';

interface Step {
  run?: string;
  uses?: string;
  env?: Record<string, string>;
}
const workflow = readYaml('.github/workflows/ci.yml') as { jobs: Record<string, { steps: Step[] }> };
const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
const scripts: Record<string, string> = packageJson.scripts;
const ran = steps.flatMap((step) => npmScriptsRun(step.run));

describe('CI workflow', () => {
  it('runs only npm scripts that package.json defines', () => {
    expect(ran.length).toBeGreaterThan(0);
    expect(ran.filter((name) => !(name in scripts))).toEqual([]);
  });

  it('runs every step of `npm test`, in its order, then the Electron smoke test on the built app', () => {
    const gate = npmScriptsRun(scripts.test);
    expect(gate.length).toBeGreaterThan(1);
    const order = [...gate, 'native:electron', 'test:electron'].map((name) => ran.indexOf(name));
    expect(
      order.every((i) => i >= 0),
      JSON.stringify(order),
    ).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('gives the end-to-end tests the Chrome it installed', () => {
    const e2e = steps.find((step) => npmScriptsRun(step.run).includes('test:e2e'));
    expect(e2e?.env?.CHROMIUM_PATH).toMatch(/steps\.\w+\.outputs\.chrome-path/);
  });

  it('never installs with ELECTRON_SKIP_BINARY_DOWNLOAD (the smoke test needs the binary) and holds no secrets', () => {
    expect(JSON.stringify(workflow)).not.toContain('ELECTRON_SKIP_BINARY_DOWNLOAD');
    expect(JSON.stringify(workflow)).not.toContain('secrets.');
  });
});
