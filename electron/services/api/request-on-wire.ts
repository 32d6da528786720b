/**
 * Resolves once the next HTTP request's headers have been written to a socket, told by undici's
 * diagnostics channel (Node's `fetch` is undici), or after `maxMs` at the latest (a fake fetch in
 * tests never writes anything).
 *
 * Why: the feed is read one page ahead, but a request only leaves after several event-loop turns
 * (credentials, signing, undici's dispatch). Applying a page is synchronous (one SQLite
 * transaction), so without this wait the next request would sit unsent until the page is stored,
 * and the server's work would never overlap with ours.
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';

const SEND_HEADERS = 'undici:client:sendHeaders';

export function nextRequestOnWire(maxMs = 50): { sent: Promise<void>; cancel(): void } {
  let cancel = (): void => {};
  const sent = new Promise<void>((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      unsubscribe(SEND_HEADERS, done);
      resolve();
    };
    const timer = setTimeout(done, maxMs);
    subscribe(SEND_HEADERS, done);
    cancel = done;
  });
  return { sent, cancel };
}
