/**
 * Autosave of the editor's draft through the core (issue 17): the latest draft is written a moment
 * after the last change; writes and the discard run one after another, so a slow autosave can never
 * bring a draft back after it was saved or discarded.
 */
import type { EditorDraft } from '../../../../shared/ipc/contract';
import { call } from '../../api';

export const AUTOSAVE_DELAY_MS = 600;

export interface DraftAutosave {
  /** A change: the draft (computed when the timer fires) is saved after a short pause. */
  schedule(make: () => EditorDraft): void;
  /** Saves now whatever is scheduled (before the page goes away). */
  flush(): Promise<void>;
  /** Drops any scheduled save and removes the stored draft (after a save or a discard). */
  discard(): Promise<void>;
}

export function createDraftAutosave(
  onError: (error: unknown) => void,
  delay = AUTOSAVE_DELAY_MS,
): DraftAutosave {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: (() => EditorDraft) | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  const enqueue = (task: () => Promise<unknown>) => {
    queue = queue.then(task).catch(onError);
    return queue.then(() => undefined);
  };
  const flush = () => {
    clearTimeout(timer);
    const make = pending;
    pending = null;
    if (!make) return queue.then(() => undefined);
    return enqueue(() => call('drafts.save', { draft: make() }));
  };
  return {
    schedule(make) {
      pending = make;
      clearTimeout(timer);
      timer = setTimeout(() => void flush(), delay);
    },
    flush,
    discard() {
      clearTimeout(timer);
      pending = null;
      return enqueue(() => call('drafts.discard', {}));
    },
  };
}
