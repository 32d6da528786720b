/**
 * Sample data on a first run (issue 17): offered while the app holds no data at all, loaded through
 * the ordinary import (so it is checked and computed like a real file), and removed in one step —
 * every record whose source file is the sample's.
 */
import { AppError } from '../../../shared/ipc/errors';
import { SAMPLE_FILE_NAME, sampleFiles } from '../../../shared/sample/sample-data';
import { complianceConfig } from '../compliance/engines';
import { fileImportContext } from '../imports/file-import';
import { importComplianceFile } from '../compliance/import';
import { slaContextOf } from '../compliance/ticket-sla';
import type { HandlerContext, HandlerGroup } from './types';

type SampleChannels = 'app.sampleData' | 'app.loadSampleData' | 'app.removeSampleData';

const sampleTables = ['tickets', 'deposit_ledger', 'violations'] as const;

export function sampleDataHandlers(ctx: HandlerContext): HandlerGroup<SampleChannels> {
  const { store, compliance, settings } = ctx;
  const any = (sql: string, ...params: unknown[]) => store.db.prepare(sql).get(...params) !== undefined;
  const present = () =>
    sampleTables.some((table) =>
      any(`SELECT 1 FROM ${table} WHERE source_file = ? LIMIT 1`, SAMPLE_FILE_NAME),
    );
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
      const config = complianceConfig(settings.get());
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
      return status();
    },
    'app.removeSampleData': () => {
      writable();
      store.write((db) => {
        for (const table of sampleTables)
          db.prepare(`DELETE FROM ${table} WHERE source_file = ?`).run(SAMPLE_FILE_NAME);
        // The sample's ledger brought the required amount; with no ledger left it goes too.
        if (!db.prepare('SELECT 1 FROM deposit_ledger LIMIT 1').get())
          db.prepare('DELETE FROM deposit_account').run();
      });
      return status();
    },
  };
}
