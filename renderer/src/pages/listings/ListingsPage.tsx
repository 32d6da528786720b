/**
 * The listings page: every listing with its check state (ListingsTable), searchable, filterable
 * and sortable (ListingsFilterBar, useListingFilters); import of files, folders and drops and
 * export (useListingFiles, useDropImport); the editor drawer (ListingForm). It only composes.
 */
import { ConfigProvider, message } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { Listing } from '../../../../shared/listing/schema';
import { call } from '../../api';
import { PageHeader } from '../../components/PageHeader';
import { DraftRestoreBanner } from '../../features/drafts/DraftRestoreBanner';
import { emptyFormValues, fromFormValues } from '../../features/listing-form/listing-form-model';
import { ListingsActions } from '../../features/listings-table/ListingsActions';
import { useDropImport } from '../../features/listings-table/use-drop-import';
import { useListingFiles } from '../../features/listings-table/use-listing-files';
import { useListingFilters } from '../../features/listings-table/use-listing-filters';
import { useListingsTable } from '../../features/listings-table/use-listings-table';
import { deleteWithUndo } from '../../features/undo/undoable-delete';
import { useListings } from '../../stores/listings-store';
import { ListingForm } from './ListingForm';
import { ListingsFilterBar } from './ListingsFilterBar';
import { ListingsTable } from './ListingsTable';
import { errorText } from '../../features/errors/error-text';

/**
 * antd's default greys and link blue fail WCAG 4.5:1 contrast on the grey page background (axe:
 * serious); these pass it.
 */
const accessibleTheme = {
  token: {
    colorTextPlaceholder: '#5c6670',
    colorTextSecondary: '#4d5661',
    colorTextDescription: '#4d5661',
    colorLink: '#0550ae',
    colorTextQuaternary: '#5c6670',
  },
};

export function ListingsPage({ readOnly }: { readOnly: boolean }) {
  const { t } = useTranslation('common');
  // Only the list's slice: the editor's draft changes on every keystroke, and re-rendering the
  // page (with the table and the editor under it) for that would delay typing.
  const { version, duplicate, load, openEditor, closeEditor } = useListings(
    useShallow((s) => ({
      version: s.version,
      duplicate: s.duplicate,
      load: s.load,
      openEditor: s.openEditor,
      closeEditor: s.closeEditor,
    })),
  );
  const filters = useListingFilters();
  const table = useListingsTable(filters.tableQuery, version);
  useEffect(() => {
    if (table.error) void message.error(table.error);
  }, [table.error]);
  const [selected, setSelected] = useState<string[]>([]);
  const files = useListingFiles();
  const drop = useDropImport(readOnly, files.runImport);

  /** What had the focus when the editor was opened, to give it back (closeAndReturnFocus). */
  const opener = useRef<Element | null>(null);
  const edit = (localId: string | null) => {
    opener.current = document.activeElement;
    void openEditor(localId, fromFormValues(emptyFormValues()) as Listing).catch((error: unknown) =>
      message.error(errorText(error)),
    );
  };
  /** Deletes at once; the message's Undo puts the listings (and their check history) back. */
  const removeWithUndo = async (localIds: string[]) => {
    const done = await deleteWithUndo(() => call('listings.deleteMany', { localIds }), load);
    if (done) setSelected((keys) => keys.filter((k) => !localIds.includes(k)));
  };
  const duplicateListing = (localId: string) =>
    void duplicate(localId).then(
      () => message.success(t('listings.duplicated')),
      (error: unknown) => message.error(errorText(error)),
    );

  /**
   * Keyboard users carry on where they were: when the editor closes, the focus goes back to what
   * opened it, at once — not when the drawer's closing animation reports its end (on a loaded
   * machine that report was seen not to come, and the focus stayed on the page). If the opener is
   * gone (the table drew the row again, the restore banner went away), it goes to the row of the
   * listing the editor showed.
   */
  const closeAndReturnFocus = () => {
    const localId = useListings.getState().editor?.record?.localId ?? null;
    const back = opener.current;
    opener.current = null;
    closeEditor();
    setTimeout(() => {
      if (back instanceof HTMLElement && back.isConnected) return back.focus();
      if (localId)
        document.querySelector<HTMLElement>(`[data-edit-listing="${CSS.escape(localId)}"]`)?.focus();
    });
  };

  const rowActions = {
    selected,
    onSelect: setSelected,
    onEdit: edit,
    onDuplicate: duplicateListing,
    onDelete: (localIds: string[]) => void removeWithUndo(localIds),
  };

  return (
    <ConfigProvider theme={accessibleTheme}>
      <div
        {...drop.handlers}
        style={{ outline: drop.dragging ? '2px dashed #1677ff' : undefined, minHeight: '100%' }}
        data-testid="listings-page"
      >
        <PageHeader
          title={t('listings.title')}
          marginBottom={12}
          actions={
            <ListingsActions
              readOnly={readOnly}
              selected={selected}
              all={table.all}
              onCreate={() => edit(null)}
              onImport={(picked) => void files.runImport(picked)}
              onDeleteSelected={() => void removeWithUndo(selected)}
              onExport={(localIds) => void files.runExport(localIds)}
            />
          }
        />
        <DraftRestoreBanner readOnly={readOnly} />
        <ListingsFilterBar filters={filters} shown={table.total} all={table.all} />
        <ListingsTable table={table} filters={filters} readOnly={readOnly} rowActions={rowActions} />
        <ListingForm readOnly={readOnly} onClose={closeAndReturnFocus} />
      </div>
    </ConfigProvider>
  );
}
