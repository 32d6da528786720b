/**
 * Every file import of the app (listings, and tickets / ledger / violations), one at a time: each
 * chosen File is uploaded through the bridge (never read into the page as text), then imported by
 * its upload id, one file per call so every file reported imported is committed. Its progress and
 * the results live here, not in the page that started it: the page may change or re-mount while
 * the files import, and one progress bar and one results dialog (features/imports) serve them all.
 */
import { create } from 'zustand';
import type { ComplianceImportResult, ImportFileResult } from '../../../shared/ipc/contract';
import { importLimits } from '../../../shared/ipc/contract';
import { ApiError, call, onEvent, upload } from '../api';
import { i18n } from '../i18n/i18n';
import { useCompliance } from './compliance-store';
import { useListings } from './listings-store';
import { localWrite } from './local-writes';
import { errorText } from '../features/errors/error-text';

export type ImportKind = 'listings' | 'compliance';

export type ImportResults =
  { kind: 'listings'; files: ImportFileResult[] } | { kind: 'compliance'; files: ComplianceImportResult[] };

/** Where the running import is: file `file` of `files` (from 1) and what it does with it. */
export interface ImportRun {
  kind: ImportKind;
  file: number;
  files: number;
  name: string;
  phase: 'uploading' | 'reading' | 'writing';
  /** Reading: bytes of the file checked, records found. */
  bytesDone: number;
  bytesTotal: number;
  recordsRead: number;
  /** Writing: records stored of the records read. */
  done: number;
  total: number;
  cancelling: boolean;
}

interface ImportsState {
  running: ImportRun | null;
  /** The last import's per-file results, until the dialog is closed. */
  results: ImportResults | null;
  /** Imports the files (one import at a time: a second one while one runs is refused). */
  importFiles(kind: ImportKind, files: File[]): Promise<ImportResults | null>;
  /** Stops the running import after its current batch (committed batches stay, and are reported). */
  cancel(): Promise<void>;
  closeResults(): void;
}

const megabytes = (bytes: number) => `${Math.round(bytes / 1e5) / 10} MB`;

/** A file that was not imported because its upload failed, as a result the dialog shows. */
function uploadFailure(
  kind: ImportKind,
  name: string,
  error: unknown,
): ImportFileResult | ComplianceImportResult {
  const tooLarge = error instanceof ApiError && error.code === 'too-large';
  const message = tooLarge
    ? i18n.t('imports:uploadTooLarge', { name, max: megabytes(importLimits.maxUploadBytes) })
    : i18n.t('imports:uploadFailed', {
        name,
        reason: errorText(error),
      });
  const failed = { name, ok: false, problems: [{ path: '', message }] };
  return kind === 'listings'
    ? { ...failed, imported: 0, localIds: [] }
    : { ...failed, kind: null, inserted: 0, updated: 0 };
}

function cancelledBefore(kind: ImportKind, name: string): ImportFileResult | ComplianceImportResult {
  const cancelled = { name, ok: false, cancelled: true, problems: [] };
  return kind === 'listings'
    ? { ...cancelled, imported: 0, localIds: [] }
    : { ...cancelled, kind: null, inserted: 0, updated: 0 };
}

export const useImports = create<ImportsState>((set, get) => {
  let operationId: string | null = null;
  const update = (patch: Partial<ImportRun>) => {
    const running = get().running;
    if (running) set({ running: { ...running, ...patch } });
  };
  return {
    running: null,
    results: null,
    closeResults: () => set({ results: null }),
    async cancel() {
      const running = get().running;
      if (!running || running.cancelling) return;
      update({ cancelling: true });
      if (operationId) await call('app.cancel', { operationId });
    },
    importFiles: (kind, files) => {
      if (get().running || files.length === 0) return Promise.resolve(null);
      return localWrite(async () => {
        const results: (ImportFileResult | ComplianceImportResult)[] = [];
        const stop = onEvent('progress', (p) => {
          if (p.operationId !== operationId) return;
          if (p.total > 0) update({ phase: 'writing', done: p.done, total: p.total });
          else if (p.bytesTotal !== undefined)
            update({
              phase: 'reading',
              bytesDone: p.bytesDone ?? 0,
              bytesTotal: p.bytesTotal,
              recordsRead: p.recordsRead ?? 0,
            });
        });
        set({
          running: {
            kind,
            file: 1,
            files: files.length,
            name: files[0]!.name,
            phase: 'uploading',
            bytesDone: 0,
            bytesTotal: files[0]!.size,
            recordsRead: 0,
            done: 0,
            total: 0,
            cancelling: false,
          },
        });
        try {
          for (const [index, file] of files.entries()) {
            const name = file.webkitRelativePath || file.name;
            if (get().running?.cancelling) {
              results.push(cancelledBefore(kind, name));
              continue;
            }
            update({
              file: index + 1,
              name,
              phase: 'uploading',
              bytesDone: 0,
              bytesTotal: file.size,
              recordsRead: 0,
              done: 0,
              total: 0,
            });
            let uploadId: string;
            try {
              ({ uploadId } = await upload(file));
            } catch (error) {
              results.push(uploadFailure(kind, name, error));
              continue;
            }
            operationId = crypto.randomUUID();
            const request = { files: [{ name, uploadId }], operationId };
            const {
              files: [result],
            } =
              kind === 'listings'
                ? await call('listings.import', request)
                : await call('compliance.import', request);
            if (result) results.push(result);
          }
        } finally {
          operationId = null;
          stop();
          set({ running: null });
        }
        const done = { kind, files: results } as ImportResults;
        set({ results: done });
        if (kind === 'listings') await useListings.getState().load();
        else await useCompliance.getState().load();
        return done;
      });
    },
  };
});
