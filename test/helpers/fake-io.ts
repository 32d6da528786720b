/** A fake terminal for running `vendordesk` in-process: what it writes is collected in `out` and `err`. */
import path from 'node:path';
import type { CliIO } from '../../cli/io';

export const repoRoot = path.resolve(import.meta.dirname, '..', '..');

export function fakeIO(
  options: { stdin?: string; cwd?: string; env?: CliIO['env'] } = {},
): CliIO & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout: { write: (t: string) => (io.out += t) },
    stderr: { write: (t: string) => (io.err += t) },
    readStdin: async () => options.stdin ?? '',
    cwd: options.cwd ?? repoRoot,
    env: options.env ?? {},
  };
  return io;
}

/** The same, as the CLI api and sync tests read it: `io` to pass, `out()` and `err()` for what was written. */
export function terminal(cwd: string, env: CliIO['env']) {
  const io = fakeIO({ cwd, env });
  return { io, out: () => io.out, err: () => io.err };
}

/** The environment that points the CLI at a sandbox, with its first vendor's keys. */
export function sandboxEnv(sandbox: {
  url: string;
  credentials: readonly { accessKey: string; secretKey: string }[];
}): Record<string, string> {
  return {
    VENDORDESK_ACCESS_KEY: sandbox.credentials[0]!.accessKey,
    VENDORDESK_SECRET_KEY: sandbox.credentials[0]!.secretKey,
    VENDORDESK_ENDPOINT: sandbox.url,
  };
}
