/**
 * Importing listing files (picked, a folder, or dropped) and exporting them, with the messages
 * the user sees. The import itself (uploads, progress, the results dialog) is the app's one
 * import (stores/imports-store, features/imports).
 */
import { message } from 'antd';
import { useTranslation } from 'react-i18next';
import { downloadText } from '../../download';
import { useImports } from '../../stores/imports-store';
import { useListings } from '../../stores/listings-store';
import { errorText } from '../errors/error-text';

export interface ListingFiles {
  runImport(fileList: FileList | File[]): Promise<void>;
  runExport(localIds?: string[]): Promise<void>;
}

export function useListingFiles(): ListingFiles {
  const { t } = useTranslation(['workspace', 'common', 'imports']);
  const importFiles = useImports((s) => s.importFiles);
  const exportFile = useListings((s) => s.exportFile);

  async function runImport(fileList: FileList | File[]) {
    const picked = Array.from(fileList).filter(
      (f) => f.name.toLowerCase().endsWith('.json') || f.type === 'application/json',
    );
    if (picked.length === 0) return;
    const key = 'import-progress';
    if (useImports.getState().running) {
      message.warning({ key, content: t('imports:busy') });
      return;
    }
    try {
      const done = await importFiles('listings', picked);
      if (done?.kind !== 'listings') return;
      const results = done.files;
      const ok = results.filter((r) => r.ok);
      const saved = results.reduce((n, r) => n + r.imported, 0);
      // Each import's summary is its own message: under the busy warning's key it could update a
      // message of an earlier import that was just closing, and then never show.
      if (results.some((r) => r.cancelled)) message.warning(t('list.importCancelled', { n: saved }));
      else
        message.success({
          content: t('common:listings.importSummary', {
            ok: ok.length,
            bad: results.length - ok.length,
            count: ok.reduce((n, r) => n + r.imported, 0),
          }),
        });
    } catch (error) {
      message.error(errorText(error));
    }
  }

  async function runExport(localIds?: string[]) {
    try {
      const file = await exportFile(localIds);
      downloadText(file.fileName, file.text);
      message.success(t('common:listings.exported', { n: file.count }));
    } catch (error) {
      message.error(errorText(error));
    }
  }

  return { runImport, runExport };
}
