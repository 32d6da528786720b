/**
 * Policy-pack channels (issue 17 item 8): the lifecycle lives in PolicyPackService. After a load
 * or a removal every number is recomputed: the engines read the new set on their next run (the
 * stored ticket SLA columns carry a key of the pack's rules and calendar, so they are recomputed
 * before they are read), the alert scheduler looks at once, and the write's `data.changed`
 * (policypacks, settings) reloads the pages.
 */
import type { HandlerContext, HandlerGroup } from './types';

export function policyPackHandlers(
  ctx: HandlerContext,
): HandlerGroup<'policypacks.list' | 'policypacks.import' | 'policypacks.remove'> {
  const { compliance, settings } = ctx;
  /** Deadlines may have moved into or out of an alert's lead time. */
  const recheckAlerts = <T>(value: T): T => {
    try {
      compliance.alertService.tick();
    } catch {
      // The timer retries; a failed check must not fail the user's load.
    }
    return value;
  };
  return {
    'policypacks.list': () => ({ packs: compliance.policyPacks.list(settings.get()) }),
    'policypacks.import': ({ name, text }) =>
      recheckAlerts(compliance.policyPacks.importFile(name, text, settings.get())),
    'policypacks.remove': ({ id }) =>
      recheckAlerts({ packs: compliance.policyPacks.remove(id, settings.get()) }),
  };
}
