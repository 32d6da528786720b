/**
 * The per-file results of an import, one dialog for the whole app (mounted once in App): listings
 * and compliance files alike, whichever page started it, surviving that page changing meanwhile.
 * Each file is imported whole, not at all, or — cancelled or interrupted — its first records (the
 * committed batches), and the dialog says which.
 */
import { Button, List, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ImportResultItem } from '../../components/ImportResultItem';
import { useImports } from '../../stores/imports-store';

export function ImportResultsDialog() {
  const { t } = useTranslation(['imports', 'common', 'compliance']);
  const results = useImports((s) => s.results);
  const close = useImports((s) => s.closeResults);
  /** Why a file is not (wholly) stored: cancelled, interrupted after some records, or not at all. */
  const notWhole = (r: { cancelled?: boolean }, stored: number) =>
    r.cancelled
      ? stored > 0
        ? t('cancelledPartly', { n: stored })
        : t('cancelledNothing')
      : stored > 0
        ? t('interrupted', { n: stored })
        : t('failedFile');
  const files = results?.files ?? [];
  const ok = files.filter((f) => f.ok).length;
  return (
    <Modal
      open={results !== null}
      title={t('resultTitle')}
      onCancel={close}
      footer={<Button onClick={close}>{t('common:common.close')}</Button>}
    >
      <Typography.Paragraph>{t('summary', { ok, bad: files.length - ok })}</Typography.Paragraph>
      {results?.kind === 'listings' ? (
        <List
          dataSource={results.files}
          renderItem={(r) => (
            <ImportResultItem
              testId="import-result"
              title={r.name}
              ok={r.ok}
              okMessage={t('common:listings.importedFile', {
                n: r.imported,
                added: r.added ?? r.imported,
                updated: r.updated ?? 0,
              })}
              failedMessage={notWhole(r, r.imported)}
              problems={r.problems}
              problemsOmitted={r.problemsOmitted}
              cancelled={r.cancelled}
            />
          )}
        />
      ) : results?.kind === 'compliance' ? (
        <List
          dataSource={results.files}
          renderItem={(r) => (
            <ImportResultItem
              testId="compliance-import-result"
              title={`${r.name}${r.kind ? ` · ${t(`compliance:importKinds.${r.kind}`)}` : ''}`}
              ok={r.ok}
              okMessage={t('compliance:importedFile', { inserted: r.inserted, updated: r.updated })}
              failedMessage={notWhole(r, r.inserted + r.updated)}
              problems={r.problems}
              problemsOmitted={r.problemsOmitted}
              cancelled={r.cancelled}
              fileName={r.name}
              notes={
                r.repeatedIds
                  ? [
                      t('repeatedIds', {
                        ids: r.repeatedIds.ids.join(t('idSeparator')),
                        more: r.repeatedIds.count - r.repeatedIds.ids.length,
                      }),
                    ]
                  : []
              }
            />
          )}
        />
      ) : null}
    </Modal>
  );
}
