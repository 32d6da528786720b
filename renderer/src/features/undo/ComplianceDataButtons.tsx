/** A delete button for one ticket, ledger entry or violation (with undo), and an export button per kind (issue 17). */
import { DeleteOutlined, DownloadOutlined } from '@ant-design/icons';
import { Button, Tooltip, message } from 'antd';
import type { ComplianceKind } from '../../../../shared/ipc/contract';
import { call } from '../../api';
import { downloadText } from '../../download';
import { useCompliance } from '../../stores/compliance-store';
import { deleteWithUndo } from './undoable-delete';
import { useTranslation } from 'react-i18next';
import { errorText } from '../errors/error-text';

export function DeleteRecordButton({
  kind,
  id,
  readOnly,
}: {
  kind: ComplianceKind;
  id: string | number;
  readOnly: boolean;
}) {
  const { t } = useTranslation('undo');
  const label = t('deleteRecord', { what: String(id) });
  return (
    <Tooltip title={label}>
      <Button
        size="small"
        type="text"
        danger
        icon={<DeleteOutlined />}
        aria-label={label}
        disabled={readOnly}
        onClick={() =>
          void deleteWithUndo(
            () => call('compliance.delete', { kind, ids: [id] }),
            () => useCompliance.getState().load(),
          )
        }
      />
    </Tooltip>
  );
}

export function ExportComplianceButton({ kind }: { kind: ComplianceKind }) {
  const { t } = useTranslation('undo');
  /** Reports its own outcome, success or failure, so the click handler has nothing left to await. */
  const exportKind = async () => {
    try {
      const file = await call('compliance.export', { kind });
      downloadText(file.fileName, file.text);
      message.success(t('exported', { n: file.count, file: file.fileName }));
    } catch (error) {
      message.error(t('exportFailed', { reason: errorText(error) }));
    }
  };
  return (
    <Tooltip title={t('exportHint')}>
      <Button icon={<DownloadOutlined />} data-testid={`export-${kind}`} onClick={() => void exportKind()}>
        {t('export')}
      </Button>
    </Tooltip>
  );
}
