/**
 * Alerts in the renderer. The main process decides and records them (electron/services/alerts);
 * this polls `alerts.recent` and shows each new one as an in-app banner and, when the user
 * allowed it, a Web Notification (browser mode). Electron shows OS notifications itself; a click
 * there comes back here as `navigate`. Clicking a banner or notification opens the record.
 */
import { Button, notification } from 'antd';
import { createElement } from 'react';
import type { AlertRecord } from '../../../shared/ipc/contract';
import { call } from '../api';
import { complianceText } from '../pages/overview/compliance-messages';
import { useApp } from './app-store';
import { useCompliance } from './compliance-store';

export const ALERT_POLL_MS = 4000;

let started = false;
/** Alerts up to this id have been shown (or predate this session: no banner for old news). */
let lastId: number | null = null;

function show(alert: AlertRecord, electron: boolean): void {
  const open = () => {
    useApp.getState().navigate(alert.route);
    notification.destroy(`alert-${alert.id}`);
  };
  notification.warning({
    key: `alert-${alert.id}`,
    title: alert.title,
    description: alert.body,
    duration: 0,
    // Bottom right: the page's own buttons sit top right.
    placement: 'bottomRight',
    actions: createElement(Button, { type: 'primary', size: 'small', onClick: open }, complianceText().alerts.open),
    props: { 'data-testid': 'alert-banner' } as React.HTMLAttributes<HTMLDivElement>,
  });
  // Electron already showed an OS notification from the main process.
  if (!electron && typeof Notification !== 'undefined' && Notification.permission === 'granted') {
    const web = new Notification(alert.title, { body: alert.body, tag: `vendordesk-${alert.id}` });
    web.onclick = () => {
      window.focus();
      open();
    };
  }
}

/** At most a few banners at once (an import can raise many): the rest as one summary, like the main process does. */
const MAX_BANNERS = 3;

function showCapped(alerts: AlertRecord[], electron: boolean): void {
  const shown = alerts.length > MAX_BANNERS ? alerts.slice(0, MAX_BANNERS - 1) : alerts;
  for (const alert of shown) show(alert, electron);
  const rest = alerts.length - shown.length;
  if (rest > 0) {
    const text = complianceText();
    notification.info({
      key: 'alert-summary',
      title: text.alerts.more(rest),
      duration: 0,
      placement: 'bottomRight',
      actions: createElement(Button, { size: 'small', onClick: () => useApp.getState().navigate('/overview') }, text.alerts.open),
    });
  }
}

async function poll(): Promise<void> {
  const electron = useApp.getState().status?.mode === 'electron';
  const { alerts, navigate } = await call('alerts.recent', { afterId: lastId ?? 0 });
  if (navigate) useApp.getState().navigate(navigate);
  const newest = alerts.at(-1)?.id;
  if (lastId === null) {
    // First poll: show only alerts raised in the last minute (e.g. while the app was loading),
    // measured on the app's clock, which the snapshot carries.
    if (!useCompliance.getState().snapshot) await useCompliance.getState().load();
    const cutoff = useCompliance.getState().now() - 60_000;
    showCapped(alerts.filter((alert) => Date.parse(alert.createdAt) >= cutoff), electron);
  } else {
    showCapped(alerts, electron);
  }
  if (newest !== undefined) lastId = Math.max(lastId ?? 0, newest);
  else lastId ??= 0;
  // A new alert means the numbers moved: refresh the open page's snapshot.
  if (alerts.length > 0 && useCompliance.getState().snapshot) void useCompliance.getState().load();
}

export function startAlertPolling(): void {
  if (started) return;
  started = true;
  const loop = () => {
    poll()
      .catch(() => undefined) // the host may be restarting; try again next time
      .finally(() => setTimeout(loop, ALERT_POLL_MS));
  };
  loop();
}
