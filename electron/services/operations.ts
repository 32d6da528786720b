/**
 * Long requests in flight by their caller's operationId, for `app.cancel`.
 *
 * A cancel can overtake the request it names: in browser mode every call is its own HTTP request,
 * so a Cancel pressed as soon as the progress shows may reach the core before the request it
 * stops. Such a cancel is remembered (a few minutes, a bounded number) and the request is stopped
 * as it starts. A cancel for a request that has already finished is not remembered: that id is
 * done with, and the answer says nothing was cancelled.
 */
const REMEMBERED = 256;
const EARLY_CANCEL_MS = 5 * 60_000;

export class Operations {
  private readonly running = new Map<string, AbortController>();
  /** Cancels that arrived before their request, by id, with when they arrived. */
  private readonly early = new Map<string, number>();
  /** Ids of requests that finished, oldest first (Set keeps insertion order). */
  private readonly finished = new Set<string>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Registers a request; false when one with this id is already running. Aborts at once if cancelled early. */
  start(id: string, controller: AbortController): boolean {
    if (this.running.has(id)) return false;
    this.running.set(id, controller);
    const cancelledAt = this.early.get(id);
    this.early.delete(id);
    if (cancelledAt !== undefined && this.now() - cancelledAt <= EARLY_CANCEL_MS) controller.abort();
    return true;
  }

  finish(id: string): void {
    this.running.delete(id);
    remember(this.finished, id);
  }

  /** True when the request is running or still to arrive (it stops at its next batch); false when it finished. */
  cancel(id: string): boolean {
    const controller = this.running.get(id);
    if (controller) {
      controller.abort();
      return true;
    }
    if (this.finished.has(id)) return false;
    this.early.set(id, this.now());
    dropOldest(this.early);
    return true;
  }
}

function remember(ids: Set<string>, id: string): void {
  ids.delete(id);
  ids.add(id);
  dropOldest(ids);
}

/** Keeps at most REMEMBERED ids: Map and Set iterate their keys in insertion order, oldest first. */
function dropOldest(ids: Map<string, unknown> | Set<string>): void {
  if (ids.size > REMEMBERED) ids.delete(ids.keys().next().value!);
}
