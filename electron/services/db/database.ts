/**
 * Opening the app's database: WAL, integrity check, recovery from the newest good backup,
 * migrations, and the read-only mode for a file written by a newer app version.
 * Every write in the app goes through `Store.write`, the single place that knows whether
 * writing is allowed.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../../shared/ipc/errors';
import { latestSchemaVersion, migrate } from './migrations';
import { newestGoodBackup } from './backups';
import { PRIVATE_FILE_MODE, ensurePrivateDir, ensurePrivateFile } from './private-files';

export const DATABASE_FILE = 'vendordesk.db';

export interface DatabaseState {
  state: 'ok' | 'restored' | 'read-only';
  message?: string;
  damagedCopy?: string;
  restoredFrom?: string;
  schemaVersion: number;
  appSchemaVersion: number;
}

export interface OpenOptions {
  dataDir: string;
  now?: () => Date;
  /** Path to a better-sqlite3 build for this runtime (Electron's ABI differs from Node's). */
  nativeBinding?: string;
}

export class Store {
  constructor(
    readonly db: Database.Database,
    readonly state: DatabaseState,
    readonly file: string,
  ) {}

  private readonly statements = new Map<string, Database.Statement>();

  get writable(): boolean {
    return this.state.state !== 'read-only';
  }

  /**
   * The statement for this SQL, prepared once per connection: an import of 10,000 listings or
   * 25,000 tickets runs the same few statements that many times, and preparing is not free.
   */
  sql(text: string): Database.Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  /** Runs `fn` in one transaction; refuses (typed error) when the database is read-only. */
  write<T>(fn: (db: Database.Database) => T): T {
    if (!this.writable) {
      throw new AppError('read-only', this.state.message ?? 'The database is open read-only.');
    }
    return this.db.transaction(fn)(this.db);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

function tightenSidecars(file: string): void {
  if (process.platform === 'win32') return;
  for (const suffix of ['-wal', '-shm', '-journal']) {
    if (fs.existsSync(file + suffix)) fs.chmodSync(file + suffix, PRIVATE_FILE_MODE);
  }
}

function openFile(file: string, nativeBinding: string | undefined, readonly = false): Database.Database {
  if (!readonly) ensurePrivateFile(file);
  const db = new Database(file, { nativeBinding, readonly });
  if (!readonly) {
    db.pragma('journal_mode = WAL');
    // NORMAL in WAL mode: a committed transaction survives a crash of the process (SIGKILL);
    // only a power cut may lose the last transactions, never corrupt the file.
    db.pragma('synchronous = NORMAL');
  }
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // A million tickets with their indexes do not fit SQLite's default 2 MB page cache: imports
  // and the paged queries then re-read index pages from disk. 64 MB keeps them in memory.
  db.pragma('cache_size = -65536');
  // Statement journals (every write to a table with triggers opens one) and sort scratch stay in
  // memory rather than in temp files: about half the cost of a synced or saved ticket row.
  db.pragma('temp_store = MEMORY');
  // Files made before this version may be world-readable (umask 022): tighten them.
  if (!readonly) tightenSidecars(file);
  return db;
}

function checkIntegrity(file: string, nativeBinding?: string): { ok: true } | { ok: false; reason: string } {
  if (!fs.existsSync(file)) return { ok: true };
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { nativeBinding, fileMustExist: true });
    const result = db.pragma('integrity_check', { simple: true });
    return result === 'ok' ? { ok: true } : { ok: false, reason: String(result) };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  } finally {
    db?.close();
  }
}

function timestamp(now: Date): string {
  return now.toISOString().replace(/[:.]/g, '-');
}

/** Moves the damaged database (and its WAL/SHM) aside so nothing is lost, then restores a backup. */
function recover(
  file: string,
  dataDir: string,
  now: Date,
  reason: string,
  nativeBinding?: string,
): DatabaseState {
  const damagedDir = path.join(dataDir, 'damaged');
  ensurePrivateDir(damagedDir);
  const damagedCopy = path.join(damagedDir, `vendordesk-${timestamp(now)}.db`);
  fs.renameSync(file, damagedCopy);
  for (const suffix of ['-wal', '-shm']) {
    if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, damagedCopy + suffix);
  }
  const backup = newestGoodBackup(dataDir, nativeBinding);
  if (backup) {
    fs.copyFileSync(backup, file);
    if (process.platform !== 'win32') fs.chmodSync(file, PRIVATE_FILE_MODE);
  }
  return {
    state: 'restored',
    damagedCopy,
    ...(backup ? { restoredFrom: backup } : {}),
    message: backup
      ? `数据库文件已损坏（${reason}），已从备份 ${path.basename(backup)} 恢复；损坏的文件保存在 ${damagedCopy}。 / The database was damaged (${reason}); restored from backup ${path.basename(backup)}. The damaged file was kept at ${damagedCopy}.`
      : `数据库文件已损坏（${reason}），且没有可用的备份，已新建空数据库；损坏的文件保存在 ${damagedCopy}。 / The database was damaged (${reason}) and no good backup exists; started an empty database. The damaged file was kept at ${damagedCopy}.`,
    schemaVersion: 0,
    appSchemaVersion: latestSchemaVersion,
  };
}

export function openStore(options: OpenOptions): Store {
  const now = options.now ?? (() => new Date());
  ensurePrivateDir(options.dataDir);
  const file = path.join(options.dataDir, DATABASE_FILE);

  const integrity = checkIntegrity(file, options.nativeBinding);
  const recovered = integrity.ok
    ? undefined
    : recover(file, options.dataDir, now(), integrity.reason, options.nativeBinding);

  let db = openFile(file, options.nativeBinding);
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > latestSchemaVersion) {
    // Written by a newer VendorDesk: never migrate "down" and never write. Read and export only.
    db.close();
    db = openFile(file, options.nativeBinding, true);
    return new Store(
      db,
      {
        state: 'read-only',
        message: `此数据库由更新版本的 VendorDesk 写入（结构版本 ${version}，本版本支持 ${latestSchemaVersion}），已以只读方式打开：可以查看和导出，请升级应用后再编辑。 / This database was written by a newer VendorDesk (schema ${version}; this version knows ${latestSchemaVersion}). It is open read-only: you can view and export; update the app to edit.`,
        schemaVersion: version,
        appSchemaVersion: latestSchemaVersion,
      },
      file,
    );
  }
  migrate(db);
  const schemaVersion = db.pragma('user_version', { simple: true }) as number;
  const state: DatabaseState = recovered
    ? { ...recovered, schemaVersion }
    : { state: 'ok', schemaVersion, appSchemaVersion: latestSchemaVersion };
  return new Store(db, state, file);
}
