/**
 * The services' words (alerts, notifications, the check report): one i18next instance from the
 * shared factory, asked in the language each caller passes (the user's setting at that moment).
 */
import type { TFunction } from 'i18next';
import { createI18n } from '../../shared/i18n/create-i18n';
import type { Namespace } from '../../shared/i18n/resources';
import type { Locale } from '../../shared/ipc/contract';

const i18n = createI18n('zh-CN');

export function textIn<N extends Namespace>(locale: Locale, ns: N): TFunction<N> {
  return i18n.getFixedT(locale, ns);
}
