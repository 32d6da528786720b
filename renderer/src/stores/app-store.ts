/** App-wide state: language (persisted in the settings table), database status, current page. */
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { create } from 'zustand';
import type { Locale, ResponseOf } from '../../../shared/ipc/contract';
import { call } from '../api';
import { en, zhCN, type Messages } from '../i18n/messages';

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
  t: Messages;
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

const messagesFor = (locale: Locale): Messages => (locale === 'en' ? (en as Messages) : zhCN);

/** The page language and dayjs's (antd's calendar and pickers take month and weekday names from it). */
function applyLocale(locale: Locale): void {
  document.documentElement.lang = locale;
  dayjs.locale(locale === 'en' ? 'en' : 'zh-cn');
}

export const useApp = create<AppState>((set) => ({
  locale: 'zh-CN',
  t: zhCN,
  status: null,
  page: 'overview',
  params: {},
  ready: false,
  loadError: null,
  async init() {
    try {
      const [status, settings] = await Promise.all([call('app.status', {}), call('settings.get', {})]);
      applyLocale(settings.locale);
      set({ status, locale: settings.locale, t: messagesFor(settings.locale), ready: true });
    } catch (error) {
      set({ loadError: error instanceof Error ? error.message : String(error), ready: true });
    }
  },
  async setLocale(locale) {
    applyLocale(locale); // before the re-render, so date components render in the new language
    set({ locale, t: messagesFor(locale) });
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
