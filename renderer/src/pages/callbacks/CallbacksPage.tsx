/**
 * 交付回调测试 / Delivery callbacks (issue 13): the endpoint and its key (kept in the secret
 * store by main, never shown again), a run with live progress — re-read on the core's `progress`
 * events for the run — every check with its calls and answers (key and token
 * masked), plain-language failures and fixes, the history of runs and an HTML export.
 */
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Progress,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { callbackCheckIds, callbackRunOperationId } from '../../../../shared/callbacks/checks';
import type { CallbackEndpoint, CallbackRun, CallbackRunSummary } from '../../../../shared/ipc/contract';
import { call, onEvent } from '../../api';
import { PageHeader } from '../../components/PageHeader';
import { StatusTag } from '../../features/compliance/StatusTag';
import { downloadText } from '../../download';
import { useApp } from '../../stores/app-store';
import type { PageProps } from '../registry';
import { useTranslation } from 'react-i18next';
import { beijingTime } from '../../features/datetime/beijing-time';
import { errorText } from '../../features/errors/error-text';

type Check = CallbackRun['checks'][number];
type Exchange = Check['exchanges'][number];

const statusTone = { pass: 'good', fail: 'bad', skip: 'neutral' } as const;

function ExchangeView({ exchange }: { exchange: Exchange }) {
  const { t } = useTranslation('callbacks');
  return (
    <Card
      size="small"
      style={{ marginBottom: 8 }}
      title={<Typography.Text code>{exchange.label}</Typography.Text>}
      extra={`${exchange.ms} ms`}
      data-testid="callback-exchange"
    >
      <Typography.Text strong>{t('request')}</Typography.Text>
      <pre style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all', margin: '4px 0 8px', fontSize: 12 }}>
        GET {exchange.url}
      </pre>
      <Typography.Text strong>
        {t('response')}
        {exchange.status !== undefined ? ` · HTTP ${exchange.status}` : ` · ${exchange.outcome}`}
        {exchange.contentType ? ` · ${exchange.contentType}` : ''}
      </Typography.Text>
      <pre
        style={{
          whiteSpace: 'pre-wrap',
          wordBreak: 'break-all',
          margin: '4px 0 0',
          fontSize: 12,
          maxHeight: 240,
          overflow: 'auto',
        }}
      >
        {exchange.body ?? exchange.error ?? t('noAnswer')}
      </pre>
    </Card>
  );
}

function CheckDetail({ check }: { check: Check }) {
  const { t } = useTranslation(['callbacks', 'callbackReport']);
  const explanation = {
    means: t(`callbackReport:checks.${check.id}.means`),
    fix: t(`callbackReport:checks.${check.id}.fix`),
  };
  return (
    <div data-testid={`callback-detail-${check.id}`}>
      {check.status === 'fail' && (
        <Alert
          type="error"
          style={{ marginBottom: 8 }}
          message={`${t('means')}: ${explanation.means}`}
          description={`${t('fix')}: ${explanation.fix}`}
          data-testid="callback-fix"
        />
      )}
      {check.exchanges.length > 0 && <Typography.Paragraph strong>{t('calls')}</Typography.Paragraph>}
      {check.exchanges.map((exchange, i) => (
        <ExchangeView key={i} exchange={exchange} />
      ))}
    </div>
  );
}

