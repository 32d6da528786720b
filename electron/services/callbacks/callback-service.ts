/**
 * The app side of the delivery-callback tester: the endpoint and its key (secret store), runs in
 * the background with their progress kept in memory until done (each change is announced through
 * `onProgress`, which the core turns into a `progress` event the page follows), and the stored
 * history. One run at a time.
 */
import {
  DEFAULT_RETRY_INTERVAL_MS,
  DEFAULT_TIMEOUT_MS,
  callbackCheckIds,
  summarize,
  type CheckResult,
} from '../../../shared/callbacks/checks';
import type { CallbackEndpoint, CallbackRun } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import type { SecretStore } from '../platform';
import type { CallbackRunsRepository } from '../repositories/callback-runs-repository';
import {
  parseEndpointUrl,
  runCallbackTest,
  TesterOptionError,
  validateKey,
  type TesterOptions,
} from './tester';

export const CALLBACK_KEY_SECRET = 'callbacks.vendorKey';

/** formats.md §6 has twelve checks. */
const CHECK_COUNT = callbackCheckIds.length;

interface Live {
  run: CallbackRun;
  done: Promise<void>;
}

export interface CallbackServiceOptions {
  repo: CallbackRunsRepository;
  secrets: SecretStore;
  now: () => Date;
  log: (message: string, error?: unknown) => void;
  /** Told after every call and every judged check, and once when the run ends. */
  onProgress?: (progress: { id: number; done: number; total: number; finished?: 'ok' | 'failed' }) => void;
  /** Tests swap the tester (e.g. to pause it). */
  runTest?: (options: TesterOptions) => ReturnType<typeof runCallbackTest>;
}

export class CallbackService {
  private readonly live = new Map<number, Live>();

  constructor(private readonly options: CallbackServiceOptions) {
    options.repo.markInterrupted('运行被中断（应用已退出）/ the run was interrupted (the app quit)');
  }

  async endpoint(): Promise<CallbackEndpoint> {
    const saved = this.options.repo.endpoint();
    const key = await this.options.secrets.get(CALLBACK_KEY_SECRET);
    return {
      url: saved?.url ?? null,
      hasKey: key !== null && key !== '',
      timeoutMs: saved?.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      retryIntervalMs: saved?.retryIntervalMs ?? DEFAULT_RETRY_INTERVAL_MS,
    };
  }

  async saveEndpoint(request: {
    url: string;
    key?: string;
    timeoutMs?: number;
    retryIntervalMs?: number;
  }): Promise<CallbackEndpoint> {
    let url: string;
    try {
      url = parseEndpointUrl(request.url).toString();
      if (request.key !== undefined) validateKey(request.key);
    } catch (error) {
      if (error instanceof TesterOptionError) throw new AppError('invalid-input', error.message);
      throw error;
    }
    const current = await this.endpoint();
    // The database first: when it is read-only nothing is saved, the key included.
    this.options.repo.saveEndpoint({
      url,
      timeoutMs: request.timeoutMs ?? current.timeoutMs,
      retryIntervalMs: request.retryIntervalMs ?? current.retryIntervalMs,
    });
    if (request.key !== undefined) await this.options.secrets.set(CALLBACK_KEY_SECRET, request.key);
    return this.endpoint();
  }

  async forgetKey(): Promise<CallbackEndpoint> {
    await this.options.secrets.delete(CALLBACK_KEY_SECRET);
    return this.endpoint();
  }

  async start(): Promise<{ id: number }> {
    if (this.live.size > 0)
      throw new AppError('conflict', '已有一次测试正在运行 / a test is already running');
    const endpoint = await this.endpoint();
    const key = await this.options.secrets.get(CALLBACK_KEY_SECRET);
    if (!endpoint.url || !key)
      throw new AppError('invalid-input', '请先保存端点地址和密钥 / save the endpoint URL and key first');
    const startedAt = this.options.now().toISOString();
    const id = this.options.repo.start(endpoint.url, startedAt, endpoint.timeoutMs, endpoint.retryIntervalMs);
    const run: CallbackRun = {
      id,
      url: endpoint.url,
      startedAt,
      finishedAt: null,
      state: 'running',
      summary: { pass: 0, fail: 0, skip: 0 },
      timeoutMs: endpoint.timeoutMs,
      retryIntervalMs: endpoint.retryIntervalMs,
      checks: [],
      current: null,
      error: null,
    };
    const judged: CheckResult[] = [];
    const test = this.options.runTest ?? runCallbackTest;
    const done = test({
      url: endpoint.url,
      key,
      timeoutMs: endpoint.timeoutMs,
      retryIntervalMs: endpoint.retryIntervalMs,
      onProgress: (event) => {
        if (event.kind === 'call') run.current = event.label;
        else {
          judged.push(event.check);
          run.checks = [...judged];
          run.summary = summarize(judged);
        }
        this.options.onProgress?.({ id, done: judged.length, total: CHECK_COUNT });
      },
    })
      .then((result) => {
        run.checks = result.checks;
        run.summary = result.summary;
        run.state = result.unreachable ? 'unreachable' : 'done';
        run.error = result.unreachable ? `${result.unreachable.code}: ${result.unreachable.message}` : null;
      })
      .catch((error: unknown) => {
        this.options.log('delivery-callback test failed', error);
        run.state = 'failed';
        run.error = error instanceof Error ? error.message : String(error);
      })
      .then(() => {
        run.current = null;
        run.finishedAt = this.options.now().toISOString();
        try {
          this.options.repo.finish(id, run);
        } catch (error) {
          this.options.log('could not store the delivery-callback run', error);
        }
        this.live.delete(id);
        const finished = run.state === 'done' ? 'ok' : 'failed';
        this.options.onProgress?.({ id, done: run.checks.length, total: CHECK_COUNT, finished });
      });
    this.live.set(id, { run, done });
    return { id };
  }

  run(id: number): CallbackRun {
    const live = this.live.get(id);
    if (live) return structuredClone(live.run);
    const stored = this.options.repo.get(id);
    if (!stored) throw new AppError('not-found', `没有编号为 ${id} 的测试 / no test run ${id}`);
    return stored;
  }

  /** Resolves when every run in flight has finished (tests, shutdown). */
  async idle(): Promise<void> {
    await Promise.all([...this.live.values()].map((l) => l.done));
  }
}
