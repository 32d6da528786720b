/**
 * The core's worker thread (issue 11): storage, engines, check runs, alerts and, later, sync run
 * here, off the thread that serves the UI — in Electron and browser mode alike. The transport
 * side is client.ts; the protocol is protocol.ts. Bundled for Electron as
 * dist-electron/core-worker.cjs (scripts/build-electron.mjs); run from source by tsx otherwise.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { CallContext } from '../../../shared/ipc/dispatch';
import { createAppCore } from '../app-core';
import type { ConnectivityChange, DesktopNotification, Platform } from '../platform';
import type { Upload } from '../uploads';
import type { CoreInit, HostToWorker, PlatformMethod, WorkerToHost } from './protocol';

const DEFAULT_BACKUP_INTERVAL_MS = 60 * 60 * 1000;

if (!parentPort) throw new Error('core-worker/worker.ts runs only as a worker thread');
const port = parentPort;
const init = workerData as CoreInit;
const post = (message: WorkerToHost) => port.postMessage(message);
const describe = (error: unknown) =>
  error instanceof Error ? (error.stack ?? error.message) : String(error);
const log = (message: string, error?: unknown) =>
  post(error === undefined ? { t: 'log', message } : { t: 'log', message, error: describe(error) });

// The OS services are the host's: ask it and wait for its reply.
let nextPlatformId = 1;
const platformCalls = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
function askHost(method: PlatformMethod, args: unknown[]): Promise<unknown> {
  const id = nextPlatformId++;
  return new Promise((resolve, reject) => {
    platformCalls.set(id, { resolve, reject });
    post({ t: 'platform', id, method, args });
  });
}

// The host is told by its OS (Electron: net, powerMonitor) and passes it on; the core subscribes.
const connectivityListeners = new Set<(change: ConnectivityChange) => void>();

const platform: Platform = {
  userDataDir: init.userDataDir,
  appVersion: init.appVersion,
  now: () => new Date(Date.now() + init.clockOffsetMs),
  ...(init.allowPrivateSiteAddresses ? { allowPrivateSiteAddresses: true } : {}),
  notifier: {
    notify: (n: DesktopNotification) =>
      void askHost('notify', [n]).catch((error) => log('notification failed', error)),
  },
  printer: { htmlToPdf: async (html) => (await askHost('printer.htmlToPdf', [html])) as Uint8Array },
  secrets: {
    get: async (name) => (await askHost('secrets.get', [name])) as string | null,
    set: async (name, value) => void (await askHost('secrets.set', [name, value])),
    delete: async (name) => void (await askHost('secrets.delete', [name])),
  },
  // The registry is the transport's: it outlives this worker if the worker is restarted.
  uploads: { take: async (uploadId) => (await askHost('uploads.take', [uploadId])) as Upload | null },
  connectivity: {
    subscribe: (listener) => {
      connectivityListeners.add(listener);
      return () => connectivityListeners.delete(listener);
    },
  },
};

const core = createAppCore({
  platform,
  mode: init.mode,
  nativeBinding: init.nativeBinding,
  log,
  alertIntervalMs: init.alertIntervalMs,
  emit: (name, payload) => post({ t: 'event', name, payload }),
});

const inFlight = new Map<number, AbortController>();

port.on('message', (message: HostToWorker) => {
  switch (message.t) {
    case 'call': {
      const controller = new AbortController();
      inFlight.set(message.id, controller);
      const call: CallContext = {
        signal: controller.signal,
        progress: (done, total, detail) =>
          post(
            detail
              ? { t: 'progress', id: message.id, done, total, detail }
              : { t: 'progress', id: message.id, done, total },
          ),
      };
      void core
        .dispatch(message.channel, message.payload, call)
        .then((result) => post({ t: 'result', id: message.id, result }))
        .finally(() => inFlight.delete(message.id));
      break;
    }
    case 'cancel':
      inFlight.get(message.id)?.abort();
      break;
    case 'close':
      core.close();
      process.exit(0);
      break;
    case 'connectivity':
      for (const listener of connectivityListeners) listener(message.change);
      break;
    case 'reply': {
      const pending = platformCalls.get(message.id);
      platformCalls.delete(message.id);
      if (message.ok) pending?.resolve(message.value);
      else pending?.reject(new Error(message.error));
      break;
    }
  }
});

const backupInterval = init.backupIntervalMs ?? DEFAULT_BACKUP_INTERVAL_MS;
if (backupInterval > 0) {
  const backup = () => void core.backup().catch((error) => log('backup failed', error));
  backup();
  setInterval(backup, backupInterval).unref();
}

post({ t: 'ready' });
