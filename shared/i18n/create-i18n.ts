/**
 * The one way to make an i18next instance: the renderer (with react-i18next), the main process
 * (menu, notifications, dialogs) and the report generator all call this, so they share the
 * resources, the ICU MessageFormat syntax (plurals, select, numbers) and the fallback to
 * Chinese. Pure: i18next and its ICU plugin need neither Node nor a DOM. Resources are inline,
 * so `init` completes synchronously and `t` works as soon as this returns.
 */
import i18next, { type i18n, type Module, type Newable } from 'i18next';
import ICU from 'i18next-icu';
import type { Locale } from '../ipc/contract';
import { namespaces, resources } from './resources';

export type { i18n as I18n };

export function createI18n(locale: Locale, plugins: readonly (Module | Newable<Module>)[] = []): i18n {
  const instance = i18next.createInstance();
  instance.use(new ICU());
  for (const plugin of plugins) instance.use(plugin);
  void instance.init({
    lng: locale,
    fallbackLng: 'zh-CN',
    supportedLngs: ['zh-CN', 'en'],
    resources,
    ns: namespaces,
    defaultNS: 'common',
    initAsync: false,
    // React escapes what it renders; the HTML report escapes each value itself.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}
