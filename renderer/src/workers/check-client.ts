/**
 * Runs checks in the worker, latest wins: while one check runs, only the newest request waits;
 * older ones are dropped (their result would be stale the moment it arrived).
 */
import type { CheckContext, Finding } from '../../../shared/check/types';
import type { Listing } from '../../../shared/listing/schema';
import { editorTiming, measureSince } from '../features/text-editor/editor-timing';
import { call, onEvent } from '../api';
import type { CheckRequest, CheckResponse, PackMessage, ResyncMessage } from './check-protocol';
import { applyFindingsDelta } from './findings-delta';
import { errorText } from '../features/errors/error-text';

export type CheckDone = (listing: Listing, findings: Finding[], ms: number) => void;

export interface CheckClient {
  check(listing: Listing, context: CheckContext, mode?: CheckRequest['mode']): void;
  dispose(): void;
}

export function createCheckClient(onDone: CheckDone, onError: (message: string) => void): CheckClient {
  const worker = new Worker(new URL('./check.worker.ts', import.meta.url), { type: 'module' });
  let seq = 0;
  let running: { seq: number; listing: Listing; postedAt: number } | null = null;
  let waiting: { listing: Listing; context: CheckContext; mode: CheckRequest['mode'] } | null = null;
  // Checks wait until the worker has the active rule pack: the editor must judge as the stored
  // runs do. A pack activated meanwhile is sent again, and the text is re-checked in full.
  let packReady = false;
  let packKey: string | null = null;
  let last: { listing: Listing; context: CheckContext } | null = null;
  /** The worker's last result (its next one is a delta against it). */
  let held: Finding[] = [];
  const loadPack = () =>
    call('rulepacks.active', {}).then(
      ({ key, pack }) => {
        const changed = packKey !== null && packKey !== key;
        packKey = key;
        worker.postMessage({ kind: 'pack', key, pack } satisfies PackMessage);
        packReady = true;
        if (changed && last) client.check(last.listing, last.context, 'full');
        else startWaiting();
      },
      (error: unknown) => {
        // Without it the bundled pack checks; say so rather than wait for ever.
        packReady = true;
        onError(errorText(error));
        startWaiting();
      },
    );
  void loadPack();
  const stopListening = onEvent('data.changed', ({ topics }) => {
    if (topics.includes('rulepacks')) void loadPack();
  });

  const start = (listing: Listing, context: CheckContext, mode: CheckRequest['mode']) => {
    const request: CheckRequest = { seq: ++seq, listing, context, mode };
    running = { seq: request.seq, listing, postedAt: performance.now() };
    worker.postMessage(request);
  };
  /** The newest request that waited (for the worker, or for the pack), once neither holds it. */
  const startWaiting = () => {
    if (!waiting || running || !packReady) return;
    const next = waiting;
    waiting = null;
    start(next.listing, next.context, next.mode);
  };

  worker.onmessage = (event: MessageEvent<CheckResponse>) => {
    const done = running;
    running = null;
    const response = event.data;
    let findings: Finding[] | null = null;
    if (response.delta) {
      try {
        findings = applyFindingsDelta(held, response.delta);
        held = findings;
      } catch {
        // The two ends disagree on the last result (a bug, not the user's): start again from
        // a whole result of the latest text, which is what the user is waiting for anyway.
        held = [];
        worker.postMessage({ kind: 'resync' } satisfies ResyncMessage);
        if (last && !waiting) waiting = { ...last, mode: 'full' };
      }
    } else held = [];
    if (done && response.seq === done.seq) {
      measureSince(editorTiming.checkRoundTrip, done.postedAt, { workerMs: response.ms });
      if (response.error !== undefined) onError(response.error);
      else if (findings) onDone(done.listing, findings, response.ms);
    }
    startWaiting();
  };
  worker.onerror = (event) => onError(event.message);

  const client: CheckClient = {
    check(listing, context, mode = 'full') {
      last = { listing, context };
      // A full request waiting stays full when a newer incremental one replaces it.
      if (running || !packReady)
        waiting = { listing, context, mode: waiting?.mode === 'full' ? 'full' : mode };
      else start(listing, context, mode);
    },
    dispose() {
      stopListening();
      worker.terminate();
    },
  };
  return client;
}
