/**
 * The real core (dispatcher, handlers, SQLite) on a temporary data folder, as the integration
 * tests open it: browser mode, no alert timer (tests call `alerts.tick`), no log output.
 */
import { afterEach, beforeEach } from 'vitest';
import { createAppCore, type AppCore, type AppCoreOptions } from '../../electron/services/app-core';
import { createNodePlatform, type NodePlatformOptions } from '../../electron/web/platform-node';
import type { CallContext } from '../../shared/ipc/dispatch';
import { tempDir } from './temp-dir';

export interface TempCoreOptions extends Partial<Omit<NodePlatformOptions, 'userDataDir'>> {
  /** Options of the core itself (emit, syncTimer, log, alertIntervalMs…). */
  core?: Partial<Omit<AppCoreOptions, 'platform'>>;
}

/** A core on `dataDir`; the clock is `now`, fixed at an ISO time or any function. */
export function openTempCore(dataDir: string, options: TempCoreOptions = {}): AppCore {
  const { core, ...platform } = options;
  return createAppCore({
    platform: createNodePlatform({ appVersion: '9.9.9', ...platform, userDataDir: dataDir }),
    mode: 'browser',
    alertIntervalMs: 0,
    log: () => undefined,
    ...core,
  });
}

/** One call through the core's dispatcher; a failed call throws, naming its code. */
export async function callCore<T = unknown>(
  core: AppCore,
  channel: string,
  payload: unknown,
  context?: CallContext,
): Promise<T> {
  const result = await core.dispatch(channel, payload, context);
  if (!result.ok) {
    throw Object.assign(new Error(`${channel}: ${result.error.code} ${result.error.message}`), result.error);
  }
  return result.value as T;
}

export interface TempCore {
  /** This test's core (a new one, on a new folder, for each test). */
  core: AppCore;
  /** This test's data folder. */
  dir: string;
  call<T = unknown>(channel: string, payload: unknown, context?: CallContext): Promise<T>;
  /** Closes the core and opens a new one on the same folder (an app restart). */
  reopen(options?: TempCoreOptions): AppCore;
  /** Closes the core, removes its folder and opens a new core on a new, empty one. */
  fresh(): AppCore;
}

/** A fresh core on a fresh temporary folder for each test (beforeEach), closed and removed after. */
export function useTempCore(options: TempCoreOptions = {}): TempCore {
  let cleanup = () => undefined as void;
  const open = () => {
    const tmp = tempDir();
    cleanup = tmp.cleanup;
    handle.dir = tmp.dir;
    handle.core = openTempCore(tmp.dir, options);
    return handle.core;
  };
  const handle: TempCore = {
    core: undefined as unknown as AppCore,
    dir: '',
    call: (channel, payload, context) => callCore(handle.core, channel, payload, context),
    reopen: (again = options) => {
      handle.core.close();
      handle.core = openTempCore(handle.dir, again);
      return handle.core;
    },
    fresh: () => {
      handle.core.close();
      cleanup();
      return open();
    },
  };
  beforeEach(() => {
    open();
  });
  afterEach(() => {
    handle.core.close();
    cleanup();
  });
  return handle;
}
