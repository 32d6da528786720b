/**
 * Browser mode: the same application core as Electron main, served over HTTP on 127.0.0.1 to a
 * normal browser. One POST per contract call (`/api/<channel>`), validated by the same
 * dispatcher, which runs in the core's worker thread exactly as in Electron (CoreClient);
 * the core's events stream to the page as Server-Sent Events on `GET /api/events`, and files
 * chosen for an import are uploaded as raw bodies on `POST /api/uploads` (upload-route.ts).
 * This is how the UI is tested end-to-end where no Electron binary exists.
 *
 * Local-only hardening: the server binds 127.0.0.1; every request passes the access hook in
 * ./access.ts (own Host and Origin, the per-launch token exchanged for an HttpOnly SameSite=Strict
 * cookie); API calls also need the `x-vendordesk-client` header (a custom header forces a CORS
 * preflight that this server never approves). Refusals answer with real 4xx statuses.
 */
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { contentSecurityPolicy } from '../../shared/security/csp';
import { CoreClient } from '../services/core-worker/client';
import type { Platform } from '../services/platform';
import { UploadRegistry } from '../services/uploads';
import { serveEvents } from './events-route';
import { serveUploads } from './upload-route';
import { newAccessToken, registerAccessControl } from './access';

export const CLIENT_HEADER = 'x-vendordesk-client';

export interface WebHostOptions {
  platform: Platform;
  rendererDir: string;
  port?: number;
  /** The access token (default: a fresh random one per launch). */
  token?: string;
  log?: (message: string, error?: unknown) => void;
  /** The app clock's offset from real time (the VENDORDESK_FAKE_NOW test hook); default 0. */
  clockOffsetMs?: number;
  /** Alert scheduler interval in the core (ms); default the scheduler's own. */
  alertIntervalMs?: number;
  /** TEST HOOK (VENDORDESK_TEST_HOOKS=1 in server.ts): `POST /__test/kill-core` stops the core's worker abruptly. */
  testHooks?: boolean;
}

export interface WebHost {
  /** The address to open: origin + `?token=…` (exchanged for the access cookie on first load). */
  url: string;
  /** `http://127.0.0.1:PORT/`, without the token. */
  origin: string;
  token: string;
  port: number;
  core: CoreClient;
  close(): Promise<void>;
}

/** The core's worker, run from source through tsx like the rest of browser mode. */
const WORKER_PATH = path.join(import.meta.dirname, '..', 'services', 'core-worker', 'worker.ts');

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  if (!fs.existsSync(path.join(options.rendererDir, 'index.html'))) {
    throw new Error(
      `The renderer is not built (${options.rendererDir}/index.html is missing). Run "npm run build:renderer".`,
    );
  }
  const { platform } = options;
  // The host's registry of uploaded files; the core (in its worker) takes them by id.
  const uploads = new UploadRegistry();
  const core = new CoreClient({
    workerPath: WORKER_PATH,
    init: {
      userDataDir: platform.userDataDir,
      appVersion: platform.appVersion,
      mode: 'browser',
      clockOffsetMs: options.clockOffsetMs ?? 0,
      alertIntervalMs: options.alertIntervalMs,
      ...(platform.allowPrivateSiteAddresses ? { allowPrivateSiteAddresses: true } : {}),
    },
    platform: { ...platform, uploads },
    log: options.log,
  });
  await core.whenReady();
  // Body cap for contract calls: an inline import file of 5 million characters (UTF-8: up to 15 MB)
  // at most; the files the UI imports are uploads (upload-route.ts), streamed to disk instead.
  const app: FastifyInstance = Fastify({ logger: false, bodyLimit: 32 * 1024 * 1024 });
  const token = options.token ?? newAccessToken();
  let port = 0;
  registerAccessControl(app, () => ({ token, port }));
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('Content-Security-Policy', contentSecurityPolicy());
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('Cross-Origin-Opener-Policy', 'same-origin');
    return payload;
  });

  app.post<{ Params: { channel: string } }>('/api/:channel', async (request, reply) => {
    if (request.headers[CLIENT_HEADER] !== '1') {
      return reply
        .code(403)
        .send({ ok: false, error: { code: 'forbidden-sender', message: `missing ${CLIENT_HEADER} header` } });
    }
    // Always 200 with the typed envelope: transport errors and contract errors stay distinct.
    return core.dispatch(request.params.channel, request.body);
  });
  // Registered before the /api/:channel POST route matters not: GET /api/events is its own route,
  // behind the same onRequest hooks as every /api/* call.
  const events = serveEvents(app, core);
  serveUploads(app, { userDataDir: platform.userDataDir, uploads, clientHeader: CLIENT_HEADER });
  if (options.testHooks) {
    app.post('/__test/kill-core', async () => {
      await core.killWorker();
      return { ok: true };
    });
  }
  // A malformed JSON body, a refused static path (403 traversal) or a malformed URL is answered
  // with its real 4xx status and the contract's typed error body, not Fastify's.
  app.setErrorHandler((error: { statusCode?: number; message: string }, _request, reply) => {
    const status =
      error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    const code =
      status === 404
        ? 'not-found'
        : status === 403
          ? 'forbidden-sender'
          : status < 500
            ? 'invalid-request'
            : 'internal';
    reply
      .code(status)
      .send({ ok: false, error: { code, message: status === 500 ? 'internal error' : error.message } });
  });

  await app.register(fastifyStatic, { root: options.rendererDir, index: ['index.html'] });
  // Client-side routes (e.g. /listings) load the app shell.
  // A missing file (a path whose last segment has an extension, e.g. /assets/gone.js) is a 404,
  // not the shell.
  app.setNotFoundHandler((request, reply) => {
    const pathname = request.url.split('?')[0] ?? '';
    const looksLikeFile = /\.[A-Za-z0-9]+$/.test(pathname.slice(pathname.lastIndexOf('/') + 1));
    if (request.method === 'GET' && !pathname.startsWith('/api/') && !looksLikeFile)
      return reply.sendFile('index.html');
    return reply.code(404).send({
      ok: false,
      error: { code: 'unknown-channel', message: `no route ${request.method} ${request.url}` },
    });
  });

  await app.listen({ host: '127.0.0.1', port: options.port ?? 0 });
  const address = app.server.address();
  port = typeof address === 'object' && address ? address.port : 0;
  const origin = `http://127.0.0.1:${port}/`;
  return {
    url: `${origin}?token=${token}`,
    origin,
    token,
    port,
    core,
    close: async () => {
      events.close();
      await app.close();
      await core.close();
    },
  };
}