function RunView({ run }: { run: CallbackRun }) {
  const { t } = useTranslation(['callbacks', 'callbackReport']);
  const running = run.state === 'running';
  const failedIds = run.checks.filter((c) => c.status === 'fail').map((c) => c.id);
  return (
    <Card
      size="small"
      title={`${t('results')} · ${t('viewing', { id: run.id })}`}
      extra={t('summary', { p: run.summary.pass, f: run.summary.fail, s: run.summary.skip })}
      data-testid="callback-run"
      data-state={run.state}
    >
      {running && (
        <div style={{ marginBottom: 12 }} data-testid="callback-progress">
          <Progress
            percent={Math.round((run.checks.length / callbackCheckIds.length) * 100)}
            status="active"
          />
          <Typography.Text type="secondary">
            {t('progress', { done: run.checks.length, total: callbackCheckIds.length })}
            {run.current ? ` · ${t('calling', { label: run.current })}` : ''}
          </Typography.Text>
        </div>
      )}
      {run.state === 'unreachable' && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('unreachable', { error: run.error ?? '' })}
          data-testid="callback-unreachable"
        />
      )}
      {run.state === 'failed' && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('failed', { error: run.error ?? '' })}
        />
      )}
      <Table<Check>
        // Remounted when the run ends, so its failures open (defaultExpandedRowKeys applies at mount).
        key={`${run.id}-${run.state}`}
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={run.checks}
        expandable={{
          expandedRowRender: (check) => <CheckDetail check={check} />,
          defaultExpandedRowKeys: failedIds,
        }}
        onRow={(check) =>
          ({
            'data-testid': `callback-check-${check.id}`,
            'data-status': check.status,
          }) as React.HTMLAttributes<HTMLElement>
        }
        columns={[
          {
            title: t('columns.status'),
            dataIndex: 'status',
            width: 90,
            render: (s: Check['status']) => <StatusTag tone={statusTone[s]}>{t(`status.${s}`)}</StatusTag>,
          },
          {
            title: t('columns.check'),
            dataIndex: 'id',
            width: 260,
            render: (id: Check['id']) => (
              <Space direction="vertical" size={0}>
                <span>{t(`callbackReport:checks.${id}.title`)}</span>
                <Typography.Text type="secondary" code>
                  {id}
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: t('columns.message'),
            dataIndex: 'message',
            render: (m: string) => <span style={{ wordBreak: 'break-word' }}>{m}</span>,
          },
          {
            title: t('columns.ms'),
            dataIndex: 'ms',
            width: 90,
            align: 'right',
            render: (ms: number) => `${ms} ms`,
          },
        ]}
      />
    </Card>
  );
}

