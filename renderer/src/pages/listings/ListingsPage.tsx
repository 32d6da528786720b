/**
 * The listings page: every listing with its check state, blockers, warnings, exposure and last
 * check (from the stored runs), searchable, filterable and sortable; a virtualised table so
 * 10,000 rows stay smooth. Import (files, folders, drag and drop) and export as before.
 */
import {
  CopyOutlined,
  DeleteOutlined,
  DownloadOutlined,
  EditOutlined,
  FolderOpenOutlined,
  PlusOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import {
  Button,
  ConfigProvider,
  Empty,
  Input,
  List,
  Modal,
  Progress,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  message,
} from 'antd';
import { useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { ruleIds, type RuleId, type Severity } from '../../../../shared/check/types';
import type { ImportFileResult, ListingSortField, ListingSummary } from '../../../../shared/ipc/contract';
import { billingKinds, type Listing } from '../../../../shared/listing/schema';
import { downloadText } from '../../download';
import { ImportResultItem } from '../../components/ImportResultItem';
import { useApp } from '../../stores/app-store';
import { useListings } from '../../stores/listings-store';
import { exposureParts } from './FindingsPanel';
import { ListingForm } from './ListingForm';
import { emptyFormValues, fromFormValues } from '../../features/listing-form/listing-form-model';
import { checkStateOf, severities, type CheckState } from './workspace-model';
import { LOAD_AHEAD_PX, useListingsTable } from '../../features/listings-table/use-listings-table';
import { PageHeader } from '../../components/PageHeader';
import { DraftRestoreBanner } from '../../features/drafts/DraftRestoreBanner';
import { deleteWithUndo } from '../../features/undo/undoable-delete';
import { call } from '../../api';
import { useTranslation } from 'react-i18next';
import { i18n } from '../../i18n/i18n';

/** Every .json file of a drop, folders included (webkitGetAsEntry walks them). */
async function droppedFiles(items: DataTransferItemList): Promise<File[]> {
  const entries = Array.from(items)
    .map((item) => item.webkitGetAsEntry?.())
    .filter((e): e is FileSystemEntry => !!e);
  const out: File[] = [];
  const walk = async (entry: FileSystemEntry): Promise<void> => {
    if (entry.isFile) {
      if (entry.name.toLowerCase().endsWith('.json'))
        out.push(
          await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject)),
        );
      return;
    }
    const reader = (entry as FileSystemDirectoryEntry).createReader();
    // readEntries returns at most 100 entries per call: read until it returns none.
    for (;;) {
      const batch = await new Promise<FileSystemEntry[]>((resolve, reject) =>
        reader.readEntries(resolve, reject),
      );
      if (batch.length === 0) break;
      for (const child of batch) await walk(child);
    }
  };
  for (const entry of entries) await walk(entry);
  return out;
}

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
/**
 * antd's default greys and link blue fail WCAG 4.5:1 contrast on the grey page background (axe:
 * serious); these pass it.
 */
const accessibleTheme = {
  token: {
    colorTextPlaceholder: '#5c6670',
    colorTextSecondary: '#4d5661',
    colorTextDescription: '#4d5661',
    colorLink: '#0550ae',
    colorTextQuaternary: '#5c6670',
  },
};

