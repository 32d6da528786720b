import type { ListingRecord } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import { exportListingsFile, importListingFiles } from '../listing-files';
import { fileImportContext } from '../imports/file-import';
import { textIn } from '../text';
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

export function listingHandlers({
  listings,
  settings,
  store,
  now,
  checker,
  platform,
}: HandlerContext): HandlerGroup<ListingChannels> {
  /** Stores and checks in one transaction: the listing's row has its summary as soon as it exists. */
  const checked = (write: () => ListingRecord): ListingRecord =>
    store.write(() => {
      const record = write();
      checker.checkAndRecord([record]);
      return record;
    });
  return {
    'listings.list': () => listings.list(),
    'listings.get': ({ localId }) => listings.get(localId),
    'listings.create': ({ listing }) => checked(() => listings.create(listing)),
    'listings.update': ({ localId, revision, listing }) =>
      checked(() => listings.update(localId, revision, listing)),
    'listings.duplicate': ({ localId }) =>
      checked(() =>
        listings.duplicate(localId, textIn(settings.get().locale, 'common')('listings.copySuffix')),
      ),
    'listings.delete': ({ localId }) => ({ deleted: listings.delete(localId) }),
    'listings.import': async ({ files }, call) => {
      if (!store.writable) throw new AppError('read-only', store.state.message ?? 'read-only');
      const context = fileImportContext(platform.userDataDir, settings.get().locale, platform.uploads);
      return { files: await importListingFiles({ repo: listings, checker, store }, files, call, context) };
    },
    'listings.export': ({ localIds }) => {
      const records = localIds ? localIds.map((id) => listings.get(id)) : listings.list();
      return exportListingsFile(records, now());
    },
  };
}
