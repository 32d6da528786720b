/**
 * formats.md §4 conformance: `vendordesk deposit - --at <time>` against hand-computed cases in
 * test/fixtures/conformance/deposit.json (第九条(六), Beijing workdays, integer fen).
 */
import { describe, expect, it } from 'vitest';
import fixture from '../../fixtures/conformance/deposit.json';
import { pick, runCli } from './harness';

const FIELDS = [
  'balance',
  'required',
  'shortfall',
  'status',
  'deficientSince',
  'topUpDueDate',
  'deductionsLast12Months',
  'extraDepositRisk',
] as const;

describe('vendordesk deposit (formats.md §4)', () => {
  it.each(fixture.cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const run = await runCli(['deposit', '-', '--at', c.at], { stdin: JSON.stringify(c.input) });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(pick(JSON.parse(run.stdout) as Record<string, unknown>, FIELDS)).toEqual(c.expect);
  });

  it.each(fixture.invalid.map((c) => [c.name, c] as const))(
    'bad input (%s) exits 2 and names the place',
    async (_name, c) => {
      const run = await runCli(['deposit', '-', '--at', '2025-03-12T10:00:00+08:00'], { stdin: c.text });
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain('<stdin>');
      for (const part of c.stderr) expect(run.stderr).toContain(part);
    },
  );
});
