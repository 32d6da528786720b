/**
 * The message protocol between a transport (browser-mode host, Electron main) and the core's
 * worker thread. Plain structured-clone data, nothing else crosses.
 *
 *   host → worker   call     { id, channel, payload }        one contract request
 *                   cancel   { id }                          abort that request (its signal)
 *                   reply    { id, ok, value | error }       answer to a platform request
 *                   close    { }                             close the database and exit
 *                   connectivity { change }                  the OS's network state / a wake-up
 *   worker → host   ready    { }                             the core is open; calls may flow
 *                   result   { id, result }                  the dispatcher's IpcResult
 *                   progress { id, done, total }             from a long request
 *                   event    { name, payload }               a contract event (shared/ipc/events.ts)
 *                   platform { id, method, args }            the core needs the host's OS services
 *                   log      { message, error? }
 *
 * The dispatcher inside the worker stays the single entry: it validates every request and
 * response; the client validates every event before it reaches a UI.
 */
import type { ProgressDetail } from '../../../shared/ipc/dispatch';
import type { IpcResult } from '../../../shared/ipc/errors';
import type { ConnectivityChange } from '../platform';

/** What the worker needs to build its core (workerData). */
export interface CoreInit {
  userDataDir: string;
  appVersion: string;
  mode: 'electron' | 'browser';
  nativeBinding?: string;
  /** The app clock: real time plus this offset (the VENDORDESK_FAKE_NOW test hook sets it). */
  clockOffsetMs: number;
  /** Alert scheduler interval; 0 = no timer. Default: the scheduler's own. */
  alertIntervalMs?: number;
  /** Daily backup check interval (ms); 0 = none. */
  backupIntervalMs?: number;
  /** TEST HOOK passed on to the core's platform (see Platform.allowPrivateSiteAddresses). */
  allowPrivateSiteAddresses?: boolean;
}

/** The OS services only the host may provide (Electron: notifications, safeStorage, printToPDF). */
export type PlatformMethod =
  'notify' | 'printer.htmlToPdf' | 'secrets.get' | 'secrets.set' | 'secrets.delete' | 'uploads.take';

export type HostToWorker =
  | { t: 'call'; id: number; channel: string; payload: unknown }
  | { t: 'cancel'; id: number }
  | { t: 'close' }
  | { t: 'connectivity'; change: ConnectivityChange }
  | { t: 'reply'; id: number; ok: true; value: unknown }
  | { t: 'reply'; id: number; ok: false; error: string };

export type WorkerToHost =
  | { t: 'ready' }
  | { t: 'result'; id: number; result: IpcResult<unknown> }
  | { t: 'progress'; id: number; done: number; total: number; detail?: ProgressDetail }
  | { t: 'event'; name: string; payload: unknown }
  | { t: 'platform'; id: number; method: PlatformMethod; args: unknown[] }
  | { t: 'log'; message: string; error?: string };
