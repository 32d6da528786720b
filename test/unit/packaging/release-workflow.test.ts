// .github/workflows/release.yml cannot run here. What can be checked is how it fits the rest of the
// project: the scripts it runs exist, the checks come before packaging, each runner's dist arguments
// build exactly the targets electron-builder.yml declares for its platform, the uploads cover every
// installer those targets produce, and secrets reach the packaging step only. Settings that relate to
// nothing else (triggers, Node version, permissions) are not copied here: a literal copy of the YAML
// fails only when the YAML is edited, never when it is wrong.
import { describe, expect, it } from 'vitest';
import packageJson from '../../../package.json';
import { npmScriptsRun, readYaml } from './project';

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Workflow {
  jobs: {
    build: {
      strategy: { matrix: { include: { os: string; 'dist-args': string; artifacts: string }[] } };
      steps: Step[];
    };
  };
}
interface Target {
  target: string;
  arch: string[];
}

const workflow = readYaml('.github/workflows/release.yml') as Workflow;
const builder = readYaml('electron-builder.yml') as Record<'win' | 'mac', { target: Target[] }>;
const job = workflow.jobs.build;
const scripts: Record<string, string> = packageJson.scripts;
const runIndex = (script: string): number =>
  job.steps.findIndex((step) => npmScriptsRun(step.run).includes(script));
const dist = job.steps[runIndex('dist')];

/** The file each electron-builder target leaves in release/ (what the upload must pick up). */
const installerOf: Record<string, string> = {
  nsis: 'release/*.exe',
  dmg: 'release/*.dmg',
  zip: 'release/*.zip',
};

describe('release workflow', () => {
  it('runs only npm scripts that package.json defines', () => {
    const ran = job.steps.flatMap((step) => npmScriptsRun(step.run));
    expect(ran).toContain('dist');
    expect(ran.filter((name) => !(name in scripts))).toEqual([]);
  });

  it('type-checks and runs the unit tests before packaging, never publishing', () => {
    expect(runIndex('typecheck')).toBeGreaterThan(-1);
    expect(runIndex('test:unit')).toBeGreaterThan(-1);
    expect(runIndex('dist')).toBeGreaterThan(Math.max(runIndex('typecheck'), runIndex('test:unit')));
    expect(dist?.run).toMatch(/npm run dist -- --publish never /);
  });

  it.each([
    ['win', 'windows-latest'],
    ['mac', 'macos-latest'],
  ] as const)(
    'builds the %s targets of electron-builder.yml on %s, and uploads each installer and the update feed',
    (platform, os) => {
      const entry = job.strategy.matrix.include.find((e) => e.os === os);
      const targets = builder[platform].target;
      const arches = [...new Set(targets.flatMap((t) => t.arch))];
      expect(entry?.['dist-args'].split(' ').sort()).toEqual(
        [`--${platform}`, ...arches.map((a) => `--${a}`)].sort(),
      );
      expect(entry?.artifacts.split('\n')).toEqual(
        expect.arrayContaining([...targets.map((t) => installerOf[t.target]), 'release/*.yml']),
      );
    },
  );

  it('passes secrets to the packaging step only', () => {
    expect(JSON.stringify(dist?.env)).toContain('secrets.');
    expect(JSON.stringify(job.steps.filter((step) => step !== dist))).not.toContain('secrets.');
  });

  it('uploads what the matrix names after packaging, and fails when nothing was produced', () => {
    const upload = job.steps.find((step) => step.uses?.startsWith('actions/upload-artifact@'));
    expect(upload?.with).toMatchObject({ path: '${{ matrix.artifacts }}', 'if-no-files-found': 'error' });
    expect(job.steps.indexOf(upload as Step)).toBeGreaterThan(runIndex('dist'));
  });
});
