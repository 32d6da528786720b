import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listingSchema, type Listing } from '../../shared/listing/schema';
import { AppError } from '../../shared/ipc/errors';
import { backupIfDue, listBackups } from '../../electron/services/db/backups';
import { DATABASE_FILE, openStore, type Store } from '../../electron/services/db/database';
import { latestSchemaVersion, migrations } from '../../electron/services/db/migrations';
import { ListingsRepository } from '../../electron/services/repositories/listings-repository';
import { SettingsRepository } from '../../electron/services/repositories/settings-repository';
import { readExample, tempDir } from '../helpers/temp-dir';

const clean = listingSchema.parse(readExample('clean-saas-crm.json'));
const violating = listingSchema.parse(readExample('violating-image.json'));

let tmp: ReturnType<typeof tempDir>;
let store: Store | undefined;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => {
  store?.close();
  store = undefined;
  tmp.cleanup();
});

const open = (now = () => new Date('2026-11-23T10:00:00Z')) => (store = openStore({ dataDir: tmp.dir, now }));

describe('migrations', () => {
  it('creates the schema from zero and records user_version', () => {
    const s = open();
    expect(s.state).toMatchObject({ state: 'ok', schemaVersion: latestSchemaVersion });
    expect(s.db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    expect(s.db.pragma('journal_mode', { simple: true })).toBe('wal');
    const columns = (s.db.prepare('PRAGMA table_info(listings)').all() as { name: string }[]).map(
      (c) => c.name,
    );
    for (const column of [
      'local_id',
      'revision',
      'status',
      'created_at',
      'updated_at',
      'title',
      'type',
      'price_amount_fen',
      'specs_json',
      'description',
      'official_site_json',
      'delisting_strategy',
      'service_terms',
      'runs_on_jdcloud',
      'vendor_json',
    ]) {
      expect(columns).toContain(column);
    }
  });

  it('migration numbers are consecutive from 1', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
  });

  it('re-opening does not re-run migrations and keeps data', () => {
    const repo = new ListingsRepository(open());
    repo.create(clean);
    store?.close();
    expect(new ListingsRepository(open()).list()).toHaveLength(1);
  });
});

describe('listings repository', () => {
  it('round-trips every §1 field of both examples', () => {
    const repo = new ListingsRepository(open());
    for (const listing of [clean, violating]) {
      const record = repo.create(listing);
      expect(record).toMatchObject({ revision: 1, status: 'draft' });
      const back = repo.get(record.localId).listing;
      expect(back).toEqual(expect.objectContaining(listing));
      // null compliance fields stay null (the self-check tells "missing" from "present")
      expect(listingSchema.parse(back)).toEqual(back);
    }
  });

  it('keeps unknown fields a newer format added', () => {
    const repo = new ListingsRepository(open());
    const record = repo.create({
      ...clean,
      futureField: { a: 1 },
      price: { ...clean.price, tax: 'incl' },
    } as Listing);
    expect(repo.get(record.localId).listing).toMatchObject({
      futureField: { a: 1 },
      price: { tax: 'incl', amount: 1980 },
    });
  });

  it('stores money in fen without float drift', () => {
    const repo = new ListingsRepository(open());
    const record = repo.create({ ...clean, price: { ...clean.price, amount: 19.99 } });
    expect(store?.db.prepare('SELECT price_amount_fen AS f FROM listings').get()).toEqual({ f: 1999 });
    expect(repo.get(record.localId).listing.price.amount).toBe(19.99);
  });

  it('updates with optimistic concurrency and refuses a stale revision', () => {
    const repo = new ListingsRepository(open());
    const record = repo.create(clean);
    const updated = repo.update(record.localId, 1, { ...clean, title: '新标题' });
    expect(updated.revision).toBe(2);
    expect(() => repo.update(record.localId, 1, { ...clean, title: 'stale' })).toThrowError(
      expect.objectContaining({ code: 'conflict', details: { currentRevision: 2 } }),
    );
    expect(repo.get(record.localId).listing.title).toBe('新标题');
  });

  it('duplicates without the vendor id and deletes', () => {
    const repo = new ListingsRepository(open());
    const record = repo.create(clean);
    const copy = repo.duplicate(record.localId, '（副本）');
    expect(copy.localId).not.toBe(record.localId);
    expect(copy.listing.title).toBe(`${clean.title}（副本）`);
    expect(copy.listing.id).toBeUndefined();
    expect(repo.delete(record.localId)).toBe(true);
    expect(repo.delete(record.localId)).toBe(false);
    expect(() => repo.get(record.localId)).toThrowError(expect.objectContaining({ code: 'not-found' }));
  });

  it('createMany is all-or-nothing', () => {
    const repo = new ListingsRepository(open());
    const bad = { ...clean, title: null } as unknown as Listing; // violates NOT NULL
    expect(() => repo.createMany([clean, bad])).toThrow();
    expect(repo.count()).toBe(0);
  });
});

