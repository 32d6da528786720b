/**
 * Killing the host with SIGKILL in the middle of an import leaves a database that passes
 * integrity_check and holds every listing whose import was reported done.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir';
import { callHost, importUnderWay, startHost, watchEvents } from './support/host';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const base = JSON.parse(
  fs.readFileSync(path.resolve(import.meta.dirname, '../fixtures/listings/clean-saas-crm.json'), 'utf8'),
) as Record<string, unknown>;

/** A file of 200 listings with a long description: big enough that a kill lands mid-write. */
function bigFile(n: number): { name: string; text: string } {
  const listings = Array.from({ length: 200 }, (_, i) => ({
    ...base,
    id: `F${n}-${i}`,
    title: `文件 ${n} 商品 ${i}`,
    description: `${base.description as string}`.repeat(20),
  }));
  return { name: `batch-${n}.json`, text: JSON.stringify({ listings }) };
}

describe('SIGKILL during import', () => {
  it('keeps every reported file and a sound database', async () => {
    const dataDir = path.join(tmp.dir, 'data');
    const host = await startHost(dataDir);
    const reported: string[] = [];
    let n = 0;
    // Import files one per call (as the UI does); after a few are reported done, fire more calls
    // and kill the process once the core reports one of them under way (its progress event).
    for (; n < 5; n++) {
      const result = await callHost<{ files: { ok: boolean; localIds: string[] }[] }>(
        host.url,
        'listings.import',
        { files: [bigFile(n)] },
      );
      expect(result.ok).toBe(true);
      reported.push(...(result.value?.files[0]?.localIds ?? []));
    }
    const events = await watchEvents(host.url);
    const operations = ['crash-0', 'crash-1', 'crash-2', 'crash-3'];
    const inFlight = operations.map((operationId) =>
      callHost(host.url, 'listings.import', { operationId, files: [bigFile(n++)] }).then(
        (answer) => answer.ok,
        () => false, // the host died before answering
      ),
    );
    await events.next(importUnderWay(operations));
    await host.kill();
    events.close();
    // The kill landed while imports were running: at least one of them never got its answer.
    expect((await Promise.all(inFlight)).includes(false)).toBe(true);

    const db = new Database(path.join(dataDir, 'vendordesk.db'));
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const stored = new Set(
        (db.prepare('SELECT local_id FROM listings').all() as { local_id: string }[]).map((r) => r.local_id),
      );
      expect(reported).toHaveLength(1000);
      for (const id of reported) expect(stored.has(id)).toBe(true);
      // files interrupted by the kill are either wholly there or wholly absent
      const perFile = db
        .prepare(
          "SELECT substr(listing_id, 1, instr(listing_id, '-') - 1) AS f, count(*) AS c FROM listings GROUP BY f",
        )
        .all() as { f: string; c: number }[];
      for (const { c } of perFile) expect(c).toBe(200);
    } finally {
      db.close();
    }

    // and the app starts normally on it afterwards
    const again = await startHost(dataDir);
    const status = await callHost<{ database: { state: string } }>(again.url, 'app.status', {});
    expect(status.value?.database.state).toBe('ok');
    await again.stop();
  });
});
