/** Delivery-callback tester channels (issue 13); the work is in services/callbacks. */
import { AppError } from '../../../shared/ipc/errors';
import { callbackRunOperationId } from '../../../shared/callbacks/checks';
import { CallbackService } from '../callbacks/callback-service';
import { renderCallbackReport } from '../callbacks/report';
import { CallbackRunsRepository } from '../repositories/callback-runs-repository';
import type { HandlerContext, HandlerGroup } from './types';

type CallbackChannels =
  | 'callbacks.endpoint'
  | 'callbacks.saveEndpoint'
  | 'callbacks.forgetKey'
  | 'callbacks.start'
  | 'callbacks.run'
  | 'callbacks.history'
  | 'callbacks.report';

export function callbackHandlers(
  ctx: HandlerContext,
  service?: CallbackService,
): HandlerGroup<CallbackChannels> {
  const repo = new CallbackRunsRepository(ctx.store, ctx.now);
  const callbacks =
    service ??
    new CallbackService({
      repo,
      secrets: ctx.platform.secrets,
      now: ctx.now,
      log: (message, error) => console.error(`[vendordesk] ${message}`, error ?? ''),
      onProgress: ({ id, done, total, finished }) =>
        ctx.emit('progress', {
          operationId: callbackRunOperationId(id),
          channel: 'callbacks.start',
          done,
          total,
          ...(finished ? { finished } : {}),
        }),
    });
  return {
    'callbacks.endpoint': () => callbacks.endpoint(),
    'callbacks.saveEndpoint': (request) => callbacks.saveEndpoint(request),
    'callbacks.forgetKey': () => callbacks.forgetKey(),
    'callbacks.start': () => callbacks.start(),
    'callbacks.run': ({ id }) => callbacks.run(id),
    'callbacks.history': ({ limit }) => repo.history(limit),
    'callbacks.report': ({ id, locale }) => {
      const run = callbacks.run(id);
      if (run.state === 'running')
        throw new AppError('conflict', '测试尚未结束 / the run has not finished yet');
      return {
        fileName: `delivery-callbacks-${id}-${run.startedAt.slice(0, 10)}.html`,
        mimeType: 'text/html',
        content: renderCallbackReport(run, locale),
      };
    },
  };
}
