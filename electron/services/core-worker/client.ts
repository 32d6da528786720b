/**
 * The one way a transport talks to the core (issue 11): browser mode's host (electron/web/host.ts)
 * and Electron main (electron/main) both start the core's worker through this client, hand it
 * every contract call and forward its events to their UI.
 *
 * If the worker dies (a crash, out of memory, killed), calls in flight fail with a typed error,
 * a `core.status: restarting` event goes to the UI and a new worker opens the same database:
 * everything committed before is there (each write is an SQLite transaction). Calls made while
 * it restarts wait for it. After too many deaths in a row it gives up (`core.status: failed`).
 */
import { Worker } from 'node:worker_threads';
import { parseEvent, type EventName, type EventPayload } from '../../../shared/ipc/events';
import type { ProgressDetail } from '../../../shared/ipc/dispatch';
import type { IpcResult } from '../../../shared/ipc/errors';
import type { ConnectivityChange, Platform } from '../platform';
import type { CoreInit, HostToWorker, PlatformMethod, WorkerToHost } from './protocol';

export interface CoreClientOptions {
  /** worker.ts (run through tsx) or its bundle (Electron: dist-electron/core-worker.cjs). */
  workerPath: string;
  init: CoreInit;
  /** The host's OS services the core asks for (notifications, printer, secrets) or is told about (connectivity). */
  platform: Pick<Platform, 'notifier' | 'printer' | 'secrets' | 'connectivity' | 'uploads'>;
  log?: (message: string, error?: unknown) => void;
  /** Deaths tolerated within `restartWindowMs` before giving up (default 5 in 60 s). */
  maxRestarts?: number;
  restartWindowMs?: number;
}

export interface CallOptions {
  signal?: AbortSignal;
  onProgress?: (done: number, total: number, detail?: ProgressDetail) => void;
}

type AnyEventListener = (event: EventName, payload: unknown) => void;

interface Pending {
  channel: string;
  resolve(result: IpcResult<unknown>): void;
  onProgress?: (done: number, total: number, detail?: ProgressDetail) => void;
}

