/**
 * Fields too long to edit comfortably (issue 17): past this many characters a text field is shown
 * read-only with a note saying why and what to do; its findings are still listed and fixes still
 * apply. The description preview shows the beginning of such a text only.
 */
import { Alert } from 'antd';
import { useApp } from '../../stores/app-store';
import { useTranslation } from 'react-i18next';

/** Past this a field is read-only in the editor (typing would re-check and re-save megabytes). */
export const LONG_FIELD_CHARS = 200_000;
/** The preview renders at most this much of the description. */
export const PREVIEW_MAX_CHARS = 100_000;

export function LongFieldNote({ length }: { length: number }) {
  const { t } = useTranslation('longField');
  const locale = useApp((s) => s.locale);
  const n = new Intl.NumberFormat(locale).format;
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 8 }}
      data-testid="long-field-note"
      message={t('readOnly', { n: n(length), limit: n(LONG_FIELD_CHARS) })}
    />
  );
}

export function PreviewCutNote({ length }: { length: number }) {
  const { t } = useTranslation('longField');
  const locale = useApp((s) => s.locale);
  const n = new Intl.NumberFormat(locale).format;
  return (
    <div style={{ fontSize: 12, color: '#4d5661', marginTop: 4 }} data-testid="preview-cut-note">
      {t('preview', { limit: n(PREVIEW_MAX_CHARS), n: n(length) })}
    </div>
  );
}
