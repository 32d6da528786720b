/**
 * When to sync: every `intervalMs` (60 s by default, a setting) and on demand.
 *
 * Offline, two ways: (1) the OS says so (Electron: net.isOnline; see Platform.connectivity) —
 * no passes at all until it says online again, then a pass at once; (2) passes fail because the
 * marketplace cannot be reached (no OS signal, e.g. browser mode, or a dead route) — one such
 * pass may be a blip and keeps the interval, repeated ones stretch it (×2 each, up to 5 min or the
 * interval if longer) instead of pulling every minute against a network that is not there; the
 * first pass that gets through returns to the interval. Waking
 * from sleep (powerMonitor 'resume') and "sync now" try at once, whatever the backoff. The timer
 * is injected, so tests drive all of this with a fake clock.
 */
export interface Timer {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimer: Timer = {
  setTimeout: (fn, ms) => {
    const t = setTimeout(fn, ms);
    t.unref?.();
    return t;
  },
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
};

/** The longest wait between passes while the marketplace is unreachable (unless the interval is longer). */
export const DEFAULT_OFFLINE_MAX_MS = 5 * 60_000;

export interface SchedulerOptions {
  /** One sync pass; errors are the caller's to report (they never stop the schedule). */
  run: () => Promise<unknown>;
  /** Read before each wait, so a changed setting applies at the next tick. */
  intervalMs: () => number;
  /** Whether there is anything to sync with (a connection is set). */
  enabled?: () => boolean;
  /** Whether a failed pass means "the marketplace could not be reached" (backoff), not a refusal or a bug. */
  isUnreachable?: (error: unknown) => boolean;
  offlineMaxMs?: number;
  timer?: Timer;
  onError?: (error: unknown) => void;
}

export class SyncScheduler {
  private handle: unknown = null;
  private running = false;
  private paused = false;
  private busy: Promise<void> | null = null;
  /** Passes in a row that could not reach the marketplace. */
  private unreachable = 0;
  private readonly timer: Timer;

  constructor(private readonly o: SchedulerOptions) {
    this.timer = o.timer ?? realTimer;
  }

  get state(): { running: boolean; paused: boolean } {
    return { running: this.running, paused: this.paused };
  }

  /** Passes in a row that found the marketplace unreachable (0: the last one got through). */
  get unreachableInARow(): number {
    return this.unreachable;
  }

  /** Starts the schedule; the first pass runs at once. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule(0);
  }

  stop(): void {
    this.running = false;
    this.clear();
  }

  /** Offline (the OS says so): no passes until `resume`. */
  pause(): void {
    this.paused = true;
    this.clear();
  }

  /** Back online: a pass now (the backoff starts over), then the interval again. */
  resume(): void {
    this.paused = false;
    this.unreachable = 0;
    if (this.running) this.schedule(0);
  }

  setOnline(online: boolean): void {
    if (online && this.paused) this.resume();
    else if (!online && !this.paused) this.pause();
  }

  /** The machine woke up: the network may be back and the data is old, so try now (unless the OS says offline). */
  wake(): void {
    if (this.paused || !this.running || this.busy) return;
    this.unreachable = 0;
    this.schedule(0);
  }

  /** A pass now (the user's "sync now"); the next tick follows a full interval (or the backoff) later. */
  async runNow(): Promise<void> {
    this.clear();
    await this.tick();
  }

  private clear(): void {
    if (this.handle !== null) this.timer.clearTimeout(this.handle);
    this.handle = null;
  }

  private schedule(ms: number): void {
    this.clear();
    if (!this.running || this.paused) return;
    this.handle = this.timer.setTimeout(() => {
      this.handle = null;
      void this.tick();
    }, ms);
  }

  /** The wait before the next pass: the interval, or the backoff while the marketplace is unreachable. */
  private nextDelay(): number {
    const interval = this.o.intervalMs();
    if (this.unreachable <= 1) return interval;
    const cap = Math.max(interval, this.o.offlineMaxMs ?? DEFAULT_OFFLINE_MAX_MS);
    return Math.min(cap, interval * 2 ** Math.min(this.unreachable - 1, 30));
  }

  private async tick(): Promise<void> {
    if (this.busy) return this.busy;
    this.busy = (async () => {
      try {
        if (this.o.enabled?.() ?? true) await this.o.run();
        this.unreachable = 0;
      } catch (error) {
        if (this.o.isUnreachable?.(error)) this.unreachable++;
        else this.unreachable = 0; // reached, but refused (or a bug): the normal interval
        this.o.onError?.(error);
      } finally {
        this.busy = null;
        // stop() may have come while the pass ran (the app closing): nextDelay reads settings from
        // the store, which is closed by then, so only a running scheduler computes the next wait.
        if (this.running && !this.paused) this.schedule(this.nextDelay());
      }
    })();
    return this.busy;
  }
}