export class CoreClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  /** Calls made while no worker is ready; sent once one is. */
  private queue: { id: number; message: HostToWorker }[] = [];
  private ready = false;
  private closing = false;
  private failed: string | null = null;
  private deaths: number[] = [];
  private readonly listeners = new Set<AnyEventListener>();
  private firstReady: Promise<void>;
  private resolveFirstReady!: () => void;
  private rejectFirstReady!: (error: Error) => void;
  private everReady = false;
  private lastError: string | null = null;
  /** The OS's last word on the network, given again to a restarted worker. */
  private network: ConnectivityChange | null = null;
  private unsubscribeConnectivity: (() => void) | null = null;
  /** How many times the worker was restarted since the client started. */
  restarts = 0;

  constructor(private readonly options: CoreClientOptions) {
    this.firstReady = new Promise((resolve, reject) => {
      this.resolveFirstReady = resolve;
      this.rejectFirstReady = reject;
    });
    this.spawn();
    this.unsubscribeConnectivity =
      options.platform.connectivity?.subscribe((change) => {
        if (change.type !== 'resumed') this.network = change;
        // Not queued: a worker that is not ready yet gets the network state when it is.
        if (this.ready) this.worker?.postMessage({ t: 'connectivity', change } satisfies HostToWorker);
      }) ?? null;
  }

  /** Resolves when the first worker has opened the database; rejects if it died before that. */
  whenReady(): Promise<void> {
    return this.firstReady;
  }

  /** One contract call; never throws: failures are `{ ok: false, error }` like the dispatcher's. */
  dispatch(channel: unknown, payload: unknown, options: CallOptions = {}): Promise<IpcResult<unknown>> {
    if (this.failed !== null || this.closing) {
      return Promise.resolve({
        ok: false,
        error: { code: 'internal', message: this.failed ?? 'VendorDesk is closing' },
      });
    }
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, { channel: String(channel), resolve, onProgress: options.onProgress });
      this.send(id, { t: 'call', id, channel: String(channel), payload });
      options.signal?.addEventListener('abort', () => this.send(id, { t: 'cancel', id }), { once: true });
    });
  }

  /** Every validated event from the core (and the client's own `core.status`); returns the unsubscribe. */
  onEvent(listener: AnyEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    return this.onEvent((name, payload) => {
      if (name === event) listener(payload as EventPayload<E>);
    });
  }

  /** TEST HOOK (VENDORDESK_TEST_HOOKS): stops the worker abruptly, as a crash would. */
  async killWorker(): Promise<void> {
    await this.worker?.terminate();
  }

  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    this.unsubscribeConnectivity?.();
    const worker = this.worker;
    this.failAll('VendorDesk is closing');
    if (!worker) return;
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    worker.postMessage({ t: 'close' } satisfies HostToWorker);
    const timeout = setTimeout(() => void worker.terminate(), 5000);
    await exited;
    clearTimeout(timeout);
  }

  private send(id: number, message: HostToWorker): void {
    if (this.ready && this.worker) this.worker.postMessage(message);
    else this.queue.push({ id, message });
  }

  private emit(name: EventName, payload: unknown): void {
    for (const listener of this.listeners) {
      try {
        listener(name, payload);
      } catch (error) {
        this.options.log?.(`event listener for ${name} failed`, error);
      }
    }
  }

  private spawn(): void {
    const { workerPath } = this.options;
    // From source (tsx), the worker needs the TypeScript loader too; a bundle needs nothing.
    const fromSource = workerPath.endsWith('.ts');
    const execArgv =
      fromSource && !process.execArgv.some((a) => a.includes('tsx'))
        ? [...process.execArgv, '--import', 'tsx']
        : undefined;
    const worker = new Worker(workerPath, {
      workerData: this.options.init,
      execArgv,
      stdout: false,
      stderr: false,
    });
    this.worker = worker;
    this.ready = false;
    worker.on('message', (message: WorkerToHost) => this.receive(worker, message));
    worker.on('error', (error) => {
      this.lastError = error instanceof Error ? error.message : String(error);
      this.options.log?.('the core worker failed', error);
    });
    worker.on('exit', (code) => this.exited(worker, code));
  }

  private receive(worker: Worker, message: WorkerToHost): void {
    if (worker !== this.worker) return;
    switch (message.t) {
      case 'ready': {
        this.ready = true;
        const queued = this.queue;
        this.queue = [];
        if (this.network)
          worker.postMessage({ t: 'connectivity', change: this.network } satisfies HostToWorker);
        for (const { message: m } of queued) worker.postMessage(m);
        if (!this.everReady) {
          this.everReady = true;
          this.resolveFirstReady();
        } else {
          this.emit('core.status', { state: 'ready', restarts: this.restarts });
        }
        break;
      }
      case 'result': {
        const pending = this.pending.get(message.id);
        this.pending.delete(message.id);
        pending?.resolve(message.result);
        break;
      }
      case 'progress':
        this.pending.get(message.id)?.onProgress?.(message.done, message.total, message.detail);
        break;
      case 'event': {
        const event = parseEvent(message.name, message.payload);
        if (event) this.emit(event.name, event.payload);
        else
          this.options.log?.(`the core sent an event off the contract: ${String(message.name).slice(0, 60)}`);
        break;
      }
      case 'platform':
        void this.platformCall(message.method, message.args).then(
          (value) =>
            worker.postMessage({ t: 'reply', id: message.id, ok: true, value } satisfies HostToWorker),
          (error: unknown) =>
            worker.postMessage({
              t: 'reply',
              id: message.id,
              ok: false,
              error: error instanceof Error ? error.message : String(error),
            } satisfies HostToWorker),
        );
        break;
      case 'log':
        this.options.log?.(message.message, message.error);
        break;
    }
  }

  private async platformCall(method: PlatformMethod, args: unknown[]): Promise<unknown> {
    const { platform } = this.options;
    switch (method) {
      case 'notify':
        platform.notifier.notify(args[0] as Parameters<Platform['notifier']['notify']>[0]);
        return null;
      case 'printer.htmlToPdf':
        return platform.printer.htmlToPdf(String(args[0]));
      case 'secrets.get':
        return platform.secrets.get(String(args[0]));
      case 'secrets.set':
        return platform.secrets.set(String(args[0]), String(args[1]));
      case 'secrets.delete':
        return platform.secrets.delete(String(args[0]));
      case 'uploads.take':
        return (await platform.uploads?.take(String(args[0]))) ?? null;
    }
  }

  private failAll(message: string): void {
    for (const [id, pending] of this.pending) {
      this.pending.delete(id);
      pending.resolve({
        ok: false,
        error: { code: 'internal', message: message.replace('{channel}', pending.channel) },
      });
    }
    this.queue = [];
  }

  private exited(worker: Worker, code: number): void {
    if (worker !== this.worker) return;
    this.worker = null;
    this.ready = false;
    if (this.closing) return;
    this.options.log?.(`the core worker exited (code ${code})`);
    this.failAll(
      '核心在处理 {channel} 时停止，正在重启；之前已保存的数据不受影响。 / The core stopped during {channel} and is restarting; data saved before is kept.',
    );
    if (!this.everReady) {
      this.failed = `VendorDesk's core could not start (worker exit code ${code}${this.lastError ? `: ${this.lastError}` : ''})`;
      this.rejectFirstReady(new Error(this.failed));
      return;
    }
    const now = Date.now();
    const window = this.options.restartWindowMs ?? 60_000;
    this.deaths = [...this.deaths.filter((at) => now - at < window), now];
    if (this.deaths.length > (this.options.maxRestarts ?? 5)) {
      this.failed =
        '核心多次停止，已放弃重启；请重新启动 VendorDesk。 / The core stopped too often and is not restarted again; please restart VendorDesk.';
      this.emit('core.status', { state: 'failed', restarts: this.restarts, message: this.failed });
      return;
    }
    this.restarts++;
    this.emit('core.status', {
      state: 'restarting',
      restarts: this.restarts,
      message: `worker exit code ${code}`,
    });
    // Back off a little on repeated deaths so a crash loop does not eat the CPU.
    const delay = Math.min(2000, 50 * 2 ** (this.deaths.length - 1));
    setTimeout(() => {
      if (!this.closing) this.spawn();
    }, delay);
  }
}
