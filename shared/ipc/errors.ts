/**
 * The one error shape that crosses the IPC boundary (Electron IPC and browser-mode HTTP alike).
 * Codes are stable strings the UI switches on; messages are for people; details for diagnostics.
 */
export const errorCodes = [
  'invalid-request', // the payload broke the contract (details: the schema issues)
  'unknown-channel',
  'forbidden-sender', // not the app's own window/frame, or a foreign origin in browser mode
  'not-found',
  'conflict', // stale revision: someone saved the record in between
  'read-only', // the database was written by a newer app version
  'invalid-input', // well-formed request, but the data it carries is unusable (e.g. a bad file)
  'too-large', // an upload over importLimits.maxUploadBytes (refused before it is stored)
  'internal',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface IpcErrorPayload {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcErrorPayload };

/** Thrown by handlers and services; the dispatcher turns it into `{ ok: false, error }`. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }

  toPayload(): IpcErrorPayload {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}
