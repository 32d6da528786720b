/**
 * Settings: the rule packs the app has, loading one from a file, activating one (every listing is
 * re-checked in the core with a progress bar) and going back; the last activation's diff below.
 */
import { UploadOutlined } from '@ant-design/icons';
import { Button, Card, List, Modal, Progress, Space, Table, Tag, Typography, message } from 'antd';
import { useEffect, useRef } from 'react';
import type { RulePackDiff, RulePackInfo } from '../../../../shared/ipc/contract';
import { useApp } from '../../stores/app-store';
import { useWorkspaceText } from '../../pages/listings/workspace-messages';
import { useRulePacksText } from './rulepacks-messages';
import { useRulePacks } from './rulepacks-store';

const shortTime = (iso: string | null) => (iso ? iso.slice(0, 19).replace('T', ' ') : '—');

export function RulePacksCard({ readOnly }: { readOnly: boolean }) {
  const text = useRulePacksText();
  const ruleNames = useWorkspaceText().rules;
  const locale = useApp((s) => s.locale);
  const { packs, diff, busy, load, importFile, activate, revert } = useRulePacks();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    void load().catch(() => undefined);
  }, [load]);

  const fail = (prefix: string, error: unknown) =>
    void message.error({
      content: `${prefix}: ${error instanceof Error ? error.message : String(error)}`,
      duration: 10,
    });

  async function loadFile(file: File) {
    try {
      const info = await importFile({ name: file.name, text: await file.text() });
      void message.success(text.loaded(info.key));
    } catch (error) {
      fail(text.loadFailed, error);
    }
  }

  const run = (work: () => Promise<RulePackDiff>) =>
    work().catch((error: unknown) => fail(text.failed, error));

  const confirm = (content: string, onOk: () => void) =>
    Modal.confirm({ content, okText: text.ok, cancelText: text.cancel, onOk });

  const previous = packs.find((p) => p.previous);
  const active = packs.find((p) => p.active);

  return (
    <Card
      title={text.cardTitle}
      size="small"
      data-testid="rule-packs"
      extra={
        <Space>
          {previous && (
            <Button
              size="small"
              disabled={readOnly || busy !== null}
              onClick={() => confirm(text.revertConfirm(previous.key), () => void run(revert))}
            >
              {text.revert}
            </Button>
          )}
          <Button
            size="small"
            icon={<UploadOutlined />}
            disabled={readOnly || busy !== null}
            onClick={() => input.current?.click()}
          >
            {text.loadFile}
          </Button>
          <input
            ref={input}
            type="file"
            accept=".json,application/json"
            hidden
            aria-label={text.loadFile}
            data-testid="rulepack-import-input"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void loadFile(file);
              e.target.value = '';
            }}
          />
        </Space>
      }
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{text.cardHint}</Typography.Text>
        {busy && (
          <div role="status" data-testid="rulepack-progress">
            <Typography.Text>{text.rechecking(busy.done, busy.total)}</Typography.Text>
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
                header={text.changelog}
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
            { title: text.columns.version, render: (_, p) => `${p.id}@${p.version}` },
            { title: text.columns.title, dataIndex: 'title', ellipsis: true },
            { title: text.columns.source, render: (_, p) => p.sourceName ?? text.sources[p.source] },
            { title: text.columns.addedAt, render: (_, p) => shortTime(p.addedAt) },
            {
              title: text.columns.state,
              render: (_, p) =>
                p.active ? (
                  <Tag color="green">{text.active}</Tag>
                ) : (
                  <Space>
                    {p.previous && <Tag>{text.previous}</Tag>}
                    <Button
                      size="small"
                      disabled={readOnly || busy !== null}
                      onClick={() =>
                        confirm(text.activateConfirm(p.key), () => void run(() => activate(p.key)))
                      }
                    >
                      {text.activate}
                    </Button>
                  </Space>
                ),
            },
          ]}
        />
        {diff && active && <RulePackDiffView diff={diff} ruleNames={ruleNames} />}
      </Space>
    </Card>
  );
}

function RulePackDiffView({ diff, ruleNames }: { diff: RulePackDiff; ruleNames: Record<string, string> }) {
  const text = useRulePacksText();
  const names = (list: RulePackDiff['newlyBlocked'], count: number) => (
    <>
      {list.map((l) => l.title).join('、')}
      {count > list.length && ` ${text.more(count - list.length)}`}
    </>
  );
  const unchanged = diff.newlyBlockedCount === 0 && diff.newlyClearCount === 0 && diff.rules.length === 0;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="rulepack-diff">
      <Typography.Text strong>{text.diffTitle(diff.from, diff.to, shortTime(diff.at))}</Typography.Text>
      <Typography.Text>
        {text.diffSummary(diff.listings, diff.newlyBlockedCount, diff.newlyClearCount)}
      </Typography.Text>
      {unchanged && <Typography.Text type="secondary">{text.noChange}</Typography.Text>}
      {diff.newlyBlockedCount > 0 && (
        <Typography.Text type="danger">
          {text.newlyBlocked}：{names(diff.newlyBlocked, diff.newlyBlockedCount)}
        </Typography.Text>
      )}
      {diff.newlyClearCount > 0 && (
        <Typography.Text type="success">
          {text.newlyClear}：{names(diff.newlyClear, diff.newlyClearCount)}
        </Typography.Text>
      )}
      {diff.rules.length > 0 && (
        <Table
          size="small"
          title={() => text.perRule}
          rowKey="ruleId"
          pagination={false}
          dataSource={diff.rules}
          columns={[
            { title: text.ruleColumns.rule, render: (_, r) => ruleNames[r.ruleId] ?? r.ruleId },
            { title: text.ruleColumns.before, dataIndex: 'before' },
            { title: text.ruleColumns.after, dataIndex: 'after' },
          ]}
        />
      )}
    </Space>
  );
}
