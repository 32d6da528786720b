/** The mark beside a deadline that was computed over a year with no official calendar. */
import { Tag, Tooltip } from 'antd';
import { useCalendarText } from './calendar-messages';

export function UnconfirmedTag() {
  const text = useCalendarText();
  return (
    <Tooltip title={text.unconfirmedTip}>
      <Tag color="warning" data-testid="calendar-unconfirmed-tag" style={{ marginInlineStart: 6 }}>
        {text.unconfirmedTag}
      </Tag>
    </Tooltip>
  );
}