describe('settings repository', () => {
  it('defaults to zh-CN and persists a change', () => {
    const settings = new SettingsRepository(open());
    expect(settings.get()).toEqual({ locale: 'zh-CN' });
    settings.update({ locale: 'en' });
    store?.close();
    expect(new SettingsRepository(open()).get()).toEqual({ locale: 'en' });
  });

  it('ignores a stored value of the wrong shape', () => {
    const s = open();
    s.db.prepare("INSERT INTO settings VALUES ('locale', '\"klingon\"', 'x')").run();
    expect(new SettingsRepository(s).get()).toEqual({ locale: 'zh-CN' });
  });
});

describe('backups and recovery', () => {
  it('takes one backup a day and keeps the newest seven', async () => {
    const s = open();
    new ListingsRepository(s).create(clean);
    for (let day = 1; day <= 9; day++) {
      const when = new Date(Date.UTC(2026, 10, day, 12));
      expect(await backupIfDue(s.db, tmp.dir, when)).not.toBeNull();
      expect(await backupIfDue(s.db, tmp.dir, when)).toBeNull();
    }
    const backups = listBackups(tmp.dir).map((f) => path.basename(f));
    expect(backups).toHaveLength(7);
    expect(backups[0]).toBe('vendordesk-2026-11-09.db');
  });

  it('keeps a damaged file and restores the newest good backup', async () => {
    const s = open();
    const repo = new ListingsRepository(s);
    repo.create(clean);
    await backupIfDue(s.db, tmp.dir, new Date('2026-11-22T10:00:00Z'));
    repo.create(violating); // after the backup: lost with the damaged file, but the file is kept
    s.close();
    const file = path.join(tmp.dir, DATABASE_FILE);
    for (const suffix of ['-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
    const bytes = fs.readFileSync(file);
    bytes.fill(0x5a, 4096, 8192); // trash the second page
    fs.writeFileSync(file, bytes);

    const restored = open();
    expect(restored.state.state).toBe('restored');
    expect(restored.state.restoredFrom).toMatch(/vendordesk-2026-11-22\.db$/);
    expect(fs.existsSync(restored.state.damagedCopy ?? '')).toBe(true);
    expect(restored.state.message).toContain('损坏');
    expect(restored.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(new ListingsRepository(restored).list().map((r) => r.listing.title)).toEqual([clean.title]);
  });

  it('starts empty (and says so) when the file is not a database and no backup exists', () => {
    fs.writeFileSync(path.join(tmp.dir, DATABASE_FILE), 'this is not sqlite at all, just text '.repeat(200));
    const s = open();
    expect(s.state.state).toBe('restored');
    expect(s.state.restoredFrom).toBeUndefined();
    expect(s.state.message).toMatch(/no good backup/);
    expect(new ListingsRepository(s).count()).toBe(0);
  });
});

describe('a database from a newer version', () => {
  it('opens read-only, refuses writes with a typed error, still lists and exports', () => {
    const s = open();
    new ListingsRepository(s).create(clean);
    s.db.pragma(`user_version = ${latestSchemaVersion + 5}`);
    s.close();

    const ro = open();
    expect(ro.state.state).toBe('read-only');
    expect(ro.state.message).toMatch(/newer VendorDesk/);
    const repo = new ListingsRepository(ro);
    expect(repo.list()).toHaveLength(1);
    let error: unknown;
    try {
      repo.create(violating);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('read-only');
    // the file itself was not migrated down
    ro.close();
    const raw = new Database(path.join(tmp.dir, DATABASE_FILE), { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(latestSchemaVersion + 5);
    raw.close();
  });
});
