/**
 * Beside a page's "as of" (the snapshot's instant): when the marketplace is connected, the last
 * complete pull, since every number computed from synced data is only as fresh as that. Read from
 * the sync store, which follows the core's sync events (no polling of its own).
 */
import { Typography } from 'antd';
import { asOfTime } from '../../stores/compliance-view';
import { useTranslation } from 'react-i18next';
import { useSync } from './sync-store';

export function LastPullAsOf() {
  const { t } = useTranslation('sync');
  const connected = useSync((s) => s.connection?.connected ?? false);
  const asOf = useSync((s) => s.status?.report.asOf ?? null);
  if (!connected) return null;
  return (
    // The AsOf style (#595959: 7:1 on white at 12 px).
    <Typography.Text style={{ fontSize: 12, color: '#595959', marginLeft: 8 }} data-testid="last-pull">
      {t('lastPull')}: {asOf ? asOfTime(asOf) : t('never')}
    </Typography.Text>
  );
}
