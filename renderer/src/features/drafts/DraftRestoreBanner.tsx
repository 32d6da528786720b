/**
 * The offer to restore an edit that was never saved (the window crashed or was killed while the
 * editor had changes): shown on the listings page while no editor is open (issue 17).
 */
import { Alert, Button, Space, message } from 'antd';
import { useEffect, useState } from 'react';
import type { EditorDraft } from '../../../../shared/ipc/contract';
import type { Listing } from '../../../../shared/listing/schema';
import { call } from '../../api';
import { useListings } from '../../stores/listings-store';
import { emptyFormValues, fromFormValues } from '../listing-form/listing-form-model';
import { beijingTime } from './beijing-time';
import { useTranslation } from 'react-i18next';
import { errorText } from '../errors/error-text';

export function DraftRestoreBanner({ readOnly }: { readOnly: boolean }) {
  const { t } = useTranslation('drafts');
  const open = useListings((s) => s.editor !== null);
  const [draft, setDraft] = useState<EditorDraft | null>(null);

  // Looked up when the page opens and whenever the editor closes (a save or discard removes it).
  useEffect(() => {
    if (open) return;
    let live = true;
    call('drafts.get', {}).then(
      (r) => live && setDraft(r.draft),
      () => live && setDraft(null),
    );
    return () => {
      live = false;
    };
  }, [open]);

  if (!draft || open || readOnly) return null;

  const restore = async () => {
    const blank = fromFormValues(emptyFormValues()) as Listing;
    try {
      await useListings.getState().openEditor(draft.localId, blank, draft.listing as unknown as Listing);
      if (draft.localId && useListings.getState().editor?.record === null) message.info(t('goneRecord'));
      else message.info(t('restored'));
    } catch (error) {
      message.error(errorText(error));
    }
  };
  const discard = async () => {
    await call('drafts.discard', {});
    setDraft(null);
    message.info(t('draftDiscarded'));
  };

  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="draft-restore"
      message={t('restoreTitle', { title: draft.title || t('untitled'), at: beijingTime(draft.savedAt) })}
      description={t('restoreHint')}
      action={
        <Space direction="vertical">
          <Button size="small" type="primary" onClick={() => void restore()}>
            {t('restore')}
          </Button>
          <Button size="small" danger onClick={() => void discard()}>
            {t('discardDraft')}
          </Button>
        </Space>
      }
    />
  );
}
