/**
 * Many records at once on the compliance tables (issue 17): tick rows (across pages), delete them
 * in one step with Undo in the message. A new search or filter clears the ticks, so a delete never
 * takes rows the table no longer shows.
 */
import { DeleteOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import type { TableRowSelection } from 'antd/es/table/interface';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplianceKind } from '../../../../shared/ipc/contract';
import { call } from '../../api';
import { useCompliance } from '../../stores/compliance-store';
import { deleteWithUndo } from './undoable-delete';

export interface RecordSelection<R> {
  /** The ticked rows' keys (String(id), which the core reads as the id). */
  selected: string[];
  rowSelection: TableRowSelection<R>;
  clear(): void;
}

/** `scope`: what the table shows (search, filters); ticks made under another scope are dropped. */
export function useRecordSelection<R extends { id: string | number }>(
  scope: string,
  readOnly: boolean,
): RecordSelection<R> {
  const { t } = useTranslation('undo');
  const [state, setState] = useState<{ scope: string; keys: string[] }>({ scope, keys: [] });
  // A new scope drops the ticks for good (not only while it lasts: clearing the search again must
  // not bring back ticks on rows the user has not seen since). React re-renders at once.
  if (state.scope !== scope) setState({ scope, keys: [] });
  const selected = state.scope === scope ? state.keys : [];
  const set = (keys: string[]) => setState({ scope, keys });
  return {
    selected,
    clear: () => set([]),
    rowSelection: {
      selectedRowKeys: selected,
      // Rows ticked on another page stay ticked (the table holds one page of the core's rows).
      preserveSelectedRowKeys: true,
      columnWidth: 40,
      onChange: (keys) => set(keys.map(String)),
      getCheckboxProps: (record) => ({
        disabled: readOnly,
        'aria-label': t('selectRecord', { what: String(record.id) }),
      }),
    },
  };
}

export function DeleteSelectedButton({
  kind,
  selection,
  readOnly,
}: {
  kind: ComplianceKind;
  selection: Pick<RecordSelection<unknown>, 'selected' | 'clear'>;
  readOnly: boolean;
}) {
  const { t } = useTranslation('undo');
  const { selected, clear } = selection;
  if (selected.length === 0) return null;
  return (
    <Button
      danger
      icon={<DeleteOutlined />}
      disabled={readOnly}
      data-testid={`delete-selected-${kind}`}
      onClick={() =>
        void deleteWithUndo(
          () => call('compliance.delete', { kind, ids: selected }),
          () => useCompliance.getState().load(),
        ).then((deleted) => deleted && clear())
      }
    >
      {t('deleteSelected', { n: selected.length })}
    </Button>
  );
}
