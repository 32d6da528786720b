/**
 * App-wide state: language (persisted in the settings table), database status, current page.
 * The language itself lives in i18next (../i18n/i18n): `setLocale` changes it there and stores
 * it; `locale` here follows i18next's languageChanged event for components that read it.
 */
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { create } from 'zustand';
import type { Locale, ResponseOf } from '../../../shared/ipc/contract';
import { call } from '../api';
import { i18n } from '../i18n/i18n';
import { errorText } from '../features/errors/error-text';

export type Page =
  'overview' | 'service' | 'deposit' | 'points' | 'settings' | 'listings' | 'callbacks' | 'sync';

const pageKeys: readonly Page[] = [
  'overview',
  'service',
  'deposit',
  'points',
  'settings',
  'listings',
  'callbacks',
  'sync',
];

interface AppState {
  locale: Locale;
  status: ResponseOf<'app.status'> | null;
  page: Page;
  /** Query parameters of the route that opened the page, e.g. { ticket: 'T-1' } (clicked alert). */
  params: Record<string, string>;
  ready: boolean;
  loadError: string | null;
  init(): Promise<void>;
  setLocale(locale: Locale): Promise<void>;
  setPage(page: Page): void;
  /** Opens an in-app route such as "/service?ticket=T-1" (alerts and notifications carry these). */
  navigate(route: string): void;
}

/** The page language and dayjs's (antd's calendar and pickers take month and weekday names from it). */
function applyLocale(locale: Locale): void {
  document.documentElement.lang = locale;
  dayjs.locale(locale === 'en' ? 'en' : 'zh-cn');
}

export const useApp = create<AppState>((set) => ({
  locale: 'zh-CN',
  status: null,
  page: 'overview',
  params: {},
  ready: false,
  loadError: null,
  async init() {
    try {
      const [status, settings] = await Promise.all([call('app.status', {}), call('settings.get', {})]);
      set({ status });
      await i18n.changeLanguage(settings.locale);
      set({ ready: true });
    } catch (error) {
      set({ loadError: errorText(error), ready: true });
    }
  },
  async setLocale(locale) {
    await i18n.changeLanguage(locale);
    await call('settings.update', { locale });
  },
  setPage(page) {
    set({ page, params: {} });
  },
  navigate(route) {
    const url = new URL(route, 'http://app.invalid');
    const key = url.pathname.replace(/^\//, '') as Page;
    if (!pageKeys.includes(key)) return;
    set({ page: key, params: Object.fromEntries(url.searchParams) });
  },
}));

// The store follows i18next, not the other way round. dayjs first, so date components render in
// the new language when the store's change re-renders them.
i18n.on('languageChanged', (language) => {
  const locale: Locale = language === 'en' ? 'en' : 'zh-CN';
  applyLocale(locale);
  useApp.setState({ locale });
});
