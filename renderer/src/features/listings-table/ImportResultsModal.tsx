/** Each imported file's result: how many listings were added or updated, or what was wrong. */
import { Button, List, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportFileResult } from '../../../../shared/ipc/contract';
import { ImportResultItem } from '../../components/ImportResultItem';

export function ImportResultsModal({
  results,
  onClose,
}: {
  results: ImportFileResult[] | null;
  onClose(): void;
}) {
  const { t } = useTranslation('common');
  return (
    <Modal
      open={results !== null}
      title={t('listings.importResultTitle')}
      onCancel={onClose}
      footer={<Button onClick={onClose}>{t('common.close')}</Button>}
    >
      <List
        dataSource={results ?? []}
        renderItem={(r) => (
          <ImportResultItem
            testId="import-result"
            title={r.name}
            ok={r.ok}
            okMessage={t('listings.importedFile', {
              n: r.imported,
              added: r.added ?? r.imported,
              updated: r.updated ?? 0,
            })}
            failedMessage={t('listings.importFailedFile')}
            problems={r.problems}
          />
        )}
      />
    </Modal>
  );
}
