import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without types (it must run on any Node, so no TypeScript)
import { checkNode, minimumFromRange, satisfies } from '../../../scripts/check-node.mjs';

const root = path.resolve(import.meta.dirname, '..', '..', '..');

describe('Node.js version check', () => {
  it('reads the minimum from a >= range', () => {
    expect(minimumFromRange('>=22.12')).toEqual([22, 12, 0]);
    expect(minimumFromRange('>= 22.12.1')).toEqual([22, 12, 1]);
    expect(() => minimumFromRange('^22')).toThrow(/engines.node/);
  });

  it('compares versions part by part, not as strings', () => {
    expect(satisfies('22.12.0', [22, 12, 0])).toBe(true);
    expect(satisfies('v22.23.5', [22, 12, 0])).toBe(true);
    expect(satisfies('24.0.0', [22, 12, 0])).toBe(true);
    expect(satisfies('22.9.0', [22, 12, 0])).toBe(false);
    expect(satisfies('20.20.2', [22, 12, 0])).toBe(false);
  });

  it('names the version needed, in Chinese and English, for an old Node', () => {
    const message = checkNode('20.20.2') as string;
    expect(message).toContain('Node.js 22.12.0');
    expect(message).toContain('当前为 20.20.2');
    expect(message).toContain('this is 20.20.2');
    expect(checkNode(process.versions.node)).toBeNull();
  });

  it('the package declares the Node the dependencies need, and the README says the same', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      engines: { node: string };
      scripts: Record<string, string>;
    };
    expect(pkg.engines.node).toBe('>=22.12');
    for (const script of ['preinstall', 'prestart', 'preweb', 'pretest', 'presandbox']) {
      expect(pkg.scripts[script]).toBe('node scripts/check-node.mjs');
    }
    expect(fs.readFileSync(path.join(root, 'README.md'), 'utf8')).toContain('Node.js ≥ 22.12');
  });

  it('the script exits 1 with the message when run directly by an old Node', () => {
    // Simulate an old runtime by faking process.versions before the script's check runs.
    const result = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `Object.defineProperty(process.versions, 'node', { value: '20.1.0' }); process.argv[1] = ${JSON.stringify(path.join(root, 'scripts/check-node.mjs'))}; await import(${JSON.stringify(path.join(root, 'scripts/check-node.mjs'))});`,
      ],
      { encoding: 'utf8' },
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('VendorDesk needs Node.js 22.12.0');
  });
});
