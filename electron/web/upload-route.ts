/**
 * Browser mode's uploads (electron/services/uploads.ts): `POST /api/uploads` takes a file the user
 * chose as the raw request body and pipes it to a temporary file under `<data>/uploads/` — no
 * parse, no copy in memory on the host's thread, which serves every other request meanwhile
 * (issue 11). The answer is the upload's id for `listings.import` / `compliance.import`. Behind
 * the same access hook as every route, and the client header like every API call.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance } from 'fastify';
import { importLimits } from '../../shared/ipc/contract';
import { resetUploadsDir, type UploadRegistry } from '../services/uploads';

export function serveUploads(
  app: FastifyInstance,
  options: { userDataDir: string; uploads: UploadRegistry; clientHeader: string; maxBytes?: number },
): void {
  const dir = resetUploadsDir(options.userDataDir);
  const maxBytes = options.maxBytes ?? importLimits.maxUploadBytes;
  const tooLarge = {
    ok: false,
    error: { code: 'too-large', message: `larger than ${maxBytes} bytes`, details: { maxBytes } },
  } as const;
  void app.register(async (scope) => {
    // The body stays a stream: this route reads it itself (Fastify's bodyLimit applies to parsed bodies).
    scope.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
    scope.post('/api/uploads', async (request, reply) => {
      if (request.headers[options.clientHeader] !== '1') {
        return reply.code(403).send({
          ok: false,
          error: { code: 'forbidden-sender', message: `missing ${options.clientHeader} header` },
        });
      }
      const declared = Number(request.headers['content-length'] ?? NaN);
      if (declared > maxBytes) return reply.code(413).send(tooLarge);
      const file = path.join(dir, `${crypto.randomUUID()}.upload`);
      let bytes = 0;
      const counted = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          bytes += chunk.length;
          callback(bytes > maxBytes ? new UploadTooLarge() : null, chunk);
        },
      });
      try {
        await pipeline(
          request.body as NodeJS.ReadableStream,
          counted,
          fs.createWriteStream(file, { mode: 0o600 }),
        );
      } catch (error) {
        await fs.promises.rm(file, { force: true });
        if (error instanceof UploadTooLarge) return reply.code(413).send(tooLarge);
        throw error;
      }
      const uploadId = options.uploads.register({ path: file, bytes, temporary: true });
      return { ok: true, value: { uploadId, bytes } };
    });
  });
}

class UploadTooLarge extends Error {}
