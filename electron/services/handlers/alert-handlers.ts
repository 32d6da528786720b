/** Alerts for the renderer: recent ones (at start and after a reconnect); new ones arrive as `alerts.raised` events. */
import { formatBeijingIso } from '../../../shared/calendar/beijing';
import type { AlertRecord } from '../../../shared/ipc/contract';
import type { StoredAlert } from '../repositories/alerts-repository';
import type { HandlerContext, HandlerGroup } from './types';

export const alertRecord = (a: StoredAlert): AlertRecord => ({
  id: a.id,
  kind: a.kind,
  recordId: a.recordId,
  deadline: formatBeijingIso(a.deadline),
  title: a.title,
  body: a.body,
  message: a.message,
  route: a.route,
  createdAt: formatBeijingIso(a.createdAt),
});

export function alertHandlers({ compliance }: HandlerContext): HandlerGroup<'alerts.recent'> {
  return {
    'alerts.recent': ({ afterId }) => ({ alerts: compliance.alerts.after(afterId ?? 0).map(alertRecord) }),
  };
}
