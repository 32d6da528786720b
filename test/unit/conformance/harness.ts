/**
 * Runs a `vendordesk` command in-process with a fake terminal, the way external tests run
 * `npx vendordesk …`: arguments in, exit code + stdout + stderr out. Input files are given as text
 * on standard input (`-`) so the fixtures stay self-contained JSON.
 */
import { main } from '../../../cli/main';
import type { CliIO } from '../../../cli/io';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(
  argv: string[],
  options: { stdin?: string; cwd?: string } = {},
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    readStdin: async () => options.stdin ?? '',
    cwd: options.cwd ?? process.cwd(),
    env: {},
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

/** Picks the listed keys of each object, so a comparison covers exactly what the spec defines. */
export function pick<T extends Record<string, unknown>>(
  value: T,
  keys: readonly string[],
): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, value[k]]));
}
