/**
 * Alerts in the renderer. The core decides and records them (electron/services/alerts) and
 * sends each batch as an `alerts.raised` event; this shows each new one in the page's alert tray
 * (features/alerts/AlertTray: banners in the page's flow above its content — floating ones
 * covered table columns, issue 17) and, when the user allowed it, a Web Notification (browser
 * mode). Electron shows OS notifications itself; a click there comes back as an `app.navigate`
 * event (app-store). "Open" on a banner or a click on a notification opens the record.
 */
import { create } from 'zustand';
import type { AlertRecord } from '../../../shared/ipc/contract';
import { call, onEvent } from '../api';
import { EVENTS_CONNECTED } from '../bridge/http-bridge';
import { alertText } from '../../../shared/i18n/alert-text';
import { i18n } from '../i18n/i18n';
import { useApp } from './app-store';
import { useCompliance } from './compliance-store';

let started = false;
/** Alerts up to this id have been shown (or predate this session: no banner for old news). */
let lastId: number | null = null;

/** At most this many banners at once (an import can raise many): the newest, then one summary. */
export const MAX_BANNERS = 3;

export interface AlertTray {
  /** Alerts on show, oldest first, until closed or opened. */
  shown: AlertRecord[];
}

export const useAlertTray = create<AlertTray>(() => ({ shown: [] }));

/**
 * Takes banners down: closed by the user, opened, or removed by the core with the sample data
 * (issue 17: their record is gone, so "Open" would lead nowhere).
 */
export function dismissAlerts(ids: readonly number[]): void {
  const gone = new Set(ids);
  useAlertTray.setState((s) => ({ shown: s.shown.filter((a) => !gone.has(a.id)) }));
}

/** Opens the alert's record and closes its banner. */
export function openAlert(alert: AlertRecord): void {
  useApp.getState().navigate(alert.route);
  dismissAlerts([alert.id]);
}

function show(alerts: AlertRecord[], electron: boolean): void {
  useAlertTray.setState((s) => ({ shown: [...s.shown, ...alerts] }));
  // Electron already showed an OS notification from the main process; a browser shows a few.
  if (electron || typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  for (const alert of alerts.slice(-MAX_BANNERS)) {
    const text = alertText(i18n.getFixedT(null, 'alerts'), useApp.getState().locale, alert);
    const web = new Notification(text.title, { body: text.body, tag: `vendordesk-${alert.id}` });
    web.onclick = () => {
      window.focus();
      openAlert(alert);
    };
  }
}

/** Shows alerts not shown yet (by id) and remembers the newest. */
function showNew(alerts: AlertRecord[]): void {
  const fresh = alerts.filter((a) => a.id > (lastId ?? 0));
  if (fresh.length === 0) return;
  show(fresh, useApp.getState().status?.mode === 'electron');
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
