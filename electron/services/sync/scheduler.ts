/**
 * When to sync: every `intervalMs` (60 s by default, a setting) and on demand; paused while
 * offline and resumed — with a pass at once — on reconnect (Electron: net.isOnline / powerMonitor
 * resume; browser mode: the Node host calls the same methods). The timer is injected for tests.
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

export interface SchedulerOptions {
  /** One sync pass; errors are the caller's to report (they never stop the schedule). */
  run: () => Promise<unknown>;
  /** Read before each wait, so a changed setting applies at the next tick. */
  intervalMs: () => number;
  /** Whether there is anything to sync with (a connection is set). */
  enabled?: () => boolean;
  timer?: Timer;
  onError?: (error: unknown) => void;
}

export class SyncScheduler {
  private handle: unknown = null;
  private running = false;
  private paused = false;
  private busy: Promise<void> | null = null;
  private readonly timer: Timer;

  constructor(private readonly o: SchedulerOptions) {
    this.timer = o.timer ?? realTimer;
  }

  get state(): { running: boolean; paused: boolean } {
    return { running: this.running, paused: this.paused };
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

  /** Offline: no passes until `resume`. */
  pause(): void {
    this.paused = true;
    this.clear();
  }

  /** Back online (or the machine woke up): a pass now, then the interval again. */
  resume(): void {
    this.paused = false;
    if (this.running) this.schedule(0);
  }

  setOnline(online: boolean): void {
    if (online && this.paused) this.resume();
    else if (!online && !this.paused) this.pause();
  }

  /** A pass now (the user's "sync now"); the next tick follows a full interval later. */
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

  private async tick(): Promise<void> {
    if (this.busy) return this.busy;
    this.busy = (async () => {
      try {
        if (this.o.enabled?.() ?? true) await this.o.run();
      } catch (error) {
        this.o.onError?.(error);
      } finally {
        this.busy = null;
        this.schedule(this.o.intervalMs());
      }
    })();
    return this.busy;
  }
}
