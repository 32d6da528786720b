import { DraftsRepository } from '../repositories/drafts-repository';
import type { HandlerContext, HandlerGroup } from './types';

type DraftChannels = 'drafts.get' | 'drafts.save' | 'drafts.discard';

export function draftHandlers({ store, now }: HandlerContext): HandlerGroup<DraftChannels> {
  const drafts = new DraftsRepository(store, now);
  return {
    'drafts.get': () => ({ draft: drafts.get() }),
    'drafts.save': ({ draft }) => {
      drafts.save(draft);
      return { saved: true };
    },
    'drafts.discard': () => ({ discarded: drafts.discard() }),
  };
}
