/**
 * Settings → 策略包: which packs apply (the page's checkboxes, passed as children), the packs the
 * app has — id, version, name, origin, the calendar years each carries, whether it is in use —
 * loading one from a file (validated in the core; the message names the field that is wrong) and
 * removing a loaded one (the bundled pack of its id applies again).
 */
import { UploadOutlined } from '@ant-design/icons';
import { Button, Card, Modal, Space, Table, Typography, message } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PolicyPackInfo } from '../../../../shared/ipc/contract';
import { useApp } from '../../stores/app-store';
import { StatusTag } from '../compliance/StatusTag';
import { JsonFileButton } from '../files/JsonFileButton';
import { usePolicyPacks } from './policypacks-store';
import { failMessage } from '../errors/fail-message';

export function PolicyPacksCard({ readOnly, children }: { readOnly: boolean; children?: ReactNode }) {
  const { t } = useTranslation('policypacks');
  const locale = useApp((s) => s.locale);
  const { packs, load, importFile, remove } = usePolicyPacks();
  useEffect(() => {
    void load().catch(() => undefined);
  }, [load]);

  async function loadFile(file: File) {
    try {
      const { pack, supersedes } = await importFile({ name: file.name, text: await file.text() });
      void message.success(
        supersedes
          ? t('loadedSupersedes', { id: pack.id, version: pack.version, bundled: supersedes })
          : t('loaded', { id: pack.id, version: pack.version }),
      );
    } catch (error) {
      failMessage(t('loadFailed'), error);
    }
  }

  const confirmRemove = (pack: PolicyPackInfo) => {
    const bundled = packs.some((p) => p.origin === 'bundled' && p.id === pack.id);
    Modal.confirm({
      content: t('removeConfirm', { id: pack.id, version: pack.version, bundled: String(bundled) }),
      okText: t('ok'),
      cancelText: t('cancel'),
      onOk: async () => {
        try {
          await remove(pack.id);
          void message.success(
            t(bundled ? 'removed' : 'removedNoBundled', { id: pack.id, version: pack.version }),
          );
        } catch (error) {
          failMessage(t('removeFailed'), error);
        }
      },
    });
  };

  const state = (p: PolicyPackInfo) => {
    // The version that counts for its id; it applies only where the pack is enabled above.
    if (p.inUse)
      return p.enabled ? (
        <StatusTag tone="good">{t('inUse')}</StatusTag>
      ) : (
        <StatusTag tone="neutral">{t('currentNotEnabled')}</StatusTag>
      );
    if (p.supersededBy)
      return <StatusTag tone="neutral">{t('supersededBy', { version: p.supersededBy })}</StatusTag>;
    return <StatusTag tone="warn">{t('notNewer')}</StatusTag>;
  };

  return (
    <Card
      title={t('cardTitle')}
      size="small"
      data-testid="policy-packs"
      extra={
        <JsonFileButton
          label={t('loadFile')}
          icon={<UploadOutlined />}
          size="small"
          disabled={readOnly}
          testId="policypack-import-input"
          onFile={(file) => void loadFile(file)}
        />
      }
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('cardHint')}</Typography.Text>
        {children && (
          <Space wrap>
            <Typography.Text strong>{t('enabledLabel')}</Typography.Text>
            {children}
          </Space>
        )}
        <Table<PolicyPackInfo>
          size="small"
          rowKey={(p) => `${p.origin}:${p.id}`}
          dataSource={packs}
          pagination={{ pageSize: 5, hideOnSinglePage: true }}
          columns={[
            { title: t('columns.id'), dataIndex: 'id' },
            { title: t('columns.version'), dataIndex: 'version' },
            { title: t('columns.title'), render: (_, p) => p.title[locale], ellipsis: true },
            {
              title: t('columns.origin'),
              render: (_, p) =>
                p.fileName ? `${t(`origins.${p.origin}`)} · ${p.fileName}` : t(`origins.${p.origin}`),
            },
            {
              title: t('columns.years'),
              render: (_, p) => (p.calendarYears.length ? p.calendarYears.join('、') : t('none')),
            },
            { title: t('columns.state'), render: (_, p) => state(p) },
            {
              title: '',
              render: (_, p) =>
                p.origin === 'file' ? (
                  <Button size="small" disabled={readOnly} onClick={() => confirmRemove(p)}>
                    {t('remove')}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Space>
    </Card>
  );
}
