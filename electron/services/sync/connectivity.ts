/**
 * A Connectivity (platform.ts) from an OS's "am I online?" check and its wake-up signal. Electron's
 * `net.isOnline()` has no change event, so it is read every `pollMs` — a local flag, no network
 * traffic — and only changes are reported (the first reading too). The Electron code that passes
 * `net` and `powerMonitor` in stays in electron/main; this part is plain and tested with a fake timer.
 */
import type { Connectivity, ConnectivityChange } from '../platform';
import { realTimer, type Timer } from './scheduler';

export interface ConnectivitySource {
  isOnline(): boolean;
  /** Calls `fn` when the machine wakes from sleep; returns the unsubscribe. */
  onResume(fn: () => void): () => void;
  pollMs?: number;
  timer?: Timer;
}

export const CONNECTIVITY_POLL_MS = 10_000;

export function pollingConnectivity(source: ConnectivitySource): Connectivity {
  const timer = source.timer ?? realTimer;
  const pollMs = source.pollMs ?? CONNECTIVITY_POLL_MS;
  return {
    subscribe(listener) {
      let last: boolean | null = null;
      let handle: unknown = null;
      let stopped = false;
      const report = (change: ConnectivityChange) => {
        if (!stopped) listener(change);
      };
      const check = () => {
        const online = source.isOnline();
        if (online !== last) report({ type: online ? 'online' : 'offline' });
        last = online;
      };
      const loop = () => {
        check();
        if (!stopped) handle = timer.setTimeout(loop, pollMs);
      };
      const stopResume = source.onResume(() => {
        check(); // the network may have changed while asleep: say so before the wake-up
        report({ type: 'resumed' });
      });
      loop();
      return () => {
        stopped = true;
        if (handle !== null) timer.clearTimeout(handle);
        stopResume();
      };
    },
  };
}
