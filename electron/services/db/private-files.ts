/** Owner-only files and folders for everything the app stores about the vendor. */
import fs from 'node:fs';

/** The database, its WAL/SHM, backups and damaged copies are the user's alone: files 0600, folders 0700. */
export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;

/** mkdir -p with 0700, and tighten an existing folder (no-op on Windows, where ACLs apply). */
export function ensurePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (process.platform !== 'win32') fs.chmodSync(dir, PRIVATE_DIR_MODE);
}

/**
 * Creates `file` empty with mode 0600 when it does not exist yet, and tightens it when it does.
 * SQLite gives the -wal and -shm files the mode of the database file, so they follow.
 */
export function ensurePrivateFile(file: string): void {
  fs.closeSync(fs.openSync(file, 'a', PRIVATE_FILE_MODE));
  if (process.platform !== 'win32') fs.chmodSync(file, PRIVATE_FILE_MODE);
}
