/**
 * The renderer's i18next instance (react-i18next binds components to it). The language lives
 * here: `changeLanguage` re-renders every component that uses `useTranslation`, and the app
 * store follows it (it subscribes; this module imports no store).
 */
import { initReactI18next } from 'react-i18next';
import { createI18n } from '../../../shared/i18n/create-i18n';

export const i18n = createI18n('zh-CN', [initReactI18next]);
