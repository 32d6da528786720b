/**
 * The core's events that are not alerts (those are in compliance-alerts.ts): open a route the
 * menu or a clicked notification asked for, say when the core restarts, and reload a page's
 * data when the core says it changed. Nothing here polls.
 */
import { notification } from 'antd';
import type { DataTopic } from '../../../shared/ipc/events';
import { onEvent } from '../api';
import { i18n } from '../i18n/i18n';
import { useApp } from './app-store';
import { useCompliance } from './compliance-store';
import { useListings } from './listings-store';
import { localWriteRunning } from './local-writes';
import { useSync } from '../features/sync/sync-store';

const complianceTopics: ReadonlySet<DataTopic> = new Set([
  'tickets',
  'ledger',
  'violations',
  'settings',
  'alerts',
]);
const listingTopics: ReadonlySet<DataTopic> = new Set(['listings']);
/** Several changes in a row (an import's files) become one reload. */
const RELOAD_DEBOUNCE_MS = 150;

let started = false;

function debounced(run: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  return () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      run();
    }, RELOAD_DEBOUNCE_MS);
  };
}

export function startCoreEvents(): void {
  if (started) return;
  started = true;
  onEvent('app.navigate', ({ route }) => useApp.getState().navigate(route));

  onEvent('core.status', ({ state }) => {
    const t = i18n.getFixedT(null, 'common');
    const props = {
      'data-testid': 'core-status-banner',
      'data-state': state,
    } as React.HTMLAttributes<HTMLDivElement>;
    if (state === 'restarting')
      notification.warning({
        key: 'core-status',
        title: t('core.restarting'),
        duration: 0,
        placement: 'bottomRight',
        props,
      });
    else if (state === 'ready')
      notification.success({
        key: 'core-status',
        title: t('core.ready'),
        duration: 6,
        placement: 'bottomRight',
        props,
      });
    else
      notification.error({
        key: 'core-status',
        title: t('core.failed'),
        duration: 0,
        placement: 'bottomRight',
        props,
      });
    if (state === 'ready') {
      // Whatever a page shows may have changed while the core was down.
      if (useCompliance.getState().snapshot) void useCompliance.getState().load();
      void useListings.getState().load();
    }
  });

  const reloadCompliance = debounced(() => {
    if (useCompliance.getState().snapshot) void useCompliance.getState().load();
  });
  const reloadListings = debounced(() => {
    if (useApp.getState().page === 'listings') void useListings.getState().load();
  });
  // The sync indicator and page follow the engine's state as it changes (a pass started or ended,
  // entries waiting) — and whatever a pull brought in reloads below like any other change.
  const reloadSync = debounced(
    () =>
      void useSync
        .getState()
        .load()
        .catch(() => undefined),
  );
  onEvent('sync.state', () => reloadSync());
  onEvent('data.changed', ({ topics, reason }) => {
    if (reason === 'sync') reloadSync();
    // This window's own write reloads by itself when it is done.
    if (localWriteRunning()) return;
    if (topics.some((t) => complianceTopics.has(t))) reloadCompliance();
    if (topics.some((t) => listingTopics.has(t))) reloadListings();
  });
}
