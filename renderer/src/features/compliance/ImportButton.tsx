/** Import of tickets / deposit ledger / violations files (any mix), with per-file results. */
import { UploadOutlined } from '@ant-design/icons';
import { Button, List, Modal, message } from 'antd';
import { useRef, useState } from 'react';
import type { ComplianceImportResult } from '../../../../shared/ipc/contract';
import { ImportResultItem } from '../../components/ImportResultItem';
import { useCompliance } from '../../stores/compliance-store';
import { useTranslation } from 'react-i18next';

export function ImportButton({ readOnly }: { readOnly: boolean }) {
  const { t } = useTranslation('compliance');
  const importFiles = useCompliance((s) => s.importFiles);
  const input = useRef<HTMLInputElement>(null);
  const [results, setResults] = useState<ComplianceImportResult[] | null>(null);

  async function run(list: FileList) {
    const files = await Promise.all(
      Array.from(list).map(async (f) => ({ name: f.name, text: await f.text() })),
    );
    if (files.length === 0) return;
    try {
      setResults(await importFiles(files, () => undefined));
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
      <Modal
        open={results !== null}
        title={t('importResultTitle')}
        onCancel={() => setResults(null)}
        footer={<Button onClick={() => setResults(null)}>{t('close')}</Button>}
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
    </>
  );
}
