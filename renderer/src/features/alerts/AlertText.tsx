/**
 * An alert's words, rendered when shown and again on every language switch: banners opened
 * before the switch change language with the rest of the page (the alert is stored as a code
 * with parameters; shared/i18n/alert-text.ts words it).
 */
import { useTranslation } from 'react-i18next';
import type { AlertRecord, Locale } from '../../../../shared/ipc/contract';
import { alertText } from '../../../../shared/i18n/alert-text';

export function AlertTitle({ alert }: { alert: AlertRecord }) {
  const { t, i18n } = useTranslation('alerts');
  return alertText(t, i18n.language as Locale, alert).title;
}

export function AlertBody({ alert }: { alert: AlertRecord }) {
  const { t, i18n } = useTranslation('alerts');
  return alertText(t, i18n.language as Locale, alert).body;
}

/** "Open" on a banner, and "n more alerts" on the summary. */
export function AlertOpenLabel() {
  const { t } = useTranslation('compliance');
  return t('alerts.open');
}

export function MoreAlerts({ n }: { n: number }) {
  const { t } = useTranslation('compliance');
  return t('alerts.more', { n });
}
