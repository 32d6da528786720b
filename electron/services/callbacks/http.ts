/**
 * One HTTP GET to the endpoint under test, with hard limits: no redirects followed (calls go only
 * to the URL the user gave), the answer read up to `maxBytes`, and a complete answer awaited at
 * most `limitMs` — a slow trickling body is cut off there. Errors before the connection (and, for
 * https, the TLS handshake) is made are `unreachable`; afterwards they are `error`.
 */
import http from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';
import type { Outcome } from '../../../shared/callbacks/checks';

export interface GetOptions {
  limitMs: number;
  maxBytes: number;
}

export function httpGet(url: URL, options: GetOptions): Promise<Outcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const secure = url.protocol === 'https:';
  return new Promise<Outcome>((resolve) => {
    let settled = false;
    let connected = false;
    let status: number | undefined;
    let contentType = '';
    const chunks: Buffer[] = [];
    let bytes = 0;
    const body = () => Buffer.concat(chunks).toString('utf8');

    const settle = (outcome: Outcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request.destroy();
      resolve(outcome);
    };

    const request = (secure ? https : http).request(url, {
      method: 'GET',
      agent: false, // a fresh connection per call: no state carried between checks
      headers: { accept: 'application/json', 'user-agent': 'VendorDesk-callbacks-tester/1' },
    });
    request.on('socket', (socket: Socket) => {
      const onConnected = () => {
        connected = true;
      };
      if (secure) socket.once('secureConnect', onConnected);
      else if (socket.connecting) socket.once('connect', onConnected);
      else connected = true;
    });
    request.on('response', (response) => {
      connected = true;
      status = response.statusCode ?? 0;
      contentType = String(response.headers['content-type'] ?? '');
      response.on('data', (chunk: Buffer) => {
        if (settled) return;
        const room = options.maxBytes - bytes;
        if (chunk.length >= room) {
          chunks.push(chunk.subarray(0, room));
          bytes += room;
          settle({
            kind: 'answer',
            status: status!,
            contentType,
            body: body(),
            bytes,
            truncated: true,
            ms: elapsed(),
          });
          return;
        }
        chunks.push(chunk);
        bytes += chunk.length;
      });
      response.on('end', () =>
        settle({
          kind: 'answer',
          status: status!,
          contentType,
          body: body(),
          bytes,
          truncated: false,
          ms: elapsed(),
        }),
      );
      response.on('error', (error: NodeJS.ErrnoException) =>
        settle({ kind: 'error', code: error.code ?? 'ERROR', message: error.message, ms: elapsed() }),
      );
      response.on('close', () => {
        if (!response.complete)
          settle({
            kind: 'error',
            code: 'ECONNRESET',
            message: 'the endpoint closed the connection before the answer was complete',
            ms: elapsed(),
          });
      });
    });
    request.on('error', (error: NodeJS.ErrnoException) => {
      const code = error.code ?? 'ERROR';
      if (!connected) settle({ kind: 'unreachable', code, message: error.message, ms: elapsed() });
      else settle({ kind: 'error', code, message: error.message, ms: elapsed() });
    });
    const timer = setTimeout(() => {
      if (!connected)
        settle({
          kind: 'unreachable',
          code: 'ETIMEDOUT',
          message: `no connection within ${options.limitMs} ms`,
          ms: elapsed(),
        });
      else
        settle(
          status === undefined
            ? { kind: 'timeout', ms: elapsed() }
            : { kind: 'timeout', ms: elapsed(), status, body: body(), bytes },
        );
    }, options.limitMs);
    request.end();
  });
}
