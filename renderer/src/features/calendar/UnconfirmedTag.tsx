/** The mark beside a deadline that was computed over a year with no official calendar. */
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

export function UnconfirmedTag() {
  const { t } = useTranslation('calendar');
  return (
    <Tooltip title={t('unconfirmedTip')}>
      <Tag color="warning" data-testid="calendar-unconfirmed-tag" style={{ marginInlineStart: 6 }}>
        {t('unconfirmedTag')}
      </Tag>
    </Tooltip>
  );
}
