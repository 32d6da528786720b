/**
 * Importing listing files (picked, a folder, or dropped) and exporting them, with the messages
 * the user sees and the per-file results of the last import.
 */
import { message } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportFileResult } from '../../../../shared/ipc/contract';
import { downloadText } from '../../download';
import { useListings } from '../../stores/listings-store';

export interface ListingFiles {
  runImport(fileList: FileList | File[]): Promise<void>;
  runExport(localIds?: string[]): Promise<void>;
  /** The last import's results, until the dialog is closed. */
  importResults: ImportFileResult[] | null;
  closeResults(): void;
}

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function useListingFiles(): ListingFiles {
  const { t } = useTranslation(['workspace', 'common']);
  const importFiles = useListings((s) => s.importFiles);
  const exportFile = useListings((s) => s.exportFile);
  const [importResults, setImportResults] = useState<ImportFileResult[] | null>(null);

  async function runImport(fileList: FileList | File[]) {
    const picked = Array.from(fileList).filter(
      (f) => f.name.toLowerCase().endsWith('.json') || f.type === 'application/json',
    );
    const files = await Promise.all(
      picked.map(async (f) => ({ name: f.webkitRelativePath || f.name, text: await f.text() })),
    );
    if (files.length === 0) return;
    const key = 'import-progress';
    try {
      const results = await importFiles(files);
      const ok = results.filter((r) => r.ok);
      const saved = results.reduce((n, r) => n + r.imported, 0);
      if (results.some((r) => r.cancelled))
        message.warning({ key, content: t('list.importCancelled', { n: saved }) });
      else
        message.success({
          key,
          content: t('common:listings.importSummary', {
            ok: ok.length,
            bad: results.length - ok.length,
            count: ok.reduce((n, r) => n + r.imported, 0),
          }),
        });
      setImportResults(results);
    } catch (error) {
      message.error({ key, content: reason(error) });
    }
  }

  async function runExport(localIds?: string[]) {
    try {
      const file = await exportFile(localIds);
      downloadText(file.fileName, file.text);
      message.success(t('common:listings.exported', { n: file.count }));
    } catch (error) {
      message.error(reason(error));
    }
  }

  return { runImport, runExport, importResults, closeResults: () => setImportResults(null) };
}
