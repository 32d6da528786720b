/** Settings: the years with an official holiday calendar, loading a year's file, removing an import. */
import { Button, Card, Space, Table, Typography, message } from 'antd';
import { useEffect } from 'react';
import type { CalendarYear } from '../../../../shared/ipc/contract';
import { CalendarFileButton } from './CalendarFileButton';
import { useCalendarStatus } from './calendar-store';
import { useTranslation } from 'react-i18next';
import { beijingTime } from '../datetime/beijing-time';
import { errorText } from '../errors/error-text';

export function OfficialCalendarsCard({ readOnly }: { readOnly: boolean }) {
  const { t } = useTranslation('calendar');
  const { status, load, removeYear } = useCalendarStatus();
  useEffect(() => {
    void load();
  }, [load]);

  const remove = async (year: number) => {
    try {
      await removeYear(year);
      void message.success(t('removed', { year }));
    } catch (error) {
      void message.error(errorText(error));
    }
  };

  return (
    <Card
      title={t('cardTitle')}
      size="small"
      extra={<CalendarFileButton readOnly={readOnly} size="small" />}
      data-testid="official-calendars"
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('cardHint')}</Typography.Text>
        {status && status.unconfirmed.length > 0 && (
          <Typography.Text type="warning">
            {t('missing', { years: status.unconfirmed.join('、') })}
          </Typography.Text>
        )}
        <Table<CalendarYear>
          size="small"
          rowKey="year"
          dataSource={status?.years ?? []}
          pagination={{ pageSize: 5, hideOnSinglePage: true }}
          columns={[
            { title: t('columns.year'), dataIndex: 'year' },
            { title: t('columns.origin'), render: (_, y) => t(`origins.${y.origin}`) },
            {
              title: t('columns.source'),
              // A pack's year names the pack it came with (Settings → 策略包 lists and removes it).
              render: (_, y) => y.fileName ?? (y.packId ? `${y.packId} · ${y.source}` : y.source),
            },
            {
              title: t('columns.days'),
              render: (_, y) => t('days', { holidays: y.holidays, makeup: y.makeupWorkdays }),
            },
            {
              title: t('columns.importedAt'),
              render: (_, y) => beijingTime(y.importedAt),
            },
            {
              title: '',
              render: (_, y) =>
                y.origin === 'file' ? (
                  <Button size="small" disabled={readOnly} onClick={() => void remove(y.year)}>
                    {t('remove')}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Space>
    </Card>
  );
}
