/**
 * Deposit page: the ledger with the engine's running balance, balance vs required over time,
 * shortfall with its due date and a live countdown, and the deductions of the last 12 months
 * with the extra-deposit risk explained (第九条(六)4).
 */
import {
  Alert,
  Button,
  Card,
  Col,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tooltip,
  Typography,
  message,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { LedgerRecord } from '../../../../shared/ipc/contract';
import { useApp } from '../../stores/app-store';
import { useCompliance } from '../../stores/compliance-store';
import { beijingIsoOf, beijingMinute, blankToNull, daysLeft, daysUntil } from '../../stores/compliance-view';
import { Chart } from '../../features/compliance/charts';
import { Countdown, useTick } from '../../features/compliance/Countdown';
import { AsOf } from '../../features/compliance/AsOf';
import { ComplianceHeader } from '../../features/compliance/ComplianceHeader';
import { StatusTag } from '../../features/compliance/StatusTag';
import { useSnapshot } from '../../features/compliance/use-snapshot';
import type { PageProps } from '../registry';
import { DeleteRecordButton } from '../../features/undo/ComplianceDataButtons';
import { DeleteSelectedButton, useRecordSelection } from '../../features/undo/record-selection';
import { EntryModal } from '../../features/compliance/EntryModal';
import { BeijingDateTimePicker } from '../../features/datetime/BeijingDateTimePicker';
import { PAGE_SIZE, useServerPaging } from '../../features/search/server-paging';
import { TableSearch } from '../../features/search/TableSearch';
import { usePagedRecords } from '../../features/search/use-paged-records';
import { useTranslation } from 'react-i18next';

const entryTypes = ['payment', 'top-up', 'deduction', 'withdrawal', 'requirement'] as const;

function EntryForm({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation('compliance');
  const { saveLedgerEntry, now } = useCompliance();
  const [form] = Form.useForm();
  useEffect(() => {
    if (open)
      form.setFieldsValue({ id: '', at: beijingIsoOf(now()), type: 'top-up', amount: null, reason: '' });
  }, [open, form, now]);
  const save = async (v: {
    id: string;
    at: string;
    type: (typeof entryTypes)[number];
    amount: number;
    reason?: string;
  }) => {
    await saveLedgerEntry({
      id: v.id.trim(),
      at: v.at.trim(),
      type: v.type,
      amount: v.amount,
      reason: blankToNull(v.reason),
    });
  };
  return (
    <EntryModal open={open} title={t('deposit.addEntry')} form={form} save={save} onClose={onClose}>
      <Form.Item name="id" label={t('deposit.form.id')} rules={[{ required: true, whitespace: true }]}>
        <Input />
      </Form.Item>
      <Form.Item name="at" label={t('deposit.form.at')} rules={[{ required: true }]}>
        <BeijingDateTimePicker />
      </Form.Item>
      <Form.Item name="type" label={t('deposit.form.type')} rules={[{ required: true }]}>
        <Select options={entryTypes.map((type) => ({ value: type, label: t(`deposit.types.${type}`) }))} />
      </Form.Item>
      <Form.Item name="amount" label={t('deposit.form.amount')} rules={[{ required: true }]}>
        <InputNumber min={0} precision={2} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="reason" label={t('deposit.form.reason')}>
        <Input />
      </Form.Item>
    </EntryModal>
  );
}

export function DepositPage({ readOnly }: PageProps) {
  const { t } = useTranslation('compliance');
  const locale = useApp((s) => s.locale);
  const { snapshot, catalog, setDepositRequired } = useSnapshot();
  const [adding, setAdding] = useState(false);
  const [required, setRequired] = useState<number | null>(null);
  const now = useTick();
  const { search, setSearch, pageIndex, pagination } = useServerPaging();
  // Searched and paged in SQL (compliance.ledger); a type's name in the user's language finds it too.
  const request = useMemo(() => {
    const needle = search.toLowerCase();
    const types = entryTypes.filter((type) => t(`deposit.types.${type}`).toLowerCase().includes(needle));
    return {
      offset: (pageIndex - 1) * PAGE_SIZE,
      limit: PAGE_SIZE,
      ...(search ? { query: search, ...(types.length ? { types } : {}) } : {}),
    };
  }, [search, pageIndex, t]);
  const table = usePagedRecords('compliance.ledger', request, snapshot?.atMs);
  const selection = useRecordSelection<LedgerRecord>(search, readOnly);
  if (!snapshot) return <Typography.Text>{t('loading')}</Typography.Text>;
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY' });
  const deposit = snapshot.deposit;
  const rules = catalog?.depositRules;
  const history = new Map((deposit?.history ?? []).map((h) => [String(h.id), h]));

  return (
    <div data-testid="deposit-page">
      <ComplianceHeader
        title={t('deposit.title')}
        at={snapshot.at}
        readOnly={readOnly}
        records="ledger"
        add={{ label: t('deposit.addEntry'), onClick: () => setAdding(true) }}
        actions={
          <>
            <label htmlFor="deposit-required-amount" style={{ alignSelf: 'center' }}>
              {t('deposit.setRequired')}（{t('deposit.yuanUnit')}）
            </label>
            <InputNumber
              id="deposit-required-amount"
              placeholder={t('deposit.setRequired')}
              min={0}
              precision={2}
              value={required ?? snapshot.ledger?.required ?? null}
              onChange={(v) => setRequired(v)}
              style={{ width: 160 }}
            />
            <Button
              disabled={readOnly || required === null}
              onClick={() =>
                required !== null && void setDepositRequired(required).then(() => message.success(t('saved')))
              }
            >
              {t('save')}
            </Button>
          </>
        }
      />
      {deposit ? (
        <>
          <Row gutter={[16, 16]}>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title={t('deposit.balance')} value={money.format(deposit.balance)} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title={t('deposit.required')} value={money.format(deposit.required)} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small" data-testid="deposit-shortfall">
                <Statistic
                  title={t('deposit.shortfall')}
                  value={money.format(deposit.shortfall)}
                  valueStyle={{ color: deposit.shortfall > 0 ? '#a8071a' : undefined }}
                />
                <StatusTag
                  tone={deposit.status === 'ok' ? 'good' : deposit.status === 'deficient' ? 'warn' : 'bad'}
                >
                  {
                    {
                      ok: t('overview.depositOk'),
                      deficient: t('overview.depositDeficient'),
                      overdue: t('overview.depositOverdue'),
                    }[deposit.status]
                  }
                </StatusTag>
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small" data-testid="deposit-due">
                <Statistic title={t('deposit.due')} value={deposit.topUpDueDate ?? '—'} />
                {deposit.topUpDueDate && snapshot.depositDueEndMs !== null && (
                  <Space direction="vertical" size={0}>
                    <Typography.Text type="secondary">
                      {t('overview.daysLeft', daysLeft(daysUntil(deposit.topUpDueDate, now)))}
                    </Typography.Text>
                    <Countdown deadlineMs={snapshot.depositDueEndMs} testId="deposit-countdown" />
                  </Space>
                )}
              </Card>
            </Col>
          </Row>
          {rules && (
            <Alert
              style={{ marginTop: 16 }}
              type={deposit.extraDepositRisk ? 'warning' : 'info'}
              showIcon
              data-testid="deposit-risk"
              message={t('deposit.deductions', { n: deposit.deductionsLast12Months })}
              description={
                deposit.extraDepositRisk
                  ? t('deposit.riskYes', {
                      limit: rules.maxDeductionsInWindow,
                      extra: money.format(deposit.extraDepositYuan),
                    })
                  : t('deposit.riskNo', { limit: rules.maxDeductionsInWindow })
              }
            />
          )}
          <Card
            title={t('deposit.chart')}
            size="small"
            style={{ marginTop: 16 }}
            extra={<AsOf at={snapshot.at} />}
          >
            <Chart
              label={`${t('deposit.chart')}: ${deposit.history.map((h) => `${h.at.slice(0, 10)} ${h.balance}/${h.required}`).join(', ')}`}
              testId="chart-deposit"
              option={{
                tooltip: { trigger: 'axis' },
                legend: { top: 0, data: [t('deposit.balance'), t('deposit.required')] },
                grid: { left: 60, right: 16, top: 36, bottom: 30 },
                xAxis: { type: 'time' },
                yAxis: { type: 'value' },
                series: [
                  {
                    name: t('deposit.balance'),
                    type: 'line',
                    step: 'end',
                    data: [...deposit.history.map((h) => [h.at, h.balance]), [deposit.at, deposit.balance]],
                  },
                  {
                    name: t('deposit.required'),
                    type: 'line',
                    step: 'end',
                    lineStyle: { type: 'dashed' },
                    data: [...deposit.history.map((h) => [h.at, h.required]), [deposit.at, deposit.required]],
                  },
                ],
              }}
            />
          </Card>
        </>
      ) : (
        <Alert type="info" showIcon message={t('overview.noLedger')} />
      )}
      <Card
        title={t('deposit.ledger')}
        size="small"
        style={{ marginTop: 16 }}
        extra={
          <Space>
            <DeleteSelectedButton kind="ledger" selection={selection} readOnly={readOnly} />
            <TableSearch
              label={t('deposit.search')}
              hint={t('deposit.searchHint')}
              onSearch={setSearch}
              testId="ledger-search"
            />
          </Space>
        }
      >
        <Table<LedgerRecord>
          rowKey={(r) => String(r.id)}
          size="small"
          dataSource={table.rows}
          loading={table.loading}
          data-testid="ledger-table"
          data-total={table.total}
          rowSelection={selection.rowSelection}
          pagination={pagination(table.total)}
          columns={[
            { title: t('deposit.form.id'), render: (_, r) => String(r.id) },
            { title: t('deposit.columns.at'), dataIndex: 'at', render: (v: string) => beijingMinute(v) },
            {
              title: t('deposit.columns.type'),
              dataIndex: 'type',
              render: (type: LedgerRecord['type']) => t(`deposit.types.${type}`),
            },
            {
              title: t('deposit.columns.amount'),
              dataIndex: 'amount',
              align: 'right',
              render: (v: number, r) =>
                `${r.type === 'deduction' || r.type === 'withdrawal' ? '−' : ''}${money.format(v)}`,
            },
            {
              title: t('deposit.columns.balance'),
              align: 'right',
              render: (_, r) => {
                const h = history.get(String(r.id));
                return h ? money.format(h.balance) : '—';
              },
            },
            {
              title: t('deposit.columns.required'),
              align: 'right',
              render: (_, r) => {
                const h = history.get(String(r.id));
                return h ? money.format(h.required) : '—';
              },
            },
            {
              title: t('deposit.columns.reason'),
              dataIndex: 'reason',
              render: (v: string | null) => v ?? '',
            },
            {
              title: t('deposit.columns.source'),
              render: (_, r) => (
                <Tooltip title={`${r.sourceFile ?? ''} ${beijingMinute(r.sourceAt)}`}>
                  {t(`sources.${r.source}`)}
                </Tooltip>
              ),
            },
            {
              title: '',
              key: 'delete',
              width: 48,
              render: (_, r) => <DeleteRecordButton kind="ledger" id={r.id} readOnly={readOnly} />,
            },
          ]}
        />
      </Card>
      <EntryForm open={adding} onClose={() => setAdding(false)} />
    </div>
  );
}
