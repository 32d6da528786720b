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

export interface CoreEvent {
  name: string;
  data: unknown;
}

/**
 * The core's events as the page receives them (`GET /api/events`), for a test that must act at a
 * moment the core makes observable — e.g. kill the host while an import is in flight — instead of
 * after a guessed delay. Resolves once the stream is connected.
 */
export async function watchEvents(url: string): Promise<{
  /** The first event (already seen or still to come) that matches. */
  next(match: (event: CoreEvent) => boolean, timeoutMs?: number): Promise<CoreEvent>;
  close(): void;
}> {
  const parsed = new URL(url);
  const controller = new AbortController();
  const response = await fetch(`${parsed.origin}/api/events`, {
    headers: { cookie: `vendordesk-token-${parsed.port}=${parsed.searchParams.get('token') ?? ''}` },
    signal: controller.signal,
  });
  if (!response.ok || !response.body) throw new Error(`event stream: HTTP ${response.status}`);
  const seen: CoreEvent[] = [];
  const waiting = new Set<() => void>();
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const message = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const name = /^event: (.*)$/m.exec(message)?.[1];
        const data = /^data: (.*)$/m.exec(message)?.[1];
        if (name !== undefined && data !== undefined) seen.push({ name, data: JSON.parse(data) });
      }
      for (const wake of waiting) wake();
    }
  })().catch(() => undefined); // the stream ends when the host dies or close() aborts it
  return {
    next(match, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(check);
          reject(new Error(`no matching event within ${timeoutMs} ms`));
        }, timeoutMs);
        function check() {
          const found = seen.find(match);
          if (!found) return;
          clearTimeout(timer);
          waiting.delete(check);
          resolve(found);
        }
        waiting.add(check);
        check();
      });
    },
    close: () => controller.abort(),
  };
}

/** A `progress` event of one of these operations that is not its last: that import is under way. */
export const importUnderWay =
  (operationIds: readonly string[]) =>
  ({ name, data }: CoreEvent): boolean => {
    const progress = data as { operationId?: string; channel?: string; finished?: string };
    return (
      name === 'progress' &&
      progress.channel === 'listings.import' &&
      operationIds.includes(progress.operationId ?? '') &&
      progress.finished === undefined
    );
  };
