/**
 * Automatic daily backups with SQLite's online backup API (consistent while the app writes),
 * and the search for the newest backup that still passes `integrity_check`.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ensurePrivateDir, ensurePrivateFile } from './private-files';

const BACKUP_PATTERN = /^vendordesk-(\d{4}-\d{2}-\d{2})\.db$/;

export function backupDir(dataDir: string): string {
  return path.join(dataDir, 'backups');
}

/** Backups, newest first. */
export function listBackups(dataDir: string): string[] {
  const dir = backupDir(dataDir);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => BACKUP_PATTERN.test(name))
    .sort()
    .reverse()
    .map((name) => path.join(dir, name));
}

/** Takes today's backup unless it exists; keeps the newest `keep`. Returns the file written, if any. */
export async function backupIfDue(
  db: Database.Database,
  dataDir: string,
  now: Date,
  keep = 7,
): Promise<string | null> {
  const dir = backupDir(dataDir);
  ensurePrivateDir(dir);
  const file = path.join(dir, `vendordesk-${now.toISOString().slice(0, 10)}.db`);
  if (fs.existsSync(file)) return null;
  const partial = `${file}.partial`;
  // Created 0600 before SQLite writes into it, so the copy is never readable by others.
  fs.rmSync(partial, { force: true });
  ensurePrivateFile(partial);
  await db.backup(partial);
  fs.renameSync(partial, file); // a half-written backup never looks like a good one
  for (const old of listBackups(dataDir).slice(keep)) fs.rmSync(old, { force: true });
  return file;
}

export function passesIntegrityCheck(file: string, nativeBinding?: string): boolean {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true, nativeBinding });
    try {
      return db.pragma('integrity_check', { simple: true }) === 'ok';
    } finally {
      db.close();
    }
  } catch {
    return false;
  }
}

export function newestGoodBackup(dataDir: string, nativeBinding?: string): string | null {
  return listBackups(dataDir).find((file) => passesIntegrityCheck(file, nativeBinding)) ?? null;
}
