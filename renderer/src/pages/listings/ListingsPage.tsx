/** Listing drafts: create, edit, duplicate, delete, import and export (formats.md §1). */
import { CopyOutlined, DeleteOutlined, DownloadOutlined, EditOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Input, List, Modal, Popconfirm, Space, Table, Tag, Typography, message } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ImportFileResult, ListingRecord } from '../../../../shared/ipc/contract';
import { downloadText } from '../../download';
import { useApp } from '../../stores/app-store';
import { useListings } from '../../stores/listings-store';
import { ListingForm } from './ListingForm';

export function ListingsPage({ readOnly }: { readOnly: boolean }) {
  const { t, locale } = useApp();
  const { records, loading, load, duplicate, remove, importFiles, exportFile } = useListings();
  const [editing, setEditing] = useState<ListingRecord | null | undefined>(undefined);
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState<string[]>([]);
  const [importResults, setImportResults] = useState<ImportFileResult[] | null>(null);
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    void load().catch((error: unknown) => message.error(String(error)));
  }, [load]);

  const visible = useMemo(() => {
    const q = query.trim().toLowerCase();
    if (!q) return records;
    return records.filter((r) => r.listing.title.toLowerCase().includes(q) || (r.listing.id ?? '').toLowerCase().includes(q));
  }, [records, query]);

  async function runImport(fileList: FileList | File[]) {
    const files = await Promise.all(Array.from(fileList).map(async (f) => ({ name: f.name, text: await f.text() })));
    if (files.length === 0) return;
    const key = 'import-progress';
    message.loading({ key, content: t.listings.importing(0, files.length), duration: 0 });
    try {
      const results = await importFiles(files, (done) =>
        message.loading({ key, content: t.listings.importing(done, files.length), duration: 0 }),
      );
      const ok = results.filter((r) => r.ok);
      message.success({
        key,
        content: t.listings.importSummary(ok.length, results.length - ok.length, ok.reduce((n, r) => n + r.imported, 0)),
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
      message.success(t.listings.exported(file.count));
    } catch (error) {
      message.error(error instanceof Error ? error.message : String(error));
    }
  }

  const act = (fn: () => Promise<unknown>, done: string) => () =>
    fn().then(
      () => message.success(done),
      (error: unknown) => message.error(error instanceof Error ? error.message : String(error)),
    );

  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short', timeZone: 'Asia/Shanghai' });
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY' });

  return (
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
        if (!readOnly) void runImport(e.dataTransfer.files);
      }}
      style={{ outline: dragging ? '2px dashed #1677ff' : undefined, minHeight: '100%' }}
    >
      <Space style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t.listings.title}
        </Typography.Title>
        <Space wrap>
          <Input.Search placeholder={t.listings.search} allowClear onChange={(e) => setQuery(e.target.value)} style={{ width: 240 }} aria-label={t.listings.search} />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)} disabled={readOnly}>
            {t.listings.create}
          </Button>
          <Button icon={<UploadOutlined />} onClick={() => fileInput.current?.click()} disabled={readOnly}>
            {t.listings.import}
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
          <Button icon={<DownloadOutlined />} onClick={() => runExport(selected.length ? selected : undefined)} disabled={records.length === 0}>
            {selected.length ? t.listings.exportSelected : t.listings.exportAll}
          </Button>
        </Space>
      </Space>
      <Table<ListingRecord>
        rowKey="localId"
        loading={loading}
        dataSource={visible}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) }}
        locale={{ emptyText: <Empty description={t.listings.empty} /> }}
        pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
        columns={[
          {
            title: t.listings.columns.title,
            dataIndex: ['listing', 'title'],
            sorter: (a, b) => a.listing.title.localeCompare(b.listing.title, 'zh-CN'),
            render: (title: string, record) => (
              <Button type="link" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }} onClick={() => setEditing(record)}>
                {title || '—'}
              </Button>
            ),
          },
          { title: t.listings.columns.type, dataIndex: ['listing', 'type'], width: 100, render: (v: 'application' | 'service' | 'tool') => t.types[v] },
          {
            title: t.listings.columns.price,
            width: 160,
            render: (_, r) => `${money.format(r.listing.price.amount)} · ${t.billing[r.listing.price.billing]}`,
          },
          { title: t.listings.columns.status, dataIndex: 'status', width: 90, render: (s: 'draft') => <Tag>{t.listings.status[s]}</Tag> },
          {
            title: t.listings.columns.updated,
            dataIndex: 'updatedAt',
            width: 160,
            defaultSortOrder: 'descend',
            sorter: (a, b) => a.updatedAt.localeCompare(b.updatedAt),
            render: (v: string) => dateFormat.format(new Date(v)),
          },
          {
            title: t.common.actions,
            width: 200,
            render: (_, record) => (
              <Space size="small">
                <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(record)} aria-label={`${t.common.edit} ${record.listing.title}`}>
                  {t.common.edit}
                </Button>
                <Button size="small" icon={<CopyOutlined />} disabled={readOnly} aria-label={`${t.common.duplicate} ${record.listing.title}`} onClick={act(() => duplicate(record.localId), t.listings.duplicated)} />
                <Popconfirm title={t.listings.deleteConfirm} onConfirm={act(() => remove(record.localId), t.listings.deleted)} okText={t.common.delete} cancelText={t.common.cancel} disabled={readOnly}>
                  <Button size="small" danger icon={<DeleteOutlined />} disabled={readOnly} aria-label={`${t.common.delete} ${record.listing.title}`} />
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <ListingForm record={editing} readOnly={readOnly} onClose={() => setEditing(undefined)} />
      <Modal
        open={importResults !== null}
        title={t.listings.importResultTitle}
        onCancel={() => setImportResults(null)}
        footer={<Button onClick={() => setImportResults(null)}>{t.common.close}</Button>}
      >
        <List
          dataSource={importResults ?? []}
          renderItem={(r) => (
            <List.Item data-testid="import-result">
              <Space direction="vertical" style={{ width: '100%' }}>
                <Typography.Text strong>{r.name}</Typography.Text>
                {r.ok ? (
                  <Alert type="success" showIcon message={t.listings.importedFile(r.imported)} />
                ) : (
                  <Alert
                    type="error"
                    showIcon
                    message={t.listings.importFailedFile}
                    description={
                      <ul style={{ margin: 0, paddingLeft: 16 }}>
                        {r.problems.map((p, i) => (
                          <li key={i}>
                            {p.line !== undefined ? `${p.line}:${p.column ?? 1} ` : ''}
                            {p.path ? <code>{p.path}</code> : null} {p.message}
                          </li>
                        ))}
                      </ul>
                    }
                  />
                )}
              </Space>
            </List.Item>
          )}
        />
      </Modal>
    </div>
  );
}