export function CallbacksPage({ readOnly }: PageProps) {
  const { t } = useTranslation('callbacks');
  const locale = useApp((s) => s.locale);
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ url: string; key?: string; timeoutMs: number; retryIntervalMs: number }>();
  const [endpoint, setEndpoint] = useState<CallbackEndpoint | null>(null);
  const [history, setHistory] = useState<CallbackRunSummary[]>([]);
  const [run, setRun] = useState<CallbackRun | null>(null);
  /** Stops following the run in progress (its `progress` events). */
  const unfollow = useRef<(() => void) | null>(null);

  const fail = useCallback((error: unknown) => void message.error(errorText(error)), [message]);
  const loadHistory = useCallback(() => call('callbacks.history', {}).then(setHistory, fail), [fail]);

  // The run is re-read when the core announces progress on it (a `progress` event per call and
  // per judged check), never on a timer.
  const follow = useCallback(
    (id: number) => {
      unfollow.current?.();
      const read = async () => {
        try {
          const current = await call('callbacks.run', { id });
          setRun(current);
          if (current.state !== 'running') {
            unfollow.current?.();
            unfollow.current = null;
            void loadHistory();
          }
        } catch (error) {
          fail(error);
        }
      };
      const operationId = callbackRunOperationId(id);
      unfollow.current = onEvent('progress', (progress) => {
        if (progress.operationId === operationId) void read();
      });
      void read();
    },
    [fail, loadHistory],
  );

  useEffect(() => {
    void call('callbacks.endpoint', {}).then((e) => {
      setEndpoint(e);
      form.setFieldsValue({ url: e.url ?? '', timeoutMs: e.timeoutMs, retryIntervalMs: e.retryIntervalMs });
    }, fail);
    void call('callbacks.history', {}).then((h) => {
      setHistory(h);
      const latest = h[0];
      if (latest) follow(latest.id);
    }, fail);
    return () => {
      unfollow.current?.();
    };
  }, [fail, follow, form]);

  const save = async (values: { url: string; key?: string; timeoutMs: number; retryIntervalMs: number }) => {
    try {
      const saved = await call('callbacks.saveEndpoint', {
        url: values.url,
        ...(values.key ? { key: values.key } : {}),
        timeoutMs: values.timeoutMs,
        retryIntervalMs: values.retryIntervalMs,
      });
      setEndpoint(saved);
      form.setFieldsValue({ key: '' }); // the key is never shown again
      void message.success(t('saved'));
    } catch (error) {
      fail(error);
    }
  };

  const forget = async () => {
    try {
      setEndpoint(await call('callbacks.forgetKey', {}));
      void message.success(t('keyForgotten'));
    } catch (error) {
      fail(error);
    }
  };

  const start = async () => {
    try {
      unfollow.current?.();
      const { id } = await call('callbacks.start', {});
      follow(id);
    } catch (error) {
      fail(error);
    }
  };

  const exportRun = async (id: number) => {
    try {
      const file = await call('callbacks.report', { id, locale });
      downloadText(file.fileName, file.content, file.mimeType);
    } catch (error) {
      fail(error);
    }
  };

  const ready = Boolean(endpoint?.url && endpoint.hasKey);
  const running = run?.state === 'running';

  return (
    <div data-testid="callbacks-page" style={{ maxWidth: 1200 }}>
      <PageHeader title={t('title')} />
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card size="small" title={t('endpoint')}>
          <Form
            form={form}
            layout="vertical"
            onFinish={(v) => void save(v)}
            disabled={readOnly}
            initialValues={{ timeoutMs: 5000, retryIntervalMs: 1000 }}
          >
            <Form.Item
              name="url"
              label={t('url')}
              extra={t('urlHelp')}
              rules={[{ required: true, type: 'url' }]}
            >
              <Input
                data-testid="callback-url"
                placeholder="https://example.com/jdcloud/notify"
                autoComplete="off"
              />
            </Form.Item>
            <Form.Item
              name="key"
              label={t('key')}
              extra={endpoint?.hasKey ? t('keySaved') : t('keyMissing')}
              rules={[{ required: !endpoint?.hasKey }]}
            >
              <Input.Password
                data-testid="callback-key"
                autoComplete="new-password"
                visibilityToggle={false}
                placeholder={endpoint?.hasKey ? '••••••••' : ''}
              />
            </Form.Item>
            <Space wrap>
              <Form.Item name="timeoutMs" label={t('timeoutMs')} rules={[{ required: true }]}>
                <InputNumber min={1} max={600_000} step={500} style={{ width: 160 }} />
              </Form.Item>
              <Form.Item name="retryIntervalMs" label={t('retryMs')} rules={[{ required: true }]}>
                <InputNumber min={0} max={600_000} step={100} style={{ width: 160 }} />
              </Form.Item>
            </Space>
            <Space wrap>
              <Button htmlType="submit" data-testid="callback-save">
                {t('save')}
              </Button>
              {endpoint?.hasKey && (
                <Button danger onClick={() => void forget()} data-testid="callback-forget-key">
                  {t('forgetKey')}
                </Button>
              )}
              <Button
                type="primary"
                disabled={readOnly || !ready || running}
                loading={running}
                onClick={() => void start()}
                data-testid="callback-run-button"
              >
                {running ? t('running') : t('run')}
              </Button>
            </Space>
          </Form>
          {!ready && endpoint && <Typography.Text type="secondary">{t('needEndpoint')}</Typography.Text>}
        </Card>

        {run && <RunView run={run} />}

        <Card size="small" title={t('history')}>
          <Table<CallbackRunSummary>
            size="small"
            rowKey="id"
            dataSource={history}
            locale={{ emptyText: t('historyEmpty') }}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            onRow={(r) =>
              ({ 'data-testid': `callback-history-${r.id}` }) as React.HTMLAttributes<HTMLElement>
            }
            columns={[
              { title: '#', dataIndex: 'id', width: 60 },
              {
                title: t('historyColumns.started'),
                dataIndex: 'startedAt',
                width: 200,
                render: (t: string) => beijingTime(t),
              },
              {
                title: t('historyColumns.url'),
                dataIndex: 'url',
                render: (u: string) => <span style={{ wordBreak: 'break-all' }}>{u}</span>,
              },
              {
                title: t('historyColumns.result'),
                width: 220,
                render: (_: unknown, r) => (
                  <Space size={4} wrap>
                    <Tag>{t(`states.${r.state}`)}</Tag>
                    {r.state !== 'running' && (
                      <span>{t('summary', { p: r.summary.pass, f: r.summary.fail, s: r.summary.skip })}</span>
                    )}
                  </Space>
                ),
              },
              {
                title: t('historyColumns.actions'),
                width: 200,
                render: (_: unknown, r) => (
                  <Space size={0}>
                    <Button type="link" onClick={() => follow(r.id)}>
                      {t('view')}
                    </Button>
                    <Button
                      type="link"
                      disabled={r.state === 'running'}
                      onClick={() => void exportRun(r.id)}
                      data-testid={`callback-export-${r.id}`}
                    >
                      {t('export')}
                    </Button>
                  </Space>
                ),
              },
            ]}
          />
        </Card>
      </Space>
    </div>
  );
}
