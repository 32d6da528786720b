/** Starts the browser-mode host as a real child process, as `npm run web` does. */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '..', '..', '..');

export interface HostProcess {
  /** The printed address, `http://127.0.0.1:PORT/?token=…` (open it to get the access cookie). */
  url: string;
  /** `http://127.0.0.1:PORT/` */
  origin: string;
  token: string;
  process: ChildProcess;
  /** SIGTERM and wait for exit (a normal quit). */
  stop(): Promise<void>;
  /** SIGKILL: the process gets no chance to clean up. */
  kill(): Promise<void>;
}

/** `env`: extra environment for the host, e.g. the VENDORDESK_FAKE_NOW test clock. */
export async function startHost(dataDir: string, env: Record<string, string> = {}): Promise<HostProcess> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(repoRoot, 'electron/web/server.ts'),
      '--no-build',
      '--port',
      '0',
      '--data-dir',
      dataDir,
    ],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } },
  );
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /browser mode: (http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]+)\s/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host exited with ${code}:\n${output}`));
    });
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const parsed = new URL(url);
  return {
    url,
    origin: `${parsed.origin}/`,
    token: parsed.searchParams.get('token') ?? '',
    process: child,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
    kill: async () => {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

/**
 * One contract call over HTTP, as the browser bridge makes it after the first load: `url` is the
 * printed address; its token goes in the access cookie the host set on that load.
 */
export async function callHost<T = unknown>(
  url: string,
  channel: string,
  payload: unknown,
): Promise<{ ok: boolean; value?: T; error?: { code: string; message: string } }> {
  const parsed = new URL(url);
  const response = await fetch(`${parsed.origin}/api/${channel}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-vendordesk-client': '1',
      cookie: `vendordesk-token-${parsed.port}=${parsed.searchParams.get('token') ?? ''}`,
    },
    body: JSON.stringify(payload),
  });
  return (await response.json()) as { ok: boolean; value?: T };
}
