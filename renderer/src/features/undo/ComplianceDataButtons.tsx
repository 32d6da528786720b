/** A delete button for one ticket, ledger entry or violation (with undo), and an export button per kind (issue 17). */
import { DeleteOutlined, DownloadOutlined } from '@ant-design/icons';
import { Button, Tooltip, message } from 'antd';
import type { ComplianceKind } from '../../../../shared/ipc/contract';
import { call } from '../../api';
import { downloadText } from '../../download';
import { useCompliance } from '../../stores/compliance-store';
import { deleteWithUndo } from './undoable-delete';
import { useUndoText } from './undo-messages';

export function DeleteRecordButton({
  kind,
  id,
  readOnly,
}: {
  kind: ComplianceKind;
  id: string | number;
  readOnly: boolean;
}) {
  const text = useUndoText();
  const label = text.deleteRecord(String(id));
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
            text,
          )
        }
      />
    </Tooltip>
  );
}

export function ExportComplianceButton({ kind }: { kind: ComplianceKind }) {
  const text = useUndoText();
  /** Reports its own outcome, success or failure, so the click handler has nothing left to await. */
  const exportKind = async () => {
    try {
      const file = await call('compliance.export', { kind });
      downloadText(file.fileName, file.text);
      message.success(text.exported(file.count, file.fileName));
    } catch (error) {
      message.error(text.exportFailed(error instanceof Error ? error.message : String(error)));
    }
  };
  return (
    <Tooltip title={text.exportHint}>
      <Button icon={<DownloadOutlined />} data-testid={`export-${kind}`} onClick={() => void exportKind()}>
        {text.export}
      </Button>
    </Tooltip>
  );
}
