/**
 * Sample data on a first run (issue 17): offered while the app holds no data at all, loaded through
 * the ordinary paths (the compliance import, the listings' store-and-check), so it is checked and
 * computed like real data, and removed in one step: every compliance record whose source file is
 * the sample's, the sample's listings (by their vendor ids) with their check history, and the
 * alerts those records raised — an alert left behind would open a record that is gone.
 */
import { AppError } from '../../../shared/ipc/errors';
import { SAMPLE_FILE_NAME, sampleFiles, sampleListings } from '../../../shared/sample/sample-data';
import { placeholders } from '../db/bulk-sql';
import { complianceConfig } from '../compliance/engines';
import { fileImportContext } from '../imports/file-import';
import { importComplianceFile } from '../compliance/import';
import { slaContextOf } from '../compliance/ticket-sla';
import type { HandlerContext, HandlerGroup } from './types';

type SampleChannels = 'app.sampleData' | 'app.loadSampleData' | 'app.removeSampleData';

const sampleTables = ['tickets', 'deposit_ledger', 'violations'] as const;
/** The alert kinds raised for a record of each table, by its id (electron/services/alerts/schedule.ts). */
const alertKindOf = { tickets: 'ticket-deadline', violations: 'new-violation' } as const;
const sampleListingIds = sampleListings().map((l) => l.id as string);
const listingIdList = placeholders(sampleListingIds.length);

export function sampleDataHandlers(ctx: HandlerContext): HandlerGroup<SampleChannels> {
  const { store, compliance, settings, listings, checker } = ctx;
  const any = (sql: string, ...params: unknown[]) => store.db.prepare(sql).get(...params) !== undefined;
  const present = () =>
    sampleTables.some((table) =>
      any(`SELECT 1 FROM ${table} WHERE source_file = ? LIMIT 1`, SAMPLE_FILE_NAME),
    ) || any(`SELECT 1 FROM listings WHERE listing_id IN (${listingIdList}) LIMIT 1`, ...sampleListingIds);
  const empty = () =>
    [...sampleTables, 'listings'].every((table) => !any(`SELECT 1 FROM ${table} LIMIT 1`)) &&
    compliance.ledger.required() === null;
  const status = () => {
    const loaded = present();
    return { loaded, offered: !loaded && store.writable && empty() };
  };
  const writable = () => {
    if (!store.writable) throw new AppError('read-only', store.state.message ?? 'read-only');
  };
  return {
    'app.sampleData': () => status(),
    'app.loadSampleData': async (_request, call) => {
      writable();
      if (!empty())
        throw new AppError(
          'invalid-input',
          '已有数据，不再载入示例数据 / there is data already; sample data is only for an empty app',
        );
      const config = complianceConfig(settings.get(), compliance.policyPacks.current());
      const sla = slaContextOf(config);
      const now = ctx.now().getTime();
      const context = fileImportContext(ctx.platform.userDataDir, settings.get().locale, undefined);
      for (const file of sampleFiles(now)) {
        const result = await importComplianceFile(
          compliance,
          store.db,
          config.packs,
          file,
          now,
          sla,
          call,
          context,
        );
        if (!result.ok) throw new AppError('internal', `sample data: ${JSON.stringify(result.problems)}`);
      }
      // Stored and checked together, as a save does: the table shows their findings at once.
      store.write(() => checker.checkAndRecord(listings.createMany(sampleListings())));
      return status();
    },
    'app.removeSampleData': () => {
      writable();
      const removedAlerts = store.write((db) => {
        const alertIds: number[] = [];
        const dropAlerts = (where: string, ...params: unknown[]) => {
          const rows = db.prepare(`DELETE FROM alerts WHERE ${where} RETURNING id`).all(...params) as {
            id: number;
          }[];
          alertIds.push(...rows.map((r) => r.id));
        };
        for (const [table, kind] of Object.entries(alertKindOf))
          dropAlerts(
            `kind = ? AND record_id IN (SELECT id FROM ${table} WHERE source_file = ?)`,
            kind,
            SAMPLE_FILE_NAME,
          );
        for (const table of sampleTables)
          db.prepare(`DELETE FROM ${table} WHERE source_file = ?`).run(SAMPLE_FILE_NAME);
        // The sample's ledger brought the required amount; with no ledger left it goes too, and
        // so does any top-up reminder, which can only have been about that ledger.
        if (!db.prepare('SELECT 1 FROM deposit_ledger LIMIT 1').get()) {
          db.prepare('DELETE FROM deposit_account').run();
          dropAlerts("kind = 'deposit-due'");
        }
        // Check runs and dismissals go with their listing (ON DELETE CASCADE).
        db.prepare(`DELETE FROM listings WHERE listing_id IN (${listingIdList})`).run(...sampleListingIds);
        return alertIds;
      });
      return { ...status(), removedAlerts };
    },
  };
}
