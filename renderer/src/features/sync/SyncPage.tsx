/** 同步 / Sync: last pull, counts, the outbox (retry, discard) and conflicts with both versions. */
import { Button, Card, Descriptions, Modal, Space, Table, Tag, Typography, message } from 'antd';
import { useEffect, useState } from 'react';
import type { OutboxEntryView, ResponseOf } from '../../../../shared/ipc/contract';
import { call } from '../../api';
import { PageHeader } from '../../components/PageHeader';
import { useSync } from './sync-store';
import { useTranslation } from 'react-i18next';
import { beijingTime } from '../datetime/beijing-time';
import { errorText } from '../errors/error-text';

const stateColor: Record<string, string> = {
  pending: 'blue',
  sent: 'green',
  conflict: 'orange',
  failed: 'red',
  discarded: 'default',
};

export function SyncPage({ readOnly }: { readOnly: boolean }) {
  const { t } = useTranslation('sync');
  const { status, load, syncNow, retry, discard, resolve } = useSync();
  const [busy, setBusy] = useState(false);
  const [conflict, setConflict] = useState<{ id: number; versions: ResponseOf<'sync.conflict'> } | null>(
    null,
  );
  useEffect(() => {
    void load().catch(() => undefined);
  }, [load]);
  const fail = (error: unknown) => void message.error(errorText(error));

  const run = async () => {
    setBusy(true);
    try {
      const r = await syncNow();
      void message.success(t('pushed', { n: r.pushed, pulled: r.pulled }));
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  };
  const openConflict = async (id: number) => {
    try {
      setConflict({ id, versions: await call('sync.conflict', { id }) });
    } catch (error) {
      fail(error);
    }
  };
  const choose = async (choice: 'keep-mine' | 'take-theirs') => {
    if (!conflict) return;
    try {
      await resolve(conflict.id, choice);
      setConflict(null);
    } catch (error) {
      fail(error);
    }
  };

  const report = status?.report;
  return (
    <div data-testid="sync-page">
      <PageHeader
        title={t('pageTitle')}
        actions={
          <Space>
            <Button onClick={() => void load()}>{t('refresh')}</Button>
            <Button
              type="primary"
              loading={busy}
              disabled={readOnly || status?.indicator === 'not-connected'}
              onClick={() => void run()}
              data-testid="sync-now"
            >
              {t('syncNow')}
            </Button>
          </Space>
        }
      />
      {report && (
        <Card size="small" style={{ marginBottom: 16 }}>
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('lastPull')}>
              <span data-testid="sync-as-of">{report.asOf ?? t('never')}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('outbox')}>
              <span data-testid="sync-counts">{t('counts', report)}</span>
            </Descriptions.Item>
          </Descriptions>
          <Typography.Text>{t('held', report.resources)}</Typography.Text>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {t('asOfNote')}
          </Typography.Paragraph>
        </Card>
      )}
      <Table<OutboxEntryView>
        size="small"
        rowKey="id"
        data-testid="sync-outbox"
        dataSource={status?.outbox ?? []}
        locale={{ emptyText: t('empty') }}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: t('columns.what'), dataIndex: 'label' },
          { title: t('columns.op'), dataIndex: 'op', render: (op: OutboxEntryView['op']) => t(`ops.${op}`) },
          {
            title: t('columns.state'),
            dataIndex: 'state',
            render: (s: OutboxEntryView['state']) => (
              <Tag color={stateColor[s]} data-testid={`outbox-state-${s}`}>
                {t(`states.${s}`)}
              </Tag>
            ),
          },
          { title: t('columns.attempts'), dataIndex: 'attempts' },
          {
            title: t('columns.error'),
            dataIndex: 'lastError',
            render: (e: string | null) => (e ? <Typography.Text type="danger">{e}</Typography.Text> : null),
          },
          { title: t('columns.updated'), dataIndex: 'updatedAt', render: (v: string) => beijingTime(v) },
          {
            title: t('columns.actions'),
            render: (_: unknown, e) => (
              <Space>
                {e.state === 'conflict' && (
                  <Button
                    size="small"
                    type="primary"
                    disabled={readOnly}
                    onClick={() => void openConflict(e.id)}
                    data-testid="outbox-resolve"
                  >
                    {t('resolve')}
                  </Button>
                )}
                {e.state === 'failed' && (
                  <Button
                    size="small"
                    disabled={readOnly}
                    onClick={() => void retry(e.id).catch(fail)}
                    data-testid="outbox-retry"
                  >
                    {t('retry')}
                  </Button>
                )}
                {(e.state === 'failed' || e.state === 'conflict' || e.state === 'pending') && (
                  <Button
                    size="small"
                    danger
                    disabled={readOnly}
                    onClick={() => void discard(e.id).catch(fail)}
                    data-testid="outbox-discard"
                  >
                    {t('discard')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={conflict !== null}
        title={t('conflictTitle')}
        onCancel={() => setConflict(null)}
        footer={null}
        width={900}
      >
        {conflict && (
          <>
            <Space align="start" style={{ width: '100%' }} size="large">
              <Card size="small" title={t('mine')} style={{ width: 400 }} data-testid="conflict-mine">
                <Typography.Paragraph strong>{conflict.versions.mine?.title}</Typography.Paragraph>
                <Typography.Paragraph>{conflict.versions.mine?.description}</Typography.Paragraph>
              </Card>
              <Card
                size="small"
                title={
                  conflict.versions.theirs
                    ? t('theirs', { v: conflict.versions.theirs.version })
                    : t('unknownServer')
                }
                style={{ width: 400 }}
                data-testid="conflict-theirs"
              >
                <Typography.Paragraph strong>{conflict.versions.theirs?.draft.title}</Typography.Paragraph>
                <Typography.Paragraph>{conflict.versions.theirs?.draft.description}</Typography.Paragraph>
              </Card>
            </Space>
            <Space style={{ marginTop: 16 }}>
              <Button
                type="primary"
                onClick={() => void choose('keep-mine')}
                data-testid="conflict-keep-mine"
              >
                {t('keepMine')}
              </Button>
              <Button onClick={() => void choose('take-theirs')} data-testid="conflict-take-theirs">
                {t('takeTheirs')}
              </Button>
            </Space>
          </>
        )}
      </Modal>
    </div>
  );
}
