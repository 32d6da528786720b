/** Import of tickets / deposit ledger / violations files (any mix); progress and per-file results are the app's (features/imports). */
import { UploadOutlined } from '@ant-design/icons';
import { Button, message } from 'antd';
import { useRef } from 'react';
import { useImports } from '../../stores/imports-store';
import { useTranslation } from 'react-i18next';
import { errorText } from '../errors/error-text';

export function ImportButton({ readOnly }: { readOnly: boolean }) {
  const { t } = useTranslation('compliance');
  const importFiles = useImports((s) => s.importFiles);
  const busy = useImports((s) => s.running !== null);
  const input = useRef<HTMLInputElement>(null);

  async function run(list: FileList) {
    const files = Array.from(list);
    if (files.length === 0) return;
    try {
      await importFiles('compliance', files); // the results show in ImportResultsDialog
    } catch (error) {
      void message.error(errorText(error));
    }
  }

  return (
    <>
      <Button
        icon={<UploadOutlined />}
        onClick={() => input.current?.click()}
        disabled={readOnly || busy}
        title={t('importHint')}
      >
        {t('import')}
      </Button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        multiple
        hidden
        aria-label={t('import')}
        data-testid="compliance-import-input"
        onChange={(e) => {
          if (e.target.files) void run(e.target.files);
          e.target.value = '';
        }}
      />
    </>
  );
}
