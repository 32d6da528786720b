/**
 * The sandbox's simulated clock: real time plus an offset kept in the data file, so simulated
 * time keeps running between requests, survives restarts, and jumps on `sandbox:advance`.
 */
import type { SandboxStore } from './store';

const OFFSET_KEY = 'clockOffsetMs';

export function simulatedNow(store: SandboxStore, realNowMs = Date.now()): number {
  return realNowMs + Number(store.getMeta(OFFSET_KEY) ?? '0');
}

/** Sets the clock so that "now" is `simulatedMs` at the real time `realNowMs`. */
export function setSimulatedNow(store: SandboxStore, simulatedMs: number, realNowMs = Date.now()): void {
  store.setMeta(OFFSET_KEY, String(simulatedMs - realNowMs));
}

export function advanceClock(store: SandboxStore, ms: number): { from: number; to: number } {
  const from = simulatedNow(store);
  store.setMeta(OFFSET_KEY, String(Number(store.getMeta(OFFSET_KEY) ?? '0') + ms));
  return { from, to: from + ms };
}
