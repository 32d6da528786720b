/**
 * One core, two transports: Electron IPC (electron/main/ipc.ts) and browser-mode HTTP
 * (electron/web/server.ts) both hand (channel, payload) to this dispatcher. It validates the
 * request, runs the handler, validates the response, and never throws: every failure becomes a
 * typed `{ ok: false, error }`.
 */
import { AppError, type IpcResult } from './errors';
import { contract, isChannelName, type ChannelName, type ParsedRequestOf, type ResponseOf } from './contract';

/**
 * What a handler may use besides its request: a cancel signal and a progress callback. Long work
 * (imports, re-check all, sync) checks `signal` between batches and reports `progress`; the
 * transport decides where progress goes (the worker protocol, `progress` events).
 */
export interface CallContext {
  signal: AbortSignal;
  progress(done: number, total: number, detail?: ProgressDetail): void;
}

/**
 * What a file import says while it reads (before it knows how many records there are): bytes of
 * the file read so far, of its size, and records found in them. `done`/`total` then stay 0 until
 * it stores records (`done` of `total` records).
 */
export interface ProgressDetail {
  bytesDone: number;
  bytesTotal: number;
  recordsRead: number;
}

export type Handlers = {
  [C in ChannelName]: (
    request: ParsedRequestOf<C>,
    call: CallContext,
  ) => Promise<ResponseOf<C>> | ResponseOf<C>;
};

export type Dispatch = (
  channel: unknown,
  payload: unknown,
  call?: CallContext,
) => Promise<IpcResult<unknown>>;

const noCall: CallContext = { signal: new AbortController().signal, progress: () => undefined };

export function createDispatcher(
  handlers: Handlers,
  onInternalError: (error: unknown, channel: string) => void,
): Dispatch {
  return async (channel, payload, call = noCall) => {
    // A channel in the contract that no handler serves is as unknown to the caller as a made-up one
    // (the Handlers type demands them all, but a handler group built with a cast could still miss one).
    if (!isChannelName(channel) || typeof handlers[channel] !== 'function') {
      return {
        ok: false,
        error: { code: 'unknown-channel', message: `unknown channel: ${String(channel).slice(0, 100)}` },
      };
    }
    const spec = contract[channel];
    const parsed = spec.request.safeParse(payload ?? {});
    if (!parsed.success) {
      return {
        ok: false,
        error: {
          code: 'invalid-request',
          message: `invalid request for ${channel}: ${parsed.error.issues
            .slice(0, 3)
            .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
            .join('; ')}`,
          details: parsed.error.issues
            .slice(0, 50)
            .map((i) => ({ path: i.path.map(String), message: i.message })),
        },
      };
    }
    try {
      const handler = handlers[channel] as (request: unknown, call: CallContext) => unknown;
      const value = await handler(parsed.data, call);
      const checked = spec.response.safeParse(value);
      if (!checked.success) {
        // A handler answering outside the contract is our bug, not the caller's.
        onInternalError(checked.error, channel);
        return {
          ok: false,
          error: { code: 'internal', message: `${channel}: response did not match the contract` },
        };
      }
      return { ok: true, value: checked.data };
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: error.toPayload() };
      onInternalError(error, channel);
      return {
        ok: false,
        error: {
          code: 'internal',
          message: `${channel} failed: ${error instanceof Error ? error.message : String(error)}`,
        },
      };
    }
  };
}