export function ListingsPage({ readOnly }: { readOnly: boolean }) {
  const { locale } = useApp();
  const { t } = useTranslation(['workspace', 'common', 'undo']);
  // Only the list's slice: the editor's draft changes on every keystroke, and re-rendering the
  // page (with the table and the editor under it) for that would delay typing.
  const {
    version,
    importing,
    cancelImport,
    duplicate,
    load,
    importFiles,
    exportFile,
    openEditor,
    closeEditor,
  } = useListings(
    useShallow((s) => ({
      version: s.version,
      importing: s.importing,
      cancelImport: s.cancelImport,
      duplicate: s.duplicate,
      load: s.load,
      importFiles: s.importFiles,
      exportFile: s.exportFile,
      openEditor: s.openEditor,
      closeEditor: s.closeEditor,
    })),
  );
  const [query, setQuery] = useState('');
  const [state, setState] = useState<CheckState | undefined>();
  const [rule, setRule] = useState<RuleId | undefined>();
  const [severity, setSeverity] = useState<Severity | undefined>();
  const [sort, setSort] = useState<{ field: ListingSortField; order: 'asc' | 'desc' }>({
    field: 'updatedAt',
    order: 'desc',
  });
  const [selected, setSelected] = useState<string[]>([]);
  const [importResults, setImportResults] = useState<ImportFileResult[] | null>(null);
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);

  // webkitdirectory is not in React's input props; set it on the element.
  useEffect(() => {
    folderInput.current?.setAttribute('webkitdirectory', '');
  }, []);

  // Filters, sort and paging run in SQL (checks.page); the table fetches pages as it scrolls.
  const tableQuery = useMemo(
    () => ({
      sort,
      ...(query.trim() ? { query: query.trim() } : {}),
      ...(state ? { state } : {}),
      ...(rule ? { rule } : {}),
      ...(severity ? { severity } : {}),
    }),
    [sort, query, state, rule, severity],
  );
  const table = useListingsTable(tableQuery, version);
  useEffect(() => {
    if (table.error) void message.error(table.error);
  }, [table.error]);
  const sortOrder = (field: ListingSortField) =>
    sort.field === field ? (sort.order === 'asc' ? ('ascend' as const) : ('descend' as const)) : null;

  const edit = (localId: string | null) =>
    void openEditor(localId, fromFormValues(emptyFormValues()) as Listing).catch((error: unknown) =>
      message.error(error instanceof Error ? error.message : String(error)),
    );

  async function runImport(fileList: FileList | File[]) {
    const picked = Array.from(fileList).filter(
      (f) => f.name.toLowerCase().endsWith('.json') || f.type === 'application/json',
    );
    const files = await Promise.all(
      picked.map(async (f) => ({ name: f.webkitRelativePath || f.name, text: await f.text() })),
    );
    if (files.length === 0) return;
    const key = 'import-progress';
    try {
      const results = await importFiles(files);
      const ok = results.filter((r) => r.ok);
      const saved = results.reduce((n, r) => n + r.imported, 0);
      if (results.some((r) => r.cancelled))
        message.warning({ key, content: t('list.importCancelled', { n: saved }) });
      else
        message.success({
          key,
          content: t('common:listings.importSummary', {
            ok: ok.length,
            bad: results.length - ok.length,
            count: ok.reduce((n, r) => n + r.imported, 0),
          }),
        });
      setImportResults(results);
    } catch (error) {
      message.error({ key, content: error instanceof Error ? error.message : String(error) });
    }
  }

  async function runExport(localIds?: string[]) {
    try {
      const file = await exportFile(localIds);
      downloadText(file.fileName, file.text);
      message.success(t('common:listings.exported', { n: file.count }));
    } catch (error) {
      message.error(error instanceof Error ? error.message : String(error));
    }
  }

  /** Deletes at once; the message's Undo puts the listings (and their check history) back. */
  const removeWithUndo = async (localIds: string[]) => {
    const done = await deleteWithUndo(() => call('listings.deleteMany', { localIds }), load);
    if (done) setSelected((keys) => keys.filter((k) => !localIds.includes(k)));
  };

  /** A click handler that reports the action's outcome; both branches are handled, so nothing can reject. */
  const act = (fn: () => Promise<unknown>, done: string) => () => {
    void fn().then(
      () => message.success(done),
      (error: unknown) => message.error(error instanceof Error ? error.message : String(error)),
    );
  };

  const dateFormat = new Intl.DateTimeFormat(locale, {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: 'Asia/Shanghai',
  });
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY' });

  return (
    <ConfigProvider theme={accessibleTheme}>
      <div
        onDragOver={(e) => {
          if (readOnly) return;
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          if (readOnly) return;
          const items = e.dataTransfer.items;
          void (items?.length ? droppedFiles(items) : Promise.resolve(Array.from(e.dataTransfer.files))).then(
            runImport,
          );
        }}
        style={{ outline: dragging ? '2px dashed #1677ff' : undefined, minHeight: '100%' }}
        data-testid="listings-page"
      >
        <PageHeader
          title={t('common:listings.title')}
          marginBottom={12}
          actions={
            <>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => edit(null)} disabled={readOnly}>
                {t('common:listings.create')}
              </Button>
              <Button
                icon={<UploadOutlined />}
                onClick={() => fileInput.current?.click()}
                disabled={readOnly}
              >
                {t('common:listings.import')}
              </Button>
              <Button
                icon={<FolderOpenOutlined />}
                onClick={() => folderInput.current?.click()}
                disabled={readOnly}
              >
                {t('list.folder')}
              </Button>
              <input
                ref={fileInput}
                type="file"
                accept=".json,application/json"
                multiple
                hidden
                data-testid="import-input"
                onChange={(e) => {
                  if (e.target.files) void runImport(e.target.files);
                  e.target.value = '';
                }}
              />
              <input
                ref={folderInput}
                type="file"
                multiple
                hidden
                data-testid="import-folder-input"
                onChange={(e) => {
                  if (e.target.files) void runImport(e.target.files);
                  e.target.value = '';
                }}
              />
              {selected.length > 0 && (
                <Button
                  danger
                  icon={<DeleteOutlined />}
                  disabled={readOnly}
                  data-testid="delete-selected"
                  onClick={() => void removeWithUndo(selected)}
                >
                  {t('undo:deleteSelected', { n: selected.length })}
                </Button>
              )}
              <Button
                icon={<DownloadOutlined />}
                onClick={() => void runExport(selected.length ? selected : undefined)}
                disabled={table.all === 0}
              >
                {selected.length ? t('common:listings.exportSelected') : t('common:listings.exportAll')}
              </Button>
            </>
          }
        />
        <DraftRestoreBanner readOnly={readOnly} />
        <Space wrap style={{ marginBottom: 12 }}>
          <Input.Search
            placeholder={t('common:listings.search')}
            allowClear
            onChange={(e) => setQuery(e.target.value)}
            style={{ width: 240 }}
            aria-label={t('common:listings.search')}
          />
          <Select
            allowClear
            aria-label={t('list.filterState')}
            placeholder={t('list.filterState')}
            style={{ width: 160 }}
            value={state}
            onChange={setState}
            options={(['ready', 'blocked', 'unchecked'] as const).map((v) => ({
              value: v,
              label: t(`list.stateOptions.${v}`),
            }))}
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            aria-label={t('list.filterRule')}
            placeholder={t('list.filterRule')}
            style={{ width: 200 }}
            value={rule}
            onChange={setRule}
            options={ruleIds.map((r) => ({ value: r, label: t(`rules.${r}`) }))}
          />
          <Select
            allowClear
            aria-label={t('list.filterSeverity')}
            placeholder={t('list.filterSeverity')}
            style={{ width: 140 }}
            value={severity}
            onChange={setSeverity}
            options={severities.map((s) => ({ value: s, label: t(`severity.${s}`) }))}
          />
          <Typography.Text type="secondary" data-testid="shown-count">
            {t('list.shown', { n: table.total, total: table.all })}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('list.dropHint')}
          </Typography.Text>
        </Space>
        {importing && (
          <div
            data-testid="import-progress"
            role="status"
            style={{ display: 'flex', alignItems: 'center', gap: 12, marginBottom: 12, maxWidth: 720 }}
          >
            <div style={{ flex: 1 }}>
              <Typography.Text>
                {t('common:listings.importing', { done: importing.file - 1, total: importing.files })}{' '}
                {importing.total > 0
                  ? t('list.importProgress', { done: importing.done, total: importing.total })
                  : t('list.importPreparing', { file: importing.file, files: importing.files })}
              </Typography.Text>
              <Progress
                percent={Math.floor(
                  ((importing.file - 1 + (importing.total > 0 ? importing.done / importing.total : 0)) /
                    importing.files) *
                    100,
                )}
                aria-label={t('list.importCancel')}
              />
            </div>
            <Button
              danger
              data-testid="import-cancel"
              disabled={importing.cancelling}
              onClick={() => void cancelImport().catch((e: unknown) => message.error(String(e)))}
            >
              {importing.cancelling ? t('list.importCancelling') : t('list.importCancel')}
            </Button>
          </div>
        )}
        <Table<ListingSummary>
          rowKey="localId"
          virtual
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
            setSort(
              field && s?.order
                ? { field, order: s.order === 'ascend' ? 'asc' : 'desc' }
                : { field: 'updatedAt', order: 'desc' },
            );
          }}
          rowSelection={{
            selectedRowKeys: selected,
            onChange: (keys) => setSelected(keys as string[]),
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
                  onClick={() => edit(row.localId)}
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
                    onClick={() => edit(row.localId)}
                    aria-label={`${t('common:common.edit')} ${row.title}`}
                  >
                    {t('common:common.edit')}
                  </Button>
                  <Button
                    size="small"
                    icon={<CopyOutlined />}
                    disabled={readOnly}
                    aria-label={`${t('common:common.duplicate')} ${row.title}`}
                    onClick={act(() => duplicate(row.localId), t('common:listings.duplicated'))}
                  />
                  <Button
                    size="small"
                    danger
                    icon={<DeleteOutlined />}
                    disabled={readOnly}
                    aria-label={`${t('common:common.delete')} ${row.title}`}
                    onClick={() => void removeWithUndo([row.localId])}
                  />
                </Space>
              ),
            },
          ]}
        />
        <ListingForm readOnly={readOnly} onClose={closeEditor} />
        <Modal
          open={importResults !== null}
          title={t('common:listings.importResultTitle')}
          onCancel={() => setImportResults(null)}
          footer={<Button onClick={() => setImportResults(null)}>{t('common:common.close')}</Button>}
        >
          <List
            dataSource={importResults ?? []}
            renderItem={(r) => (
              <ImportResultItem
                testId="import-result"
                title={r.name}
                ok={r.ok}
                okMessage={t('common:listings.importedFile', {
                  n: r.imported,
                  added: r.added ?? r.imported,
                  updated: r.updated ?? 0,
                })}
                failedMessage={t('common:listings.importFailedFile')}
                problems={r.problems}
              />
            )}
          />
        </Modal>
      </div>
    </ConfigProvider>
  );
}
