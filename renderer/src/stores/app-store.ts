/** App-wide state: language (persisted in the settings table), database status, current page. */
import { create } from 'zustand';
import type { Locale, ResponseOf } from '../../../shared/ipc/contract';
import { call } from '../api';
import { en, zhCN, type Messages } from '../i18n/messages';

export type Page = 'listings';

interface AppState {
  locale: Locale;
  t: Messages;
  status: ResponseOf<'app.status'> | null;
  page: Page;
  ready: boolean;
  loadError: string | null;
  init(): Promise<void>;
  setLocale(locale: Locale): Promise<void>;
  setPage(page: Page): void;
}

const messagesFor = (locale: Locale): Messages => (locale === 'en' ? (en as Messages) : zhCN);

export const useApp = create<AppState>((set) => ({
  locale: 'zh-CN',
  t: zhCN,
  status: null,
  page: 'listings',
  ready: false,
  loadError: null,
  async init() {
    try {
      const [status, settings] = await Promise.all([call('app.status', {}), call('settings.get', {})]);
      document.documentElement.lang = settings.locale;
      set({ status, locale: settings.locale, t: messagesFor(settings.locale), ready: true });
    } catch (error) {
      set({ loadError: error instanceof Error ? error.message : String(error), ready: true });
    }
  },
  async setLocale(locale) {
    set({ locale, t: messagesFor(locale) });
    document.documentElement.lang = locale;
    await call('settings.update', { locale });
  },
  setPage(page) {
    set({ page });
  },
}));
