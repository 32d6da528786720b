/**
 * Both languages have the same keys in every namespace, every string parses as ICU
 * MessageFormat, and both languages use the same arguments (a translation that drops `{n}`
 * would silently say less); plurals pick the right form.
 */
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../shared/i18n/create-i18n';
import { namespaces, resources } from '../../../shared/i18n/resources';

function leaves(tree: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value as object, path)) out.set(k, v);
  }
  return out;
}

function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const e of elements) {
    if (e.type === TYPE.literal || e.type === TYPE.pound) continue;
    into.add(e.value);
    if (e.type === TYPE.plural || e.type === TYPE.select)
      for (const option of Object.values(e.options)) argumentsOf(option.value, into);
  }
  return into;
}

describe('i18n resources', () => {
  for (const ns of namespaces) {
    it(`${ns}: same keys, parsing ICU, same arguments in zh-CN and en`, () => {
      const zh = leaves(resources['zh-CN'][ns]);
      const en = leaves(resources.en[ns]);
      expect([...en.keys()].sort()).toEqual([...zh.keys()].sort());
      for (const [key, zhText] of zh) {
        const zhArgs = argumentsOf(parse(zhText));
        const enArgs = argumentsOf(parse(en.get(key)!));
        expect([...enArgs].sort(), `${ns}:${key}`).toEqual([...zhArgs].sort());
      }
    });
  }

  it('words plurals and numbers by language', () => {
    const i18n = createI18n('en');
    expect(i18n.t('listings.exported', { n: 1 })).toBe('Exported 1 listing');
    expect(i18n.t('listings.exported', { n: 2 })).toBe('Exported 2 listings');
    expect(i18n.t('workspace:yuan', { n: 12345 })).toBe('CNY 12,345');
    void i18n.changeLanguage('zh-CN');
    expect(i18n.t('listings.exported', { n: 2 })).toBe('已导出 2 个商品');
    expect(i18n.t('workspace:yuan', { n: 12345 })).toBe('12,345 元');
    expect(i18n.t('calendar:imported', { year: 2026, replaced: true })).toBe(
      '已载入 2026 年安排（替换原有数据）',
    );
  });
});
