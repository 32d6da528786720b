/**
 * The self-check off the UI thread: a 100 KB description takes ~25 ms to check, too long to
 * run on every (debounced) keystroke without dropping input. The pack is compiled once here.
 */
import { checkListing, defaultCompiledPack } from '../../../shared/check/engine';
import type { CheckRequest, CheckResponse } from './check-protocol';

const compiled = defaultCompiledPack();

self.onmessage = (event: MessageEvent<CheckRequest>) => {
  const { seq, listing, context } = event.data;
  const started = performance.now();
  try {
    const findings = checkListing(listing, compiled, context);
    const response: CheckResponse = { seq, findings, ms: performance.now() - started };
    self.postMessage(response);
  } catch (error) {
    const response: CheckResponse = {
      seq,
      error: error instanceof Error ? error.message : String(error),
      ms: performance.now() - started,
    };
    self.postMessage(response);
  }
};
