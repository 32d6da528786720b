/**
 * Runs a `vendordesk` command in-process with a fake terminal, the way external tests run
 * `npx vendordesk …`: arguments in, exit code + stdout + stderr out. Input files are given as text
 * on standard input (`-`) so the fixtures stay self-contained JSON.
 */
import { expect, it } from 'vitest';
import { main } from '../../../cli/main';
import { fakeIO } from '../../helpers/fake-io';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(
  argv: string[],
  options: { stdin?: string; cwd?: string } = {},
): Promise<CliRun> {
  const io = fakeIO({ ...options, cwd: options.cwd ?? process.cwd() });
  const code = await main(argv, io);
  return { code, stdout: io.out, stderr: io.err };
}

/** Picks the listed keys of each object, so a comparison covers exactly what the spec defines. */
export function pick<T extends Record<string, unknown>>(
  value: T,
  keys: readonly string[],
): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, value[k]]));
}

export interface ConformanceCase {
  name: string;
  at: string;
  input: unknown;
  expect: unknown;
}

/** Each case: `vendordesk <command> - --at <at>`, its input on stdin, answers `expect` in `fields`. */
export function itAnswersEachCase(
  command: string,
  cases: readonly ConformanceCase[],
  fields: readonly string[],
) {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const run = await runCli([command, '-', '--at', c.at], { stdin: JSON.stringify(c.input) });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(pick(JSON.parse(run.stdout) as Record<string, unknown>, fields)).toEqual(c.expect);
  });
}

/** Bad input: exit 2, nothing on stdout, and stderr names `<stdin>` and each expected part. */
export function itRefusesBadInput(
  command: string,
  invalid: readonly { name: string; text: string; stderr: readonly string[] }[],
) {
  it.each(invalid.map((c) => [c.name, c] as const))(
    'bad input (%s) exits 2 and names the place',
    async (_name, c) => {
      const run = await runCli([command, '-', '--at', '2025-03-12T10:00:00+08:00'], { stdin: c.text });
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain('<stdin>');
      for (const part of c.stderr) expect(run.stderr).toContain(part);
    },
  );
}
