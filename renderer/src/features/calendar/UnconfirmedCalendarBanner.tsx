/** Says which years in use have no official holiday calendar, with the way to load one. */
import { Alert, Space } from 'antd';
import { useEffect } from 'react';
import { CalendarFileButton } from './CalendarFileButton';
import { useCalendarStatus } from './calendar-store';
import { useTranslation } from 'react-i18next';

export function UnconfirmedCalendarBanner({ readOnly }: { readOnly: boolean }) {
  const { t } = useTranslation('calendar');
  const { status, load } = useCalendarStatus();
  useEffect(() => {
    void load();
  }, [load]);
  if (!status || status.unconfirmed.length === 0) return null;
  const years = status.unconfirmed.join('、');
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="calendar-unconfirmed-banner"
      style={{ marginBottom: 16 }}
      message={t('bannerTitle', { years })}
      description={t('bannerBody')}
      action={
        <Space>
          <CalendarFileButton readOnly={readOnly} size="small" />
        </Space>
      }
    />
  );
}
