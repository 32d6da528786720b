/**
 * Service (SLA) page: tickets with live countdowns and filters, the breaches with the points each
 * risks, compliance by day and by staff member, and the month's service-hours calendar.
 */
import {
  Badge,
  Button,
  Calendar,
  Card,
  Col,
  Form,
  Input,
  Row,
  Select,
  Space,
  Table,
  Tooltip,
  Typography,
  message,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import type { TicketRecord, TicketWithSlaRecord } from '../../../../shared/ipc/contract';
import { useTicketsTable } from '../../features/tickets-table/use-tickets-table';
import { useLinkedTicket } from '../../features/tickets-table/use-linked-ticket';
import { useScrollToRow } from '../../features/search/use-scroll-to-row';
import { call } from '../../api';
import { useApp } from '../../stores/app-store';
import { useCompliance } from '../../stores/compliance-store';
import { beijingIsoOf, beijingMinute, blankToNull, percent } from '../../stores/compliance-view';
import { Chart } from '../../features/compliance/charts';
import { Countdown } from '../../features/compliance/Countdown';
import { AsOf } from '../../features/compliance/AsOf';
import { ComplianceHeader } from '../../features/compliance/ComplianceHeader';
import { StatusTag } from '../../features/compliance/StatusTag';
import { useSnapshot } from '../../features/compliance/use-snapshot';
import type { PageProps } from '../registry';
import { DeleteRecordButton } from '../../features/undo/ComplianceDataButtons';
import { DeleteSelectedButton, useRecordSelection } from '../../features/undo/record-selection';
import { BeijingDatePicker, BeijingDateTimePicker } from '../../features/datetime/BeijingDateTimePicker';
import { EntryModal } from '../../features/compliance/EntryModal';
import { UnconfirmedCalendarBanner } from '../../features/calendar/UnconfirmedCalendarBanner';
import { UnconfirmedTag } from '../../features/calendar/UnconfirmedTag';
import { TicketReplyButton } from '../../features/sync/TicketReplyButton';
import { PAGE_SIZE, useServerPaging } from '../../features/search/server-paging';
import { TableSearch } from '../../features/search/TableSearch';
import { useTranslation } from 'react-i18next';

const kinds = ['consultation', 'complaint', 'after-sales-email', 'after-sales-phone'] as const;
const statuses = ['pending', 'breached', 'met'] as const;
type Status = (typeof statuses)[number];

type Row = TicketWithSlaRecord;
/** The breach list shows this many (the table filtered to breached has them all). */
const BREACH_LIST = 50;

type DayInfo = {
  date: string;
  kind: 'workday' | 'weekend' | 'holiday' | 'makeup-workday';
  holidayName?: { en: string; zh: string };
  overridden?: string;
};

function ServiceCalendar({ at }: { at: string }) {
  const { t } = useTranslation('compliance');
  const locale = useApp((s) => s.locale);
  const [month, setMonth] = useState<Dayjs>(() => dayjs(at.slice(0, 10)));
  const [days, setDays] = useState<Map<string, DayInfo>>(new Map());
  const [hours, setHours] = useState<{ start: string; end: string } | null>(null);
  useEffect(() => {
    call('compliance.calendar', { year: month.year(), month: month.month() + 1 })
      .then((r) => {
        setDays(new Map((r.days as DayInfo[]).map((d) => [d.date, d])));
        setHours(r.serviceHours);
      })
      .catch((error: unknown) => void message.error(String(error)));
  }, [month]);
  const colors = {
    workday: 'green',
    weekend: '#bfbfbf',
    holiday: 'red',
    'makeup-workday': 'orange',
  } as const;
  const tones = { workday: 'good', weekend: 'neutral', holiday: 'bad', 'makeup-workday': 'warn' } as const;
  return (
    <Card
      title={t('service.calendar')}
      size="small"
      extra={
        hours && (
          <Typography.Text type="secondary">
            {t('service.serviceHours', { start: hours.start, end: hours.end })}
          </Typography.Text>
        )
      }
      data-testid="service-calendar"
    >
      <Calendar
        fullscreen={false}
        value={month}
        onPanelChange={(value) => setMonth(value)}
        // A labelled header instead of antd's unlabelled year/month selects.
        headerRender={({ value, onChange }) => (
          <Space style={{ justifyContent: 'space-between', width: '100%', marginBottom: 8 }}>
            <Button size="small" aria-label="‹" onClick={() => onChange(value.subtract(1, 'month'))}>
              ‹
            </Button>
            <Typography.Text strong data-testid="calendar-month">
              {value.format('YYYY-MM')}
            </Typography.Text>
            <Button size="small" aria-label="›" onClick={() => onChange(value.add(1, 'month'))}>
              ›
            </Button>
          </Space>
        )}
        onSelect={(value) => setMonth(value)}
        fullCellRender={(value, info) => {
          if (info.type !== 'date') return info.originNode;
          const day = days.get(value.format('YYYY-MM-DD'));
          // Days of the neighbouring months stay blank: faded numbers would be unreadable (contrast).
          if (value.month() !== month.month()) return <div aria-hidden="true" />;
          const name = day?.holidayName
            ? locale === 'en'
              ? day.holidayName.en
              : day.holidayName.zh
            : undefined;
          const label = day
            ? `${value.format('YYYY-MM-DD')} ${t(`service.dayKinds.${day.kind}`)}${name ? ` ${name}` : ''}`
            : value.format('YYYY-MM-DD');
          return (
            <Tooltip title={label}>
              <div aria-label={label} style={{ padding: 2 }} data-kind={day?.kind}>
                <div>{value.date()}</div>
                {day && day.kind !== 'weekend' && <Badge color={colors[day.kind]} />}
              </div>
            </Tooltip>
          );
        }}
      />
      <Space wrap style={{ marginTop: 8 }}>
        {(['workday', 'holiday', 'makeup-workday', 'weekend'] as const).map((k) => (
          <StatusTag key={k} tone={tones[k]}>
            <Badge color={colors[k]} /> {t(`service.dayKinds.${k}`)}
          </StatusTag>
        ))}
      </Space>
    </Card>
  );
}

function TicketForm({
  open,
  onClose,
  initial,
}: {
  open: boolean;
  onClose: () => void;
  initial: Partial<TicketRecord> | null;
}) {
  const { t } = useTranslation('compliance');
  const { saveTicket, now } = useCompliance();
  const [form] = Form.useForm();
  useEffect(() => {
    if (!open) return;
    form.setFieldsValue(
      initial
        ? {
            ...initial,
            id: String(initial.id ?? ''),
            firstResponseAt: initial.firstResponseAt ?? beijingIsoOf(now()),
            staff: initial.staff ?? '',
          }
        : { kind: 'consultation', openedAt: beijingIsoOf(now()), firstResponseAt: '', staff: '', id: '' },
    );
  }, [open, initial, form, now]);
  const save = async (values: {
    id: string;
    kind: (typeof kinds)[number];
    openedAt: string;
    firstResponseAt?: string;
    staff?: string;
  }) => {
    const staff = blankToNull(values.staff);
    // An existing numeric id stays a number (ids keep their JSON type, formats.md §3).
    const id =
      typeof initial?.id === 'number' && String(initial.id) === values.id.trim()
        ? initial.id
        : values.id.trim();
    await saveTicket({
      id,
      kind: values.kind,
      openedAt: values.openedAt.trim(),
      firstResponseAt: blankToNull(values.firstResponseAt),
      ...(staff ? { staff } : {}),
    });
  };
  return (
    <EntryModal open={open} title={t('service.addTicket')} form={form} save={save} onClose={onClose}>
      <Form.Item name="id" label={t('service.form.id')} rules={[{ required: true, whitespace: true }]}>
        <Input />
      </Form.Item>
      <Form.Item name="kind" label={t('service.form.kind')} rules={[{ required: true }]}>
        <Select options={kinds.map((k) => ({ value: k, label: t(`kinds.${k}`) }))} />
      </Form.Item>
      <Form.Item name="openedAt" label={t('service.form.openedAt')} rules={[{ required: true }]}>
        <BeijingDateTimePicker />
      </Form.Item>
      <Form.Item name="firstResponseAt" label={t('service.form.firstResponseAt')}>
        <BeijingDateTimePicker />
      </Form.Item>
      <Form.Item name="staff" label={t('service.form.staff')}>
        <Input />
      </Form.Item>
    </EntryModal>
  );
}

export function ServicePage({ readOnly }: PageProps) {
  const { t } = useTranslation('compliance');
  const locale = useApp((s) => s.locale);
  const params = useApp((s) => s.params);
  const { snapshot, catalog } = useSnapshot();
  const [kind, setKind] = useState<string | undefined>();
  const [status, setStatus] = useState<string | undefined>();
  const [staff, setStaff] = useState<string | undefined>();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [search, setSearch] = useState('');
  /** Bumped to empty the search box (it keeps what is typed itself) when a deep link clears the filters. */
  const [searchBox, setSearchBox] = useState(0);
  const [editing, setEditing] = useState<Partial<TicketRecord> | null | undefined>(undefined);

  const { pageIndex, setPageIndex, pagination: pagingOf } = useServerPaging();
  const [sort, setSort] = useState<{ field: 'openedAt' | 'deadline'; order: 'asc' | 'desc' }>({
    field: 'openedAt',
    order: 'asc',
  });
  // Filters, sort and paging run in SQL (compliance.tickets); the snapshot's instant reloads the page.
  const query = useMemo(
    () => ({
      sort,
      ...(kind ? { kind: kind as Row['kind'] } : {}),
      ...(status ? { status: status as Status } : {}),
      ...(staff ? { staff } : {}),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
      ...(search ? { query: search } : {}),
    }),
    [sort, kind, status, staff, from, to, search],
  );
  const selection = useRecordSelection<Row>(JSON.stringify(query), readOnly);
  const version = snapshot?.at;
  const table = useTicketsTable(query, { offset: (pageIndex - 1) * PAGE_SIZE, limit: PAGE_SIZE }, version);
  const linked = useLinkedTicket(params, query, setPageIndex, () => {
    setKind(undefined);
    setStatus(undefined);
    setStaff(undefined);
    setFrom('');
    setTo('');
    setSearch('');
    setSearchBox((n) => n + 1);
  });
  useScrollToRow(
    linked,
    table.rows.some((r) => String(r.id) === linked),
  );
  const breachQuery = useMemo(
    () => ({ status: 'breached' as const, sort: { field: 'deadline' as const, order: 'desc' as const } }),
    [],
  );
  const breachPage = useTicketsTable(breachQuery, { offset: 0, limit: BREACH_LIST }, version);
  const staffNames = snapshot?.staffNames ?? [];
  const filtered =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      setPageIndex(1);
      set(v);
    };

  // One definition for the filter controls: each was written out by hand before (issue 14).
  const filterSelects: {
    label: string;
    width: number;
    value: string | undefined;
    onChange: (v: string | undefined) => void;
    options: { value: string; label: string }[];
  }[] = [
    {
      label: t('service.filters.kind'),
      width: 150,
      value: kind,
      onChange: filtered(setKind),
      options: kinds.map((k) => ({ value: k, label: t(`kinds.${k}`) })),
    },
    {
      label: t('service.filters.status'),
      width: 130,
      value: status,
      onChange: filtered(setStatus),
      options: statuses.map((s) => ({ value: s, label: t(`statuses.${s}`) })),
    },
    {
      label: t('service.filters.staff'),
      width: 130,
      value: staff,
      onChange: filtered(setStaff),
      options: staffNames.map((s) => ({ value: s, label: s })),
    },
  ];
  const dateBounds = [
    [t('service.filters.from'), from, setFrom],
    [t('service.filters.to'), to, setTo],
  ] as const;
  const sortable = (field: typeof sort.field) =>
    ({
      key: field,
      sorter: true,
      sortOrder: sort.field === field ? (sort.order === 'asc' ? 'ascend' : 'descend') : null,
    }) as const;

  if (!snapshot) return <Typography.Text>{t('loading')}</Typography.Text>;
  const pack = catalog?.packs.find((p) => p.id === snapshot.sla?.policy);
  const risk = (k: Row['kind']) => {
    const code = catalog?.lateTicketCodes[k];
    const entry = pack?.codes.find((c) => c.code === code);
    return code && entry ? t('service.risks', { violation: entry.text[locale], points: entry.points }) : '';
  };
  const breaches = breachPage.rows;
  const byDay = snapshot.sla?.compliance.byDay ?? [];
  const byStaff = snapshot.sla?.compliance.byStaff ?? [];
  const rateSeries = (values: (number | null)[]) =>
    values.map((v) => (v === null ? null : Math.round(v * 1000) / 10));

  return (
    <div data-testid="service-page">
      <ComplianceHeader
        title={t('service.title')}
        at={snapshot.at}
        readOnly={readOnly}
        records="tickets"
        add={{ label: t('service.addTicket'), onClick: () => setEditing(null) }}
      />
      <UnconfirmedCalendarBanner readOnly={readOnly} />
      <Space wrap style={{ marginBottom: 12 }}>
        <TableSearch
          key={searchBox}
          label={t('service.search')}
          hint={t('service.searchHint')}
          onSearch={filtered(setSearch)}
          testId="tickets-search"
        />
        {filterSelects.map((f) => (
          <Select
            key={f.label}
            allowClear
            placeholder={f.label}
            aria-label={f.label}
            style={{ width: f.width }}
            value={f.value}
            onChange={f.onChange}
            options={f.options}
          />
        ))}
        <Typography.Text>{t('service.filters.range')}</Typography.Text>
        {dateBounds.map(([bound, value, set]) => (
          <BeijingDatePicker
            key={bound}
            aria-label={`${t('service.filters.range')} ${bound}`}
            placeholder={bound}
            value={value}
            onChange={filtered(set)}
          />
        ))}
        <DeleteSelectedButton kind="tickets" selection={selection} readOnly={readOnly} />
      </Space>
      <Table<Row>
        rowKey={(r) => String(r.id)}
        size="small"
        dataSource={table.rows}
        loading={table.loading}
        data-testid="tickets-table"
        data-total={table.total}
        rowSelection={selection.rowSelection}
        pagination={pagingOf(table.total, false)}
        onChange={(pagination, _filters, sorter) => {
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          const field = s?.columnKey as 'openedAt' | 'deadline' | undefined;
          const next =
            field && s?.order
              ? { field, order: s.order === 'ascend' ? ('asc' as const) : ('desc' as const) }
              : { field: 'openedAt' as const, order: 'asc' as const };
          if (next.field !== sort.field || next.order !== sort.order) {
            setSort(next);
            setPageIndex(1);
          } else setPageIndex(pagination.current ?? 1);
        }}
        rowClassName={(r) => (linked === String(r.id) ? 'ant-table-row-selected' : '')}
        // The record an alert opened, for screen readers too (and the e2e tests find it so).
        onRow={(r) => (linked === String(r.id) ? { 'aria-current': true } : {})}
        columns={[
          {
            title: t('service.columns.id'),
            render: (_, r) => (
              <Button
                type="link"
                size="small"
                style={{ padding: 0 }}
                onClick={() => setEditing(r)}
                disabled={readOnly}
              >
                {String(r.id)}
              </Button>
            ),
          },
          {
            title: t('service.columns.kind'),
            dataIndex: 'kind',
            render: (k: Row['kind']) => t(`kinds.${k}`),
          },
          {
            title: t('service.columns.opened'),
            dataIndex: 'openedAt',
            render: (v: string) => beijingMinute(v),
            ...sortable('openedAt'),
          },
          {
            title: t('service.columns.deadline'),
            dataIndex: 'deadline',
            render: (v: string, r) => (
              <>
                {v.slice(0, 19).replace('T', ' ')}
                {!r.calendarConfirmed && <UnconfirmedTag />}
              </>
            ),
            ...sortable('deadline'),
          },
          {
            title: t('service.columns.countdown'),
            render: (_, r) =>
              r.status === 'pending' ? (
                <Countdown deadlineMs={r.deadlineMs} testId={`ticket-countdown-${String(r.id)}`} />
              ) : (
                '—'
              ),
          },
          {
            title: t('service.columns.status'),
            dataIndex: 'status',
            render: (s: Status) => (
              <StatusTag tone={s === 'met' ? 'good' : s === 'breached' ? 'bad' : 'info'}>
                {t(`statuses.${s}`)}
              </StatusTag>
            ),
          },
          { title: t('service.columns.staff'), dataIndex: 'staff', render: (v: string | null) => v ?? '—' },
          {
            title: t('service.columns.source'),
            render: (_, r) => (
              <Tooltip title={`${r.sourceFile ?? ''} ${beijingMinute(r.sourceAt)}`}>
                {t(`sources.${r.source}`)}
              </Tooltip>
            ),
          },
          { title: '', key: 'reply', render: (_, r) => <TicketReplyButton ticket={r} readOnly={readOnly} /> },
          {
            title: '',
            key: 'delete',
            width: 48,
            render: (_, r) => <DeleteRecordButton kind="tickets" id={r.id} readOnly={readOnly} />,
          },
        ]}
      />
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} xl={12}>
          <Card
            title={t('service.breaches')}
            size="small"
            extra={<AsOf at={snapshot.at} />}
            data-testid="breach-list"
          >
            {breaches.length === 0 ? (
              <Typography.Text type="secondary">{t('none')}</Typography.Text>
            ) : (
              <ul style={{ margin: 0, paddingLeft: 16 }}>
                {breaches.map((b) => (
                  <li key={String(b.id)}>
                    <Typography.Text strong>{String(b.id)}</Typography.Text> · {t(`kinds.${b.kind}`)} ·{' '}
                    {beijingMinute(b.deadline)} ·{' '}
                    <Typography.Text type="danger">{risk(b.kind)}</Typography.Text>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <ServiceCalendar at={snapshot.at} />
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('service.byDay')} size="small" extra={<AsOf at={snapshot.at} />}>
            <Chart
              label={`${t('service.byDay')}: ${byDay.map((d) => `${d.date} ${percent(d.rate)}`).join(', ')}`}
              testId="chart-by-day"
              option={{
                tooltip: { trigger: 'axis' },
                grid: { left: 40, right: 16, top: 24, bottom: 30 },
                xAxis: { type: 'category', data: byDay.map((d) => d.date) },
                yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
                series: [
                  {
                    name: t('service.rate'),
                    type: 'bar',
                    data: rateSeries(byDay.map((d) => d.rate)),
                    itemStyle: { color: '#1f6feb' },
                  },
                ],
              }}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('service.byStaff')} size="small" extra={<AsOf at={snapshot.at} />}>
            <Chart
              label={`${t('service.byStaff')}: ${byStaff.map((d) => `${d.staff} ${percent(d.rate)}`).join(', ')}`}
              testId="chart-by-staff"
              option={{
                tooltip: { trigger: 'axis' },
                grid: { left: 60, right: 16, top: 24, bottom: 30 },
                xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
                yAxis: { type: 'category', data: byStaff.map((d) => d.staff) },
                series: [
                  {
                    name: t('service.rate'),
                    type: 'bar',
                    data: rateSeries(byStaff.map((d) => d.rate)),
                    itemStyle: { color: '#389e0d' },
                  },
                ],
              }}
            />
          </Card>
        </Col>
      </Row>
      <TicketForm
        open={editing !== undefined}
        initial={editing ?? null}
        onClose={() => setEditing(undefined)}
      />
    </div>
  );
}
