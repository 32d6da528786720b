/**
 * Feature-local UI text: each feature keeps its strings beside its pages instead of growing one
 * shared dictionary. `en` must have every key of the Chinese original (compile-time check).
 *
 *   const useText = defineMessages({ title: '概览' }, { title: 'Overview' });
 *   const text = useText(); // follows the user's language
 */
import { useApp } from '../stores/app-store';
import type { Widen } from './messages';

export function defineMessages<T extends object>(zhCN: T, en: Widen<T>): () => T {
  return () => (useApp((s) => s.locale) === 'en' ? (en as unknown as T) : zhCN);
}
