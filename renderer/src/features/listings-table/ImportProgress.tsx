/** The running listings import: file n of m, listings done, and a cancel button. */
import { Button, Progress, Typography, message } from 'antd';
import { useTranslation } from 'react-i18next';
import { useListings } from '../../stores/listings-store';

export function ImportProgress() {
  const { t } = useTranslation(['workspace', 'common']);
  const importing = useListings((s) => s.importing);
  const cancelImport = useListings((s) => s.cancelImport);
  if (!importing) return null;
  return (
    <div
      data-testid="import-progress"
      role="status"
      style={{ display: 'flex', alignItems: 'center', gap: 12, marginBottom: 12, maxWidth: 720 }}
    >
      <div style={{ flex: 1 }}>
        <Typography.Text>
          {t('common:listings.importing', { done: importing.file - 1, total: importing.files })}{' '}
          {importing.total > 0
            ? t('list.importProgress', { done: importing.done, total: importing.total })
            : t('list.importPreparing', { file: importing.file, files: importing.files })}
        </Typography.Text>
        <Progress
          percent={Math.floor(
            ((importing.file - 1 + (importing.total > 0 ? importing.done / importing.total : 0)) /
              importing.files) *
              100,
          )}
          aria-label={t('list.importCancel')}
        />
      </div>
      <Button
        danger
        data-testid="import-cancel"
        disabled={importing.cancelling}
        onClick={() => void cancelImport().catch((e: unknown) => message.error(String(e)))}
      >
        {importing.cancelling ? t('list.importCancelling') : t('list.importCancel')}
      </Button>
    </div>
  );
}
