// .github/workflows/release.yml cannot run here; check its shape: triggers, both native runners,
// the checks before packaging, the dist arguments matching electron-builder.yml, secrets and uploads.
import { describe, expect, it } from 'vitest';
import { readYaml } from './project';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  shell?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Workflow {
  on: { push: { tags: string[] }; workflow_dispatch: unknown };
  permissions: Record<string, string>;
  jobs: {
    build: {
      'runs-on': string;
      strategy: {
        matrix: { include: { name: string; os: string; 'dist-args': string; artifacts: string }[] };
      };
      steps: Step[];
    };
  };
}

const workflow = readYaml('.github/workflows/release.yml') as Workflow;
const job = workflow.jobs.build;
const runIndex = (pattern: RegExp): number => job.steps.findIndex((step) => pattern.test(step.run ?? ''));

describe('release workflow', () => {
  it('runs on version tags and by hand, with read-only repository access', () => {
    expect(workflow.on.push.tags).toEqual(['v*']);
    expect(workflow.on).toHaveProperty('workflow_dispatch');
    expect(workflow.permissions).toEqual({ contents: 'read' });
  });

  it('builds Windows x64+arm64 and the macOS universal app on their own runners', () => {
    expect(job['runs-on']).toBe('${{ matrix.os }}');
    const byOs = Object.fromEntries(job.strategy.matrix.include.map((entry) => [entry.os, entry]));
    expect(byOs['windows-latest']?.['dist-args']).toBe('--win --x64 --arm64');
    expect(byOs['windows-latest']?.artifacts.split('\n')).toEqual(
      expect.arrayContaining(['release/*.exe', 'release/*.yml']),
    );
    expect(byOs['macos-latest']?.['dist-args']).toBe('--mac --universal');
    // The zip beside the dmg is what Squirrel.Mac installs updates from; latest-mac.yml names it.
    expect(byOs['macos-latest']?.artifacts.split('\n')).toEqual(
      expect.arrayContaining(['release/*.dmg', 'release/*.zip', 'release/*.yml']),
    );
  });

  it('uses Node 22 and a clean npm ci install', () => {
    const setupNode = job.steps.find((step) => step.uses?.startsWith('actions/setup-node@'));
    expect(setupNode?.with?.['node-version']).toBe(22);
    expect(runIndex(/^npm ci$/)).toBeGreaterThan(-1);
  });

  it('type-checks and runs the unit tests before packaging, never publishing', () => {
    const install = runIndex(/^npm ci$/);
    const typecheck = runIndex(/^npm run typecheck$/);
    const unit = runIndex(/^npm run test:unit$/);
    const dist = runIndex(/npm run dist -- --publish never \$\{\{ matrix\.dist-args \}\}/);
    expect(install).toBeGreaterThan(-1);
    expect(typecheck).toBeGreaterThan(install);
    expect(unit).toBeGreaterThan(install);
    expect(dist).toBeGreaterThan(Math.max(typecheck, unit));
  });

  it('passes the signing and notarisation secrets to the packaging step only', () => {
    const dist = job.steps[runIndex(/npm run dist/)];
    for (const name of [
      'CSC_LINK',
      'CSC_KEY_PASSWORD',
      'APPLE_ID',
      'APPLE_APP_SPECIFIC_PASSWORD',
      'APPLE_TEAM_ID',
    ]) {
      expect(dist?.env?.[name]).toBe(`\${{ secrets.${name} }}`);
    }
    const otherSteps = job.steps.filter((step) => step !== dist);
    expect(JSON.stringify(otherSteps)).not.toContain('secrets.');
    // Unset secrets arrive as empty strings; the step drops them so unsigned builds still work.
    expect(dist?.shell).toBe('bash');
    expect(dist?.run).toMatch(
      /for name in CSC_LINK CSC_KEY_PASSWORD; do\s+if \[ -z "\$\{!name\}" \]; then unset "\$name"; fi/,
    );
  });

  it('uploads the installers and fails when none were produced', () => {
    const upload = job.steps.find((step) => step.uses?.startsWith('actions/upload-artifact@'));
    expect(upload?.with).toMatchObject({ path: '${{ matrix.artifacts }}', 'if-no-files-found': 'error' });
    expect(job.steps.indexOf(upload as Step)).toBeGreaterThan(runIndex(/npm run dist/));
  });
});
