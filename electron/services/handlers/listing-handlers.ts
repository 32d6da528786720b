import { AppError } from '../../../shared/ipc/errors';
import { exportListingsFile, importListingFiles } from '../listing-files';
import type { HandlerContext, HandlerGroup } from './types';

type ListingChannels =
  | 'listings.list'
  | 'listings.get'
  | 'listings.create'
  | 'listings.update'
  | 'listings.duplicate'
  | 'listings.delete'
  | 'listings.import'
  | 'listings.export';

export function listingHandlers({ listings, settings, store, now }: HandlerContext): HandlerGroup<ListingChannels> {
  return {
    'listings.list': () => listings.list(),
    'listings.get': ({ localId }) => listings.get(localId),
    'listings.create': ({ listing }) => listings.create(listing),
    'listings.update': ({ localId, revision, listing }) => listings.update(localId, revision, listing),
    'listings.duplicate': ({ localId }) => listings.duplicate(localId, settings.get().locale === 'en' ? ' (copy)' : '（副本）'),
    'listings.delete': ({ localId }) => ({ deleted: listings.delete(localId) }),
    'listings.import': ({ files }) => {
      if (!store.writable) throw new AppError('read-only', store.state.message ?? 'read-only');
      return { files: importListingFiles(listings, files) };
    },
    'listings.export': ({ localIds }) => {
      const records = localIds ? localIds.map((id) => listings.get(id)) : listings.list();
      return exportListingsFile(records, now());
    },
  };
}
