/**
 * Points page: the violations with their penalties and appeal state, the year's total against the
 * expulsion line with the reset date, the freeze timeline, the what-if simulator and — when the
 * JD store 2021 pack is enabled — its general and serious ledgers side by side.
 */
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  Modal,
  Radio,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
  message,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { AppealState, ResponseOf, ViolationRecord } from '../../../../shared/ipc/contract';
import type { StorePointsReport } from '../../../../shared/points/store';
import { ruleIds, type RuleId } from '../../../../shared/check/types';
import { useApp } from '../../stores/app-store';
import { useCompliance } from '../../stores/compliance-store';
import { beijingIsoOf, beijingMinute, blankToNull } from '../../stores/compliance-view';
import { PointsGauge } from '../../features/compliance/charts';
import { isAnnual } from '../../features/compliance/annual-report';
import { AsOf } from '../../features/compliance/AsOf';
import { ComplianceHeader } from '../../features/compliance/ComplianceHeader';
import { ExpulsionBanner } from '../../features/points/ExpulsionBanner';
import { useLinkedViolation } from '../../features/points/use-linked-violation';
import { useScrollToRow } from '../../features/search/use-scroll-to-row';
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
import { errorText } from '../../features/errors/error-text';

const appealStates: AppealState[] = ['none', 'filed', 'upheld', 'overturned'];
const ticketKinds = ['consultation', 'complaint', 'after-sales-email', 'after-sales-phone'] as const;
type WhatIfResult = ResponseOf<'compliance.whatIf'>;

