/**
 * The alert banners (issue 17), in the page's flow above its content so they never cover a
 * table's columns (floating notifications at the bottom right did, at 1440 × 900): the first few,
 * each with "Open" and close, and one summary line for the rest. Worded when shown, so they follow
 * a language switch.
 */
import { Alert, Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { dismissAlerts, MAX_BANNERS, openAlert, useAlertTray } from '../../stores/compliance-alerts';
import { useApp } from '../../stores/app-store';
import { AlertBody, AlertOpenLabel, AlertTitle, MoreAlerts } from './AlertText';

export function AlertTray() {
  const { t } = useTranslation('compliance');
  const shown = useAlertTray((s) => s.shown);
  const navigate = useApp((s) => s.navigate);
  if (shown.length === 0) return null;
  // A queue: the oldest still open first (a batch in the scheduler's order: tickets, the
  // deposit, violations); closing or opening one brings the next.
  const visible = shown.length > MAX_BANNERS ? shown.slice(0, MAX_BANNERS - 1) : shown;
  const rest = shown.slice(visible.length);
  const close = (onClose: () => void) => ({ onClose, 'aria-label': t('close') });
  return (
    <Flex vertical gap={8} style={{ marginBottom: 12 }} data-testid="alert-tray">
      {visible.map((alert) => (
        <Alert
          key={alert.id}
          type="warning"
          showIcon
          data-testid="alert-banner"
          title={<AlertTitle alert={alert} />}
          description={<AlertBody alert={alert} />}
          closable={close(() => dismissAlerts([alert.id]))}
          action={
            <Button type="primary" size="small" onClick={() => openAlert(alert)}>
              <AlertOpenLabel />
            </Button>
          }
        />
      ))}
      {rest.length > 0 && (
        <Alert
          type="info"
          showIcon
          data-testid="alert-summary"
          title={<MoreAlerts n={rest.length} />}
          closable={close(() => dismissAlerts(rest.map((a) => a.id)))}
          action={
            <Button size="small" onClick={() => navigate('/overview')}>
              <AlertOpenLabel />
            </Button>
          }
        />
      )}
    </Flex>
  );
}
