/** Alerts for the renderer: browser mode polls them (in-app banner, Web Notification); Electron gets clicks routed. */
import { formatBeijingIso } from '../../../shared/calendar/beijing';
import type { HandlerContext, HandlerGroup } from './types';

export function alertHandlers({ compliance }: HandlerContext): HandlerGroup<'alerts.recent'> {
  return {
    'alerts.recent': ({ afterId }) => ({
      alerts: compliance.alerts.after(afterId ?? 0).map((a) => ({
        id: a.id,
        kind: a.kind,
        recordId: a.recordId,
        deadline: formatBeijingIso(a.deadline),
        title: a.title,
        body: a.body,
        route: a.route,
        createdAt: formatBeijingIso(a.createdAt),
      })),
      navigate: compliance.alertService.takeNavigation(),
    }),
  };
}
