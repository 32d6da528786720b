/**
 * Files the user chose for an import, handed to the core by id instead of as one string in a
 * request (issue 17: 13 MB of listings, 100 MB of tickets). The transport registers each file:
 * browser mode streams the page's Blob to a temporary file under `<data>/uploads/` (electron/web/
 * upload-route.ts); Electron registers the chosen file's own path (electron/main/uploads-ipc.ts).
 * The core takes an upload once, streams it, and removes it if it was temporary. The registry is
 * the transport's, so it outlives a restarted core worker (which asks for it, see Platform.uploads).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface Upload {
  path: string;
  bytes: number;
  /** A copy made for the import (browser mode): removed once it was imported. */
  temporary: boolean;
}

/** Where the core finds an upload by its id (the transport's registry, or a proxy to it). */
export interface UploadSource {
  /** The upload, once: a second take of the same id answers null. */
  take(uploadId: string): Promise<Upload | null>;
}

/** Uploads never taken are forgotten (and their temporary file removed) after this long. */
const UPLOAD_TTL_MS = 60 * 60 * 1000;

export class UploadRegistry implements UploadSource {
  private readonly uploads = new Map<string, Upload & { at: number }>();

  register(upload: Upload): string {
    this.expire();
    const uploadId = crypto.randomUUID();
    this.uploads.set(uploadId, { ...upload, at: Date.now() });
    return uploadId;
  }

  take(uploadId: string): Promise<Upload | null> {
    const upload = this.uploads.get(uploadId);
    this.uploads.delete(uploadId);
    return Promise.resolve(
      upload ? { path: upload.path, bytes: upload.bytes, temporary: upload.temporary } : null,
    );
  }

  private expire(): void {
    const now = Date.now();
    for (const [id, upload] of this.uploads) {
      if (now - upload.at < UPLOAD_TTL_MS) continue;
      this.uploads.delete(id);
      if (upload.temporary) fs.rm(upload.path, { force: true }, () => undefined);
    }
  }
}

/** The folder of browser mode's temporary uploads, beside the database. */
export function uploadsDir(userDataDir: string): string {
  return path.join(userDataDir, 'uploads');
}

/**
 * Removes what an earlier run left in the uploads folder (a crash or a kill during an upload or
 * an import) and makes sure the folder exists, readable by this user only. Called by the
 * transport at start, before it takes uploads.
 */
export function resetUploadsDir(userDataDir: string): string {
  const dir = uploadsDir(userDataDir);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}
