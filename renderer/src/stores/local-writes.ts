/**
 * Writes this window makes and then reloads after by itself. A `data.changed` event that arrives
 * while one runs is this window's own change (or lands in the reload it is about to do), so
 * core-events.ts does not reload a second time.
 */
let running = 0;

export async function localWrite<T>(work: () => Promise<T>): Promise<T> {
  running++;
  try {
    return await work();
  } finally {
    running--;
  }
}

export const localWriteRunning = (): boolean => running > 0;
