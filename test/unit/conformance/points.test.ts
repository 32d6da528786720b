/**
 * formats.md §5 conformance: `vendordesk points - --at <time>` against hand-computed cases in
 * test/fixtures/conformance/points.json (第二十条, 第二十一条, 附件一; Beijing calendar year).
 */
import { describe, expect, it } from 'vitest';
import fixture from '../../fixtures/conformance/points.json';
import { pick, runCli } from './harness';

const FIELDS = [
  'year',
  'total',
  'remaining',
  'expelled',
  'activeFreezes',
  'depositDeductions',
  'depositForfeited',
] as const;

describe('vendordesk points (formats.md §5)', () => {
  it.each(fixture.cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const run = await runCli(['points', '-', '--at', c.at], { stdin: JSON.stringify(c.input) });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(pick(JSON.parse(run.stdout) as Record<string, unknown>, FIELDS)).toEqual(c.expect);
  });

  it.each(fixture.invalid.map((c) => [c.name, c] as const))(
    'bad input (%s) exits 2 and names the place',
    async (_name, c) => {
      const run = await runCli(['points', '-', '--at', '2025-03-12T10:00:00+08:00'], { stdin: c.text });
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain('<stdin>');
      for (const part of c.stderr) expect(run.stderr).toContain(part);
    },
  );
});
