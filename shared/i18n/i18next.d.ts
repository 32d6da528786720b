/** Typed keys: `t('overview.title')` with a key that no namespace has fails `npm run typecheck`. */
import 'i18next';
import type { Resources } from './resources';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: Resources;
  }
}
