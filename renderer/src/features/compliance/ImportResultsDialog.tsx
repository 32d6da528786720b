/**
 * The per-file results of a compliance import, one dialog for the whole app (mounted once in
 * App): it shows whichever page started the import, and survives that page changing meanwhile.
 */
import { Button, List, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { ImportResultItem } from '../../components/ImportResultItem';
import { useCompliance } from '../../stores/compliance-store';

export function ImportResultsDialog() {
  const { t } = useTranslation('compliance');
  const results = useCompliance((s) => s.importResults);
  const close = useCompliance((s) => s.closeImportResults);
  return (
    <Modal
      open={results !== null}
      title={t('importResultTitle')}
      onCancel={close}
      footer={<Button onClick={close}>{t('close')}</Button>}
    >
      <List
        dataSource={results ?? []}
        renderItem={(r) => (
          <ImportResultItem
            testId="compliance-import-result"
            title={`${r.name}${r.kind ? ` · ${t(`importKinds.${r.kind}`)}` : ''}`}
            ok={r.ok}
            okMessage={t('importedFile', { inserted: r.inserted, updated: r.updated })}
            failedMessage={t('importFailedFile')}
            problems={r.problems}
            fileName={r.name}
          />
        )}
      />
    </Modal>
  );
}
