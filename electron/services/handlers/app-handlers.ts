import type { HandlerContext, HandlerGroup } from './types';

export function appHandlers(
  ctx: HandlerContext,
): HandlerGroup<'app.status' | 'settings.get' | 'settings.update'> {
  return {
    'app.status': () => ({
      version: ctx.platform.appVersion,
      mode: ctx.mode,
      database: ctx.store.state,
      dataDir: ctx.platform.userDataDir,
    }),
    'settings.get': () => ctx.settings.get(),
    'settings.update': (patch) => ctx.settings.update(patch),
  };
}
