/** Import of tickets / deposit ledger / violations files (any mix); per-file results in ImportResultsDialog. */
import { UploadOutlined } from '@ant-design/icons';
import { Button, message } from 'antd';
import { useRef } from 'react';
import { useCompliance } from '../../stores/compliance-store';
import { useTranslation } from 'react-i18next';

export function ImportButton({ readOnly }: { readOnly: boolean }) {
  const { t } = useTranslation('compliance');
  const importFiles = useCompliance((s) => s.importFiles);
  const input = useRef<HTMLInputElement>(null);

  async function run(list: FileList) {
    const files = await Promise.all(
      Array.from(list).map(async (f) => ({ name: f.name, text: await f.text() })),
    );
    if (files.length === 0) return;
    try {
      await importFiles(files, () => undefined); // the results show in ImportResultsDialog
    } catch (error) {
      void message.error(error instanceof Error ? error.message : String(error));
    }
  }

  return (
    <>
      <Button
        icon={<UploadOutlined />}
        onClick={() => input.current?.click()}
        disabled={readOnly}
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
