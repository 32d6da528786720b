/**
 * Settings: the rule packs the app has, loading one from a file, activating one (every listing is
 * re-checked in the core with a progress bar) and going back; the last activation's diff below.
 */
import { UploadOutlined } from '@ant-design/icons';
import { Button, Card, List, Modal, Progress, Space, Table, Typography, message } from 'antd';
import { useEffect } from 'react';
import { StatusTag } from '../compliance/StatusTag';
import { JsonFileButton } from '../files/JsonFileButton';
import type { RulePackDiff, RulePackInfo } from '../../../../shared/ipc/contract';
import { useApp } from '../../stores/app-store';
import { useTranslation } from 'react-i18next';
import { useRulePacks } from './rulepacks-store';
import { beijingTime } from '../datetime/beijing-time';
import { failMessage } from '../errors/fail-message';

/** Added and activated times are stored in UTC: shown in Beijing time. */
const shortTime = (iso: string | null) => beijingTime(iso);

export function RulePacksCard({ readOnly }: { readOnly: boolean }) {
  const { t } = useTranslation('rulepacks');
  const locale = useApp((s) => s.locale);
  const { packs, diff, busy, load, importFile, activate, revert, cancel } = useRulePacks();
  useEffect(() => {
    void load().catch(() => undefined);
  }, [load]);

  async function loadFile(file: File) {
    try {
      const info = await importFile({ name: file.name, text: await file.text() });
      void message.success(t('loaded', { key: info.key }));
    } catch (error) {
      failMessage(t('loadFailed'), error);
    }
  }

  const run = (work: () => Promise<RulePackDiff>) =>
    work().catch((error: unknown) => failMessage(t('failed'), error));

  const confirm = (content: string, onOk: () => void) =>
    Modal.confirm({ content, okText: t('ok'), cancelText: t('cancel'), onOk });

  const previous = packs.find((p) => p.previous);
  const active = packs.find((p) => p.active);

  return (
    <Card
      title={t('cardTitle')}
      size="small"
      data-testid="rule-packs"
      extra={
        <Space>
          {previous && (
            <Button
              size="small"
              disabled={readOnly || busy !== null}
              onClick={() => confirm(t('revertConfirm', { key: previous.key }), () => void run(revert))}
            >
              {t('revert')}
            </Button>
          )}
          <JsonFileButton
            label={t('loadFile')}
            icon={<UploadOutlined />}
            size="small"
            disabled={readOnly || busy !== null}
            testId="rulepack-import-input"
            onFile={(file) => void loadFile(file)}
          />
        </Space>
      }
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('cardHint')}</Typography.Text>
        {busy && (
          <div role="status" data-testid="rulepack-progress">
            <Space>
              <Typography.Text>{t('rechecking', { done: busy.done, total: busy.total })}</Typography.Text>
              <Button size="small" disabled={busy.cancelling} onClick={() => void cancel()}>
                {busy.cancelling ? t('cancelling') : t('cancelRecheck')}
              </Button>
            </Space>
            <Progress percent={busy.total ? Math.floor((busy.done / busy.total) * 100) : 0} size="small" />
          </div>
        )}
        <Table<RulePackInfo>
          size="small"
          rowKey="key"
          dataSource={packs}
          pagination={{ pageSize: 5, hideOnSinglePage: true }}
          expandable={{
            rowExpandable: (p) => p.changelog.length > 0,
            expandedRowRender: (p) => (
              <List
                size="small"
                header={t('changelog')}
                dataSource={p.changelog}
                renderItem={(entry) => (
                  <List.Item>
                    <Space direction="vertical" size={0}>
                      <Typography.Text strong>
                        {entry.version} · {entry.date}
                      </Typography.Text>
                      {entry.changes.map((c, i) => (
                        <Typography.Text key={i}>{locale === 'en' ? c.en : c.zh}</Typography.Text>
                      ))}
                    </Space>
                  </List.Item>
                )}
              />
            ),
          }}
          columns={[
            { title: t('columns.version'), render: (_, p) => `${p.id}@${p.version}` },
            { title: t('columns.title'), dataIndex: 'title', ellipsis: true },
            { title: t('columns.source'), render: (_, p) => p.sourceName ?? t(`sources.${p.source}`) },
            { title: t('columns.addedAt'), render: (_, p) => shortTime(p.addedAt) },
            {
              title: t('columns.state'),
              render: (_, p) =>
                p.active ? (
                  <StatusTag tone="good">{t('active')}</StatusTag>
                ) : (
                  <Space>
                    {p.previous && <StatusTag tone="neutral">{t('previous')}</StatusTag>}
                    <Button
                      size="small"
                      disabled={readOnly || busy !== null}
                      onClick={() =>
                        confirm(t('activateConfirm', { key: p.key }), () => void run(() => activate(p.key)))
                      }
                    >
                      {t('activate')}
                    </Button>
                  </Space>
                ),
            },
          ]}
        />
        {diff && active && <RulePackDiffView diff={diff} />}
      </Space>
    </Card>
  );
}

function RulePackDiffView({ diff }: { diff: RulePackDiff }) {
  const { t } = useTranslation('rulepacks');
  const { t: tw } = useTranslation('workspace');
  const names = (list: RulePackDiff['newlyBlocked'], count: number) => (
    <>
      {list.map((l) => l.title).join('、')}
      {count > list.length && ` ${t('more', { n: count - list.length })}`}
    </>
  );
  const unchanged = diff.newlyBlockedCount === 0 && diff.newlyClearCount === 0 && diff.rules.length === 0;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="rulepack-diff">
      <Typography.Text strong>
        {t('diffTitle', { from: diff.from, to: diff.to, at: shortTime(diff.at) })}
      </Typography.Text>
      <Typography.Text>
        {t('diffSummary', {
          listings: diff.listings,
          blocked: diff.newlyBlockedCount,
          clear: diff.newlyClearCount,
        })}
      </Typography.Text>
      {diff.cancelled && (
        <Typography.Text type="warning" data-testid="rulepack-diff-cancelled">
          {t('diffCancelled', {
            listings: diff.listings,
            total: diff.total,
            rest: diff.total - diff.listings,
          })}
        </Typography.Text>
      )}
      {unchanged && <Typography.Text type="secondary">{t('noChange')}</Typography.Text>}
      {diff.newlyBlockedCount > 0 && (
        <Typography.Text type="danger">
          {t('newlyBlocked')}：{names(diff.newlyBlocked, diff.newlyBlockedCount)}
        </Typography.Text>
      )}
      {diff.newlyClearCount > 0 && (
        <Typography.Text type="success">
          {t('newlyClear')}：{names(diff.newlyClear, diff.newlyClearCount)}
        </Typography.Text>
      )}
      {diff.rules.length > 0 && (
        <Table
          size="small"
          title={() => t('perRule')}
          rowKey="ruleId"
          pagination={false}
          dataSource={diff.rules}
          columns={[
            { title: t('ruleColumns.rule'), render: (_, r) => tw(`rules.${r.ruleId}`) },
            { title: t('ruleColumns.before'), dataIndex: 'before' },
            { title: t('ruleColumns.after'), dataIndex: 'after' },
          ]}
        />
      )}
    </Space>
  );
}
