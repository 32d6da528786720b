/**
 * `GET /api/events`: the core's events as Server-Sent Events (browser mode's half of the event
 * contract; Electron uses IPC). One `event: <name>` / `data: <json>` message per event, already
 * validated by the CoreClient. EventSource cannot send the `x-vendordesk-client` header, so the
 * stream refuses any request a browser marks as coming from another site (Origin, Sec-Fetch-Site);
 * the host's onRequest hooks (Host check, and whatever else guards /api/*) run first.
 */
import type { ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { CoreClient } from '../services/core-worker/client';

const HEARTBEAT_MS = 20_000;

export function serveEvents(app: FastifyInstance, core: CoreClient): { close(): void } {
  const streams = new Set<ServerResponse>();
  const write = (stream: ServerResponse, text: string) => {
    if (!stream.writableEnded) stream.write(text);
  };
  const unsubscribe = core.onEvent((name, payload) => {
    const text = `event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const stream of streams) write(stream, text);
  });
  const heartbeat = setInterval(() => {
    for (const stream of streams) write(stream, ': heartbeat\n\n');
  }, HEARTBEAT_MS);
  heartbeat.unref();

  app.get('/api/events', (request, reply) => {
    const host = request.headers.host ?? '';
    const origin = request.headers.origin;
    const site = request.headers['sec-fetch-site'];
    if (
      (origin !== undefined && origin !== `http://${host}`) ||
      (site !== undefined && site !== 'same-origin')
    ) {
      return reply.code(403).send({
        ok: false,
        error: { code: 'forbidden-sender', message: 'event stream requested from another site' },
      });
    }
    reply.hijack();
    const stream = reply.raw;
    stream.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      connection: 'keep-alive',
    });
    // Reconnect quickly after a host restart; the page re-reads what it may have missed.
    stream.write('retry: 1000\n: connected\n\n');
    streams.add(stream);
    request.raw.socket.setNoDelay(true);
    stream.on('close', () => streams.delete(stream));
  });

  return {
    close() {
      clearInterval(heartbeat);
      unsubscribe();
      for (const stream of streams) stream.end();
      streams.clear();
    },
  };
}
