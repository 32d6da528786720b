/** The "as of" line every compliance number carries: the snapshot's time, in Beijing time. */
import { Typography } from 'antd';
import { asOfTime } from '../../stores/compliance-view';
import { useTranslation } from 'react-i18next';

export function AsOf({ at }: { at: string }) {
  const { t } = useTranslation('compliance');
  return (
    // #595959 on white: 7:1, readable at 12 px (antd's secondary grey is too faint for WCAG AA).
    <Typography.Text style={{ fontSize: 12, color: '#595959' }} data-testid="as-of">
      {t('asOf', { time: asOfTime(at) })}
    </Typography.Text>
  );
}
