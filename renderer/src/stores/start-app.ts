/**
 * Starting the app: language and status first (app-store), then the core's events, which arrive on
 * every page — alerts beside the compliance store (issue 7), the rest in core-events. This lives
 * outside app-store because both listeners use app-store: starting them from there was an import
 * cycle (once hidden behind a dynamic import, which lint now reports too).
 */
import { useApp } from './app-store';
import { startAlerts } from './compliance-alerts';
import { startCoreEvents } from './core-events';

/** Never rejects: init reports a failure in `loadError`, which the app shows instead of the pages. */
export async function startApp(): Promise<void> {
  await useApp.getState().init();
  if (useApp.getState().loadError !== null) return;
  startAlerts();
  startCoreEvents();
}
