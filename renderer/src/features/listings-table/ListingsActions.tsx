/**
 * The listings page's header buttons: create, import files or a folder (hidden inputs the e2e
 * tests set files on), delete the selected listings, export the selected or all.
 */
import {
  DeleteOutlined,
  DownloadOutlined,
  FolderOpenOutlined,
  PlusOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { Button } from 'antd';
import { useEffect, useRef, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';

export interface ListingsActionsProps {
  readOnly: boolean;
  selected: string[];
  /** Listings stored (nothing to export when 0). */
  all: number;
  onCreate(): void;
  onImport(files: FileList): void;
  onDeleteSelected(): void;
  onExport(localIds?: string[]): void;
}

export function ListingsActions(props: ListingsActionsProps) {
  const { readOnly, selected } = props;
  const { t } = useTranslation(['workspace', 'common', 'undo']);
  const fileInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  // webkitdirectory is not in React's input props; set it on the element.
  useEffect(() => {
    folderInput.current?.setAttribute('webkitdirectory', '');
  }, []);
  const picked = (e: ChangeEvent<HTMLInputElement>) => {
    if (e.target.files) props.onImport(e.target.files);
    e.target.value = '';
  };
  return (
    <>
      <Button type="primary" icon={<PlusOutlined />} onClick={props.onCreate} disabled={readOnly}>
        {t('common:listings.create')}
      </Button>
      <Button icon={<UploadOutlined />} onClick={() => fileInput.current?.click()} disabled={readOnly}>
        {t('common:listings.import')}
      </Button>
      <Button icon={<FolderOpenOutlined />} onClick={() => folderInput.current?.click()} disabled={readOnly}>
        {t('list.folder')}
      </Button>
      <input
        ref={fileInput}
        type="file"
        accept=".json,application/json"
        multiple
        hidden
        data-testid="import-input"
        onChange={picked}
      />
      <input
        ref={folderInput}
        type="file"
        multiple
        hidden
        data-testid="import-folder-input"
        onChange={picked}
      />
      {selected.length > 0 && (
        <Button
          danger
          icon={<DeleteOutlined />}
          disabled={readOnly}
          data-testid="delete-selected"
          onClick={props.onDeleteSelected}
        >
          {t('undo:deleteSelected', { n: selected.length })}
        </Button>
      )}
      <Button
        icon={<DownloadOutlined />}
        onClick={() => props.onExport(selected.length ? selected : undefined)}
        disabled={props.all === 0}
      >
        {selected.length ? t('common:listings.exportSelected') : t('common:listings.exportAll')}
      </Button>
    </>
  );
}
