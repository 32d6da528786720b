/** Settings: the years with an official holiday calendar, loading a year's file, removing an import. */
import { Button, Card, Space, Table, Typography, message } from 'antd';
import { useEffect } from 'react';
import type { CalendarYear } from '../../../../shared/ipc/contract';
import { CalendarFileButton } from './CalendarFileButton';
import { useCalendarStatus } from './calendar-store';
import { useCalendarText } from './calendar-messages';

export function OfficialCalendarsCard({ readOnly }: { readOnly: boolean }) {
  const text = useCalendarText();
  const { status, load, removeYear } = useCalendarStatus();
  useEffect(() => {
    void load();
  }, [load]);

  const remove = async (year: number) => {
    try {
      await removeYear(year);
      void message.success(text.removed(year));
    } catch (error) {
      void message.error(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <Card
      title={text.cardTitle}
      size="small"
      extra={<CalendarFileButton readOnly={readOnly} size="small" />}
      data-testid="official-calendars"
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{text.cardHint}</Typography.Text>
        {status && status.unconfirmed.length > 0 && (
          <Typography.Text type="warning">{text.missing(status.unconfirmed.join('、'))}</Typography.Text>
        )}
        <Table<CalendarYear>
          size="small"
          rowKey="year"
          dataSource={status?.years ?? []}
          pagination={{ pageSize: 5, hideOnSinglePage: true }}
          columns={[
            { title: text.columns.year, dataIndex: 'year' },
            { title: text.columns.origin, render: (_, y) => text.origins[y.origin] },
            { title: text.columns.source, render: (_, y) => y.fileName ?? y.source },
            { title: text.columns.days, render: (_, y) => text.days(y.holidays, y.makeupWorkdays) },
            {
              title: text.columns.importedAt,
              render: (_, y) => (y.importedAt ? y.importedAt.slice(0, 19).replace('T', ' ') : '—'),
            },
            {
              title: '',
              render: (_, y) =>
                y.origin === 'file' ? (
                  <Button size="small" disabled={readOnly} onClick={() => void remove(y.year)}>
                    {text.remove}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Space>
    </Card>
  );
}
