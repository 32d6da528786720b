/**
 * The listings with their check state, blockers, warnings, exposure and last check: a virtual
 * table (10,000 rows stay smooth) sorted in SQL, fetching the next page as it scrolls.
 */
import { CopyOutlined, DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Empty, Space, Table, Tag } from 'antd';
import type { CSSProperties, HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListingSortField, ListingSummary } from '../../../../shared/ipc/contract';
import { billingKinds } from '../../../../shared/listing/schema';
import { defaultListingSort, type ListingFilters } from '../../features/listings-table/use-listing-filters';
import { LOAD_AHEAD_PX, type ListingsTableData } from '../../features/listings-table/use-listings-table';
import { i18n } from '../../i18n/i18n';
import { useApp } from '../../stores/app-store';
import { exposureParts } from './FindingsPanel';
import { checkStateOf, type CheckState } from './workspace-model';

/** Summaries carry billing as text: a kind the schema does not know shows as stored. */
const isBillingKind = (b: string): b is (typeof billingKinds)[number] =>
  (billingKinds as readonly string[]).includes(b);

const TABLE_HEIGHT = 560;
/**
 * The columns' widths add up to this: at 1440 × 900 (sidebar and padding leave about 1,170 px)
 * every column shows without scrolling sideways; narrower windows scroll.
 */
const LISTING_TABLE_WIDTH = 1168;
/** Tag colours with 4.5:1 contrast (antd's preset tag colours are lighter). */
const stateTagStyle: Record<CheckState, CSSProperties> = {
  ready: { color: '#116329', background: '#dafbe1', borderColor: '#aceebb' },
  blocked: { color: '#a40e26', background: '#ffebe9', borderColor: '#ffcecb' },
  unchecked: { color: '#4d5661', background: '#f6f8fa', borderColor: '#d0d7de' },
};

/** The selection and what a row's buttons do. */
export interface ListingRowActions {
  selected: string[];
  onSelect(localIds: string[]): void;
  onEdit(localId: string): void;
  onDuplicate(localId: string): void;
  onDelete(localIds: string[]): void;
}

export interface ListingsTableProps {
  table: ListingsTableData;
  filters: Pick<ListingFilters, 'setSort' | 'sortOrder'>;
  readOnly: boolean;
  rowActions: ListingRowActions;
}

export function ListingsTable({ table, filters, readOnly, rowActions: on }: ListingsTableProps) {
  const { t } = useTranslation(['workspace', 'common']);
  const locale = useApp((s) => s.locale);
  const { sortOrder } = filters;
  const dateFormat = new Intl.DateTimeFormat(locale, {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: 'Asia/Shanghai',
  });
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY' });
  return (
    <Table<ListingSummary>
      rowKey="localId"
      virtual
      // A virtual table's rows are not table rows: the e2e tests find them by this test id.
      onRow={() => ({ 'data-testid': 'listing-row' }) as HTMLAttributes<HTMLElement>}
      scroll={{ x: LISTING_TABLE_WIDTH, y: TABLE_HEIGHT }}
      size="small"
      loading={table.loading && table.rows.length === 0}
      dataSource={table.rows}
      pagination={false}
      onScroll={(e) => {
        const el = e.currentTarget;
        if (el.scrollHeight - el.scrollTop - el.clientHeight < LOAD_AHEAD_PX) table.loadMore();
      }}
      onChange={(_pagination, _filters, sorter) => {
        const s = Array.isArray(sorter) ? sorter[0] : sorter;
        const field = s?.columnKey as ListingSortField | undefined;
        filters.setSort(
          field && s?.order ? { field, order: s.order === 'ascend' ? 'asc' : 'desc' } : defaultListingSort,
        );
      }}
      rowSelection={{
        selectedRowKeys: on.selected,
        onChange: (keys) => on.onSelect(keys as string[]),
        columnWidth: 48,
      }}
      locale={{ emptyText: <Empty description={t('common:listings.empty')} /> }}
      columns={[
        {
          title: t('common:listings.columns.title'),
          dataIndex: 'title',
          key: 'title',
          width: 190,
          sorter: true,
          sortOrder: sortOrder('title'),
          render: (title: string, row) => (
            <Button
              type="link"
              style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
              onClick={() => on.onEdit(row.localId)}
              data-edit-listing={row.localId}
            >
              {title || '—'}
            </Button>
          ),
        },
        {
          title: t('common:listings.columns.type'),
          dataIndex: 'type',
          width: 72,
          render: (v: ListingSummary['type']) => t(`common:types.${v}`),
        },
        {
          title: t('common:listings.columns.price'),
          width: 120,
          render: (_, r) =>
            `${money.format(r.priceAmount)} · ${isBillingKind(r.billing) ? t(`common:billing.${r.billing}`) : r.billing}`,
        },
        {
          title: t('list.checkState'),
          width: 130,
          render: (_, r) => {
            const s = checkStateOf(r);
            return (
              <Space size={4}>
                <Tag>{t(`common:listings.status.${r.status}`)}</Tag>
                <Tag style={stateTagStyle[s]}>
                  {s === 'blocked'
                    ? t('list.blocked', { n: r.check!.counts.blockers })
                    : t(`list.stateOptions.${s}`)}
                </Tag>
              </Space>
            );
          },
        },
        {
          title: t('list.blockers'),
          key: 'blockers',
          width: 64,
          sorter: true,
          sortOrder: sortOrder('blockers'),
          render: (_, r) => r.check?.counts.blockers ?? '—',
        },
        {
          title: t('list.warnings'),
          key: 'warnings',
          width: 64,
          sorter: true,
          sortOrder: sortOrder('warnings'),
          render: (_, r) => r.check?.counts.warnings ?? '—',
        },
        {
          title: t('list.exposure'),
          key: 'exposure',
          width: 140,
          sorter: true,
          sortOrder: sortOrder('exposure'),
          render: (_, r) => {
            if (!r.check) return '—';
            const p = exposureParts({ ...r.check.exposure, rows: [] }, i18n.getFixedT(null, 'workspace'));
            return `${p.points} · ${p.freeze} · ${p.deposit}`;
          },
        },
        {
          title: t('list.lastChecked'),
          key: 'checkedAt',
          width: 104,
          sorter: true,
          sortOrder: sortOrder('checkedAt'),
          render: (_, r) => (r.check ? dateFormat.format(new Date(r.check.checkedAt)) : t('list.never')),
        },
        {
          title: t('common:listings.columns.updated'),
          dataIndex: 'updatedAt',
          key: 'updatedAt',
          width: 104,
          sorter: true,
          sortOrder: sortOrder('updatedAt'),
          render: (v: string) => dateFormat.format(new Date(v)),
        },
        {
          title: t('common:common.actions'),
          width: 132,
          fixed: 'right',
          render: (_, row) => (
            <Space size="small">
              <Button
                size="small"
                icon={<EditOutlined />}
                onClick={() => on.onEdit(row.localId)}
                aria-label={`${t('common:common.edit')} ${row.title}`}
              >
                {t('common:common.edit')}
              </Button>
              <Button
                size="small"
                icon={<CopyOutlined />}
                disabled={readOnly}
                aria-label={`${t('common:common.duplicate')} ${row.title}`}
                onClick={() => on.onDuplicate(row.localId)}
              />
              <Button
                size="small"
                danger
                icon={<DeleteOutlined />}
                disabled={readOnly}
                aria-label={`${t('common:common.delete')} ${row.title}`}
                onClick={() => on.onDelete([row.localId])}
              />
            </Space>
          ),
        },
      ]}
    />
  );
}
