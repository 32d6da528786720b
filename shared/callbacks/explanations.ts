/**
 * Plain words for each check: what it proves, what a failure means for the vendor, and how to
 * fix it (the texts are the `callbackReport` i18next namespace). The CLI prints the fix of a
 * failed check in both languages, the report uses the run's language; the app page asks its own
 * `t` so that it follows a language switch.
 */
import { createI18n } from '../i18n/create-i18n';
import type { Locale } from '../ipc/contract';
import type { CallbackCheckId } from './checks';

export interface Explanation {
  title: string;
  /** What a failure means in practice. */
  means: string;
  fix: string;
}

const i18n = createI18n('zh-CN');

export function localizedExplanation(id: CallbackCheckId, locale: Locale): Explanation {
  const t = i18n.getFixedT(locale, 'callbackReport');
  return { title: t(`checks.${id}.title`), means: t(`checks.${id}.means`), fix: t(`checks.${id}.fix`) };
}

export function explanationOf(id: CallbackCheckId): { zhCN: Explanation; en: Explanation } {
  return { zhCN: localizedExplanation(id, 'zh-CN'), en: localizedExplanation(id, 'en') };
}