function ViolationForm({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation('compliance');
  const locale = useApp((s) => s.locale);
  const { saveViolation, catalog, snapshot } = useCompliance();
  const [form] = Form.useForm();
  const policy = Form.useWatch('policy', form) as string | undefined;
  // Filled once as the dialog opens. The snapshot reloads under an open dialog (each data.changed),
  // so it is read here, not depended on: a reload must not wipe what the user typed (issue 14).
  useEffect(() => {
    if (!open) return;
    const { snapshot: opened, now } = useCompliance.getState();
    form.setFieldsValue({
      id: '',
      policy: opened?.policies[0],
      code: undefined,
      occurredAt: beijingIsoOf(now()),
      decidedAt: '',
    });
  }, [open, form]);
  const codes = catalog?.packs.find((p) => p.id === policy)?.codes ?? [];
  const save = async (v: {
    id: string;
    policy: string;
    code: string;
    occurredAt: string;
    decidedAt?: string;
  }) => {
    await saveViolation({
      policy: v.policy,
      violation: {
        id: v.id.trim(),
        code: v.code,
        occurredAt: v.occurredAt.trim(),
        decidedAt: blankToNull(v.decidedAt),
      },
    });
  };
  return (
    <EntryModal open={open} title={t('points.record')} form={form} save={save} onClose={onClose} width={640}>
      <Form.Item name="id" label={t('points.form.id')} rules={[{ required: true, whitespace: true }]}>
        <Input />
      </Form.Item>
      <Form.Item name="policy" label={t('points.form.policy')} rules={[{ required: true }]}>
        <Select
          options={(snapshot?.policies ?? []).map((id) => ({
            value: id,
            label: catalog?.packs.find((p) => p.id === id)?.name[locale] ?? id,
          }))}
        />
      </Form.Item>
      <Form.Item name="code" label={t('points.form.code')} rules={[{ required: true }]}>
        <Select
          showSearch
          optionFilterProp="label"
          options={codes.map((c) => ({
            value: c.code,
            label: `${c.code} · ${c.text[locale]} (${c.points})`,
          }))}
        />
      </Form.Item>
      <Form.Item name="occurredAt" label={t('points.form.occurredAt')} rules={[{ required: true }]}>
        <BeijingDateTimePicker />
      </Form.Item>
      <Form.Item name="decidedAt" label={t('points.form.decidedAt')}>
        <BeijingDateTimePicker />
      </Form.Item>
    </EntryModal>
  );
}

function AppealForm({ violation, onClose }: { violation: ViolationRecord | null; onClose: () => void }) {
  const { t } = useTranslation('compliance');
  const appeal = useCompliance((s) => s.appeal);
  const [form] = Form.useForm();
  useEffect(() => {
    if (violation) form.setFieldsValue({ state: violation.appeal.state, note: violation.appeal.note ?? '' });
  }, [violation, form]);
  const submit = async () => {
    if (!violation) return;
    const v = (await form.validateFields()) as { state: AppealState; note?: string };
    try {
      const note = blankToNull(v.note);
      await appeal({ id: violation.id, state: v.state, ...(note ? { note } : {}) });
      void message.success(t('saved'));
      onClose();
    } catch (error) {
      void message.error(errorText(error));
    }
  };
  return (
    <Modal
      open={violation !== null}
      title={`${t('points.appeal')} ${violation ? String(violation.id) : ''}`}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('save')}
      cancelText={t('cancel')}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item name="state" label={t('points.columns.appeal')}>
          <Select options={appealStates.map((s) => ({ value: s, label: t(`points.appealStates.${s}`) }))} />
        </Form.Item>
        <Form.Item name="note" label={t('points.appealNote')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** A self-check rule's name (workspace:rules); a rule pack's own rule id stays its id. */
const isRuleId = (id: string): id is RuleId => (ruleIds as readonly string[]).includes(id);

function WhatIf() {
  const { t } = useTranslation('compliance');
  const { t: tw } = useTranslation('workspace');
  const locale = useApp((s) => s.locale);
  const { catalog, snapshot, whatIf } = useCompliance();
  const [by, setBy] = useState<'code' | 'rule' | 'lateTicket'>('code');
  const [choice, setChoice] = useState<string | undefined>();
  const [result, setResult] = useState<WhatIfResult | null>(null);
  const primary = snapshot?.policies[0];
  const pack = catalog?.packs.find((p) => p.id === primary);
  // Options name the rule and the violation it risks, never bare ids (issue 17).
  const codeName = (code: string | undefined) =>
    code === undefined ? '' : (pack?.codes.find((c) => c.code === code)?.text[locale] ?? code);
  const options =
    by === 'code'
      ? (pack?.codes ?? []).map((c) => ({ value: c.code, label: `${c.code} · ${c.text[locale]}` }))
      : by === 'rule'
        ? (catalog?.selfCheckRules ?? []).map((r) => ({
            value: r.rule,
            label: `${isRuleId(r.rule) ? tw(`rules.${r.rule}`) : r.rule} → ${codeName(r.penaltyCode)}`,
          }))
        : ticketKinds.map((k) => ({
            value: k,
            label: `${t(`kinds.${k}`)} → ${codeName(catalog?.lateTicketCodes[k])}`,
          }));
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY' });
  const run = async () => {
    if (!choice) return;
    try {
      const request =
        by === 'code'
          ? { code: choice }
          : by === 'rule'
            ? { rule: choice }
            : { lateTicket: choice as (typeof ticketKinds)[number] };
      setResult(await whatIf({ ...(primary ? { policy: primary } : {}), ...request }));
    } catch (error) {
      void message.error(errorText(error));
    }
  };
  return (
    <Card title={t('points.whatIf')} size="small" data-testid="what-if">
      <Typography.Paragraph type="secondary">{t('points.whatIfHint')}</Typography.Paragraph>
      <Space wrap>
        <Radio.Group
          value={by}
          onChange={(e) => {
            setBy(e.target.value as typeof by);
            setChoice(undefined);
            setResult(null);
          }}
          optionType="button"
          options={(['code', 'rule', 'lateTicket'] as const).map((k) => ({
            value: k,
            label: t(`points.whatIfBy.${k}`),
          }))}
        />
        <Select
          aria-label={t(`points.whatIfBy.${by}`)}
          showSearch
          optionFilterProp="label"
          style={{ width: 360 }}
          value={choice}
          onChange={setChoice}
          options={options}
        />
        <Button type="primary" onClick={() => void run()} disabled={!choice}>
          {t('points.simulate')}
        </Button>
      </Space>
      {result && (
        <Descriptions size="small" column={1} style={{ marginTop: 12 }} bordered data-testid="what-if-result">
          <Descriptions.Item label={t('points.columns.code')}>
            {result.code} · {result.text[locale]}
          </Descriptions.Item>
          {result.model === 'annual' ? (
            <>
              <Descriptions.Item label={t('points.total')}>
                {t('points.whatIfResult', { before: result.before.total, after: result.after.total })}
              </Descriptions.Item>
              <Descriptions.Item label={t('overview.expelled')}>
                {result.after.expelled ? (
                  <StatusTag tone="bad">{t('points.wouldExpel')}</StatusTag>
                ) : (
                  <StatusTag tone="good">{t('points.noExpel')}</StatusTag>
                )}
              </Descriptions.Item>
              <Descriptions.Item label={t('points.columns.freeze')}>
                {result.freeze
                  ? t('points.freezeEffect', {
                      days: result.freeze.days,
                      until: beijingMinute(result.freeze.until),
                    })
                  : t('points.noFreeze')}
              </Descriptions.Item>
              <Descriptions.Item label={t('points.columns.deduction')}>
                {t('points.depositEffect', {
                  v:
                    result.depositDeduction === 'all'
                      ? t('points.all')
                      : money.format(result.depositDeduction),
                })}
              </Descriptions.Item>
            </>
          ) : (
            <Descriptions.Item
              label={result.category === 'general' ? t('points.general') : t('points.serious')}
            >
              {t('points.whatIfResult', { before: result.before, after: result.after })}
            </Descriptions.Item>
          )}
        </Descriptions>
      )}
    </Card>
  );
}

function StoreLedgers({ report }: { report: StorePointsReport }) {
  const { t } = useTranslation('compliance');
  const locale = useApp((s) => s.locale);
  return (
    <Card title={t('points.storeLedgers')} size="small" data-testid="store-ledgers">
      <Row gutter={16}>
        {(['general', 'serious'] as const).map((category) => {
          const bucket = report[category];
          return (
            <Col xs={24} md={12} key={category}>
              <Typography.Title level={5}>
                {t(`points.${category}`)}: {bucket.total}
              </Typography.Title>
              {bucket.thresholdsReached.length > 0 && (
                <Alert
                  type="warning"
                  showIcon
                  message={t('points.thresholds')}
                  description={bucket.thresholdsReached
                    .map((t) => `${t.points}: ${t.action[locale]}`)
                    .join('；')}
                />
              )}
              <Table
                size="small"
                rowKey={(r) => String(r.violationId)}
                pagination={false}
                dataSource={bucket.counted}
                footer={
                  bucket.countedTotal > bucket.counted.length
                    ? () => t('points.latestOf', { shown: bucket.counted.length, total: bucket.countedTotal })
                    : undefined
                }
                columns={[
                  { title: t('points.columns.id'), render: (_, r) => String(r.violationId) },
                  { title: t('points.columns.code'), dataIndex: 'code' },
                  { title: t('points.columns.points'), dataIndex: 'points' },
                  {
                    title: t('points.columns.decided'),
                    dataIndex: 'decidedAt',
                    render: (v: string) => beijingMinute(v),
                  },
                ]}
              />
            </Col>
          );
        })}
      </Row>
    </Card>
  );
}

export function PointsPage({ readOnly }: PageProps) {
  const { t } = useTranslation('compliance');
  const { locale, params } = useApp();
  const { snapshot, catalog } = useSnapshot();
  const [recording, setRecording] = useState(false);
  const [appealing, setAppealing] = useState<ViolationRecord | null>(null);
  const codeIndex = useMemo(() => {
    const map = new Map<string, NonNullable<typeof catalog>['packs'][number]['codes'][number]>();
    for (const pack of catalog?.packs ?? []) for (const c of pack.codes) map.set(`${pack.id}/${c.code}`, c);
    return map;
  }, [catalog]);
  const { search, setSearch, pageIndex, setPageIndex, pagination } = useServerPaging();
  const linked = useLinkedViolation(params, search, setPageIndex);
  // Searched and paged in SQL (compliance.violations): id, code or the code's name.
  const request = useMemo(
    () => ({ offset: (pageIndex - 1) * PAGE_SIZE, limit: PAGE_SIZE, ...(search ? { query: search } : {}) }),
    [search, pageIndex],
  );
  const table = usePagedRecords('compliance.violations', request, snapshot?.atMs);
  const selection = useRecordSelection<ViolationRecord>(search, readOnly);
  useScrollToRow(
    linked,
    table.rows.some((r) => String(r.id) === linked),
  );
  if (!snapshot) return <Typography.Text>{t('loading')}</Typography.Text>;
  const annual = snapshot.points.find(isAnnual);
  const store = snapshot.points.find((r): r is StorePointsReport => 'general' in r);
  const annualPack = catalog?.packs.find((p) => p.id === annual?.policy);
  const line = annualPack?.expelAt ?? 24;
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY' });
  const freezes = (annual?.counted ?? []).filter((c) => c.freezeUntil !== null);
  const active = new Set((annual?.activeFreezes ?? []).map((f) => String(f.violationId)));

  return (
    <div data-testid="points-page">
      <ComplianceHeader
        title={t('points.title')}
        at={snapshot.at}
        readOnly={readOnly}
        records="violations"
        add={{ label: t('points.record'), onClick: () => setRecording(true) }}
      />
      <ExpulsionBanner report={annual} line={line} />
      <Row gutter={[16, 16]}>
        <Col xs={24} md={8}>
          <Card
            title={`${t('points.total')} ${annual?.year ?? ''}`}
            size="small"
            extra={<AsOf at={snapshot.at} />}
          >
            {annual ? (
              <>
                <PointsGauge
                  total={annual.total}
                  line={line}
                  label={t('overview.pointsOf', { total: annual.total, line })}
                />
                <Typography.Paragraph data-testid="points-total">
                  {t('overview.pointsOf', { total: annual.total, line })}
                </Typography.Paragraph>
                {annualPack?.resetAt && (
                  <Typography.Paragraph type="secondary">
                    {t('points.reset', { text: annualPack.resetAt[locale] })}
                  </Typography.Paragraph>
                )}
              </>
            ) : (
              <Typography.Text type="secondary">{t('none')}</Typography.Text>
            )}
          </Card>
        </Col>
        <Col xs={24} md={16}>
          <Card
            title={t('points.freezeTimeline')}
            size="small"
            extra={<AsOf at={snapshot.at} />}
            data-testid="freeze-timeline"
          >
            {freezes.length === 0 ? (
              <Typography.Text type="secondary">{t('overview.noFreezes')}</Typography.Text>
            ) : (
              <Timeline
                items={freezes.map((f) => ({
                  color: active.has(String(f.violationId)) ? 'red' : 'gray',
                  children: `${String(f.violationId)} · ${f.code} · ${beijingMinute(f.decidedAt)} → ${beijingMinute(f.freezeUntil)} (${t('points.days', { n: f.freeze as number })})`,
                }))}
              />
            )}
            {annual && annual.countedTotal > annual.counted.length && (
              <Typography.Text type="secondary">
                {t('points.latestOf', { shown: annual.counted.length, total: annual.countedTotal })}
              </Typography.Text>
            )}
          </Card>
        </Col>
      </Row>
      <Card
        title={t('points.title')}
        size="small"
        style={{ marginTop: 16 }}
        extra={
          <Space>
            <DeleteSelectedButton kind="violations" selection={selection} readOnly={readOnly} />
            <TableSearch
              label={t('points.search')}
              hint={t('points.searchHint')}
              onSearch={setSearch}
              testId="violations-search"
            />
          </Space>
        }
      >
        <Table<ViolationRecord>
          rowKey={(r) => String(r.id)}
          size="small"
          dataSource={table.rows}
          loading={table.loading}
          data-testid="violations-table"
          data-total={table.total}
          rowSelection={selection.rowSelection}
          onHeaderRow={() => ({ style: { whiteSpace: 'nowrap' } })}
          rowClassName={(r) => (linked === String(r.id) ? 'ant-table-row-selected' : '')}
          onRow={(r) => (linked === String(r.id) ? { 'aria-current': true } : {})}
          pagination={pagination(table.total)}
          columns={[
            { title: t('points.columns.id'), render: (_, r) => String(r.id) },
            { title: t('points.columns.code'), render: (_, r) => <Tag>{r.code}</Tag> },
            {
              title: t('points.columns.clause'),
              width: 300,
              render: (_, r) => codeIndex.get(`${r.policy}/${r.code}`)?.text[locale] ?? '',
            },
            {
              title: t('points.columns.points'),
              render: (_, r) => r.penalty?.points ?? '—',
            },
            {
              title: t('points.columns.freeze'),
              render: (_, r) => {
                const f = r.penalty?.freeze ?? null;
                return f === null ? (
                  '—'
                ) : f === 'expel' ? (
                  <StatusTag tone="bad">{t('points.expel')}</StatusTag>
                ) : f === 0 ? (
                  '—'
                ) : (
                  t('points.days', { n: f })
                );
              },
            },
            {
              title: t('points.columns.deduction'),
              render: (_, r) => {
                const d = r.penalty?.deduction ?? null;
                return d === null ? '—' : d === 'all' ? t('points.all') : d === 0 ? '—' : money.format(d);
              },
            },
            {
              title: t('points.columns.decided'),
              render: (_, r) =>
                r.decidedAt ? beijingMinute(r.decidedAt) : <Tag>{t('points.undecided')}</Tag>,
            },
            {
              title: t('points.columns.appeal'),
              render: (_, r) => (
                <Button
                  size="small"
                  onClick={() => setAppealing(r)}
                  disabled={readOnly}
                  aria-label={`${t(`points.appealStates.${r.appeal.state}`)} · ${t('points.appeal')} ${String(r.id)}`}
                >
                  {t(`points.appealStates.${r.appeal.state}`)}
                </Button>
              ),
            },
            { title: t('points.columns.source'), render: (_, r) => t(`sources.${r.source}`) },
            {
              title: '',
              key: 'delete',
              width: 48,
              render: (_, r) => <DeleteRecordButton kind="violations" id={r.id} readOnly={readOnly} />,
            },
          ]}
        />
      </Card>
      <div style={{ marginTop: 16 }}>
        <WhatIf />
      </div>
      {store && (
        <div style={{ marginTop: 16 }}>
          <StoreLedgers report={store} />
        </div>
      )}
      <ViolationForm open={recording} onClose={() => setRecording(false)} />
      <AppealForm violation={appealing} onClose={() => setAppealing(null)} />
    </div>
  );
}
