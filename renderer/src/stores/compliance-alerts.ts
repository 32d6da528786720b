/**
 * Alerts in the renderer. The core decides and records them (electron/services/alerts) and
 * sends each batch as an `alerts.raised` event; this shows each new one as an in-app banner and,
 * when the user allowed it, a Web Notification (browser mode). Electron shows OS notifications
 * itself; a click there comes back as an `app.navigate` event (app-store). Clicking a banner or
 * notification opens the record.
 */
import { Button, notification } from 'antd';
import { createElement } from 'react';
import type { AlertRecord } from '../../../shared/ipc/contract';
import { call, onEvent } from '../api';
import { EVENTS_CONNECTED } from '../bridge/http-bridge';
import { AlertBody, AlertOpenLabel, AlertTitle, MoreAlerts } from '../features/alerts/AlertText';
import { alertText } from '../../../shared/i18n/alert-text';
import { i18n } from '../i18n/i18n';
import { useApp } from './app-store';
import { useCompliance } from './compliance-store';

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
    // Components, not strings: the banner re-words itself when the language changes.
    title: createElement(AlertTitle, { alert }),
    description: createElement(AlertBody, { alert }),
    duration: 0,
    // Bottom right: the page's own buttons sit top right.
    placement: 'bottomRight',
    actions: createElement(
      Button,
      { type: 'primary', size: 'small', onClick: open },
      createElement(AlertOpenLabel),
    ),
    props: { 'data-testid': 'alert-banner' } as React.HTMLAttributes<HTMLDivElement>,
  });
  // Electron already showed an OS notification from the main process.
  if (!electron && typeof Notification !== 'undefined' && Notification.permission === 'granted') {
    const text = alertText(i18n.getFixedT(null, 'alerts'), useApp.getState().locale, alert);
    const web = new Notification(text.title, { body: text.body, tag: `vendordesk-${alert.id}` });
    web.onclick = () => {
      window.focus();
      open();
    };
  }
}

/**
 * Takes down the banners of alerts the core removed (with the sample data, issue 17): their record
 * is gone, so "Open" would lead nowhere. The summary goes too when it stood for removed ones.
 */
export function withdrawAlerts(ids: readonly number[]): void {
  for (const id of ids) notification.destroy(`alert-${id}`);
  if (summarised.some((id) => ids.includes(id))) {
    notification.destroy('alert-summary');
    summarised = [];
  }
}

/** The alerts the "n more alerts" summary stands for. */
let summarised: number[] = [];

/** At most a few banners at once (an import can raise many): the rest as one summary, like the main process does. */
const MAX_BANNERS = 3;

function showCapped(alerts: AlertRecord[], electron: boolean): void {
  const shown = alerts.length > MAX_BANNERS ? alerts.slice(0, MAX_BANNERS - 1) : alerts;
  for (const alert of shown) show(alert, electron);
  const rest = alerts.length - shown.length;
  if (rest > 0) {
    summarised = alerts.slice(shown.length).map((a) => a.id);
    notification.info({
      key: 'alert-summary',
      title: createElement(MoreAlerts, { n: rest }),
      duration: 0,
      placement: 'bottomRight',
      actions: createElement(
        Button,
        { size: 'small', onClick: () => useApp.getState().navigate('/overview') },
        createElement(AlertOpenLabel),
      ),
    });
  }
}

/** Shows alerts not shown yet (by id) and remembers the newest. */
function showNew(alerts: AlertRecord[]): void {
  const fresh = alerts.filter((a) => a.id > (lastId ?? 0));
  if (fresh.length === 0) return;
  showCapped(fresh, useApp.getState().status?.mode === 'electron');
  lastId = Math.max(lastId ?? 0, ...fresh.map((a) => a.id));
}

/** Alerts raised while no event could arrive (the stream reconnecting, the core restarting). */
async function catchUp(): Promise<void> {
  if (lastId === null) return;
  const { alerts } = await call('alerts.recent', { afterId: lastId });
  showNew(alerts);
}

/** Listens to `alerts.raised`; reads the recent ones once at start and again after each reconnect. */
export function startAlerts(): void {
  if (started) return;
  started = true;
  onEvent('alerts.raised', ({ alerts }) => {
    if (lastId === null) return; // the first read below has not finished: it will include these
    showNew(alerts);
  });
  window.addEventListener(EVENTS_CONNECTED, () => void catchUp().catch(() => undefined));
  onEvent('core.status', ({ state }) => {
    if (state === 'ready') void catchUp().catch(() => undefined);
  });
  void (async () => {
    const { alerts } = await call('alerts.recent', { afterId: 0 });
    // At start, only alerts raised in the last minute (e.g. while the app was loading), measured
    // on the app's clock, which the snapshot carries: older ones are no news.
    if (!useCompliance.getState().snapshot) await useCompliance.getState().load();
    const cutoff = useCompliance.getState().now() - 60_000;
    const newest = alerts.at(-1)?.id ?? 0;
    lastId = 0;
    showNew(alerts.filter((alert) => Date.parse(alert.createdAt) >= cutoff));
    lastId = Math.max(lastId, newest);
  })().catch(() => {
    lastId ??= 0;
  });
}
