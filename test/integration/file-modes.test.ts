/**
 * Issue 16 §5: the database, its WAL and SHM, and the backups hold the vendor's business data;
 * they are created owner-only (0600, folders 0700) whatever the umask, and files left readable
 * by an older version are tightened on open. POSIX only (Windows uses ACLs of the profile folder).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppCore } from '../../electron/services/app-core';
import { createNodePlatform } from '../../electron/web/platform-node';
import { tempDir } from '../helpers/temp-dir';

const mode = (file: string) => fs.statSync(file).mode & 0o777;
let tmp: ReturnType<typeof tempDir>;
let oldUmask: number;

beforeEach(() => {
  tmp = tempDir();
  oldUmask = process.umask(0o022); // the usual default: new files 0644, folders 0755
});
afterEach(() => {
  process.umask(oldUmask);
  tmp.cleanup();
});

const open = (dataDir: string) =>
  createAppCore({
    platform: createNodePlatform({
      userDataDir: dataDir,
      appVersion: '1.0.0',
      now: () => new Date('2026-01-05T10:00:00+08:00'),
    }),
    mode: 'browser',
    alertIntervalMs: 0,
    log: () => undefined,
  });

describe.skipIf(process.platform === 'win32')('file modes of stored data', () => {
  it('a new data folder: database, WAL, SHM 0600, folder 0700; the backup 0600 in a 0700 folder', async () => {
    const dataDir = path.join(tmp.dir, 'data');
    const core = open(dataDir);
    try {
      await core.dispatch('compliance.saveTicket', {
        ticket: { id: 1, kind: 'consultation', openedAt: '2026-01-05T09:00:00+08:00', firstResponseAt: null },
      });
      const db = path.join(dataDir, 'vendordesk.db');
      expect(fs.existsSync(`${db}-wal`)).toBe(true);
      expect(mode(db)).toBe(0o600);
      expect(mode(`${db}-wal`)).toBe(0o600);
      expect(mode(`${db}-shm`)).toBe(0o600);
      expect(mode(dataDir)).toBe(0o700);
      const backup = await core.backup();
      expect(backup).not.toBeNull();
      expect(mode(backup!)).toBe(0o600);
      expect(mode(path.dirname(backup!))).toBe(0o700);
      // The secrets written by browser mode were 0600 already; still so.
      await createNodePlatform({ userDataDir: dataDir, appVersion: '1' }).secrets.set('k', 'v');
      for (const name of fs.readdirSync(dataDir).filter((n) => n.startsWith('secrets')))
        expect(mode(path.join(dataDir, name)), name).toBe(0o600);
    } finally {
      core.close();
    }
  });

  it('files an older version left world-readable are tightened when the app opens them', async () => {
    const dataDir = path.join(tmp.dir, 'old');
    open(dataDir).close();
    const db = path.join(dataDir, 'vendordesk.db');
    fs.chmodSync(db, 0o644);
    fs.chmodSync(dataDir, 0o755);
    const core = open(dataDir);
    try {
      expect(mode(db)).toBe(0o600);
      expect(mode(dataDir)).toBe(0o700);
      if (fs.existsSync(`${db}-wal`)) expect(mode(`${db}-wal`)).toBe(0o600);
    } finally {
      core.close();
    }
  });
});
