/**
 * Issue 17, raw text on screen: a JSON syntax error carries a code the UI words (with the line and
 * column), and stored times in any offset are shown on the Beijing wall clock.
 */
import { describe, expect, it } from 'vitest';
import { toBeijingIsoText } from '../../shared/calendar/beijing';
import { parseJsonWithPosition } from '../../shared/json/parse';
import { createI18n } from '../../shared/i18n/create-i18n';
import { beijingTime } from '../../renderer/src/features/datetime/beijing-time';
import { asOfTime, beijingMinute } from '../../renderer/src/stores/compliance-view';

describe('JSON syntax problems carry a code', () => {
  it.each([
    ['{\n  "a": 1,\n}', 'PropertyNameExpected', 3, 1],
    ['{"a" 1}', 'ColonExpected', 1, 6],
    ['[1 2]', 'CommaExpected', 1, 4],
    ['{"a": [1', 'CloseBracketExpected', 1, 9],
    ['  ', 'EmptyFile', 1, 1],
  ] as const)('%j → %s at %i:%i', (text, syntax, line, column) => {
    expect(parseJsonWithPosition(text)).toMatchObject({ ok: false, problem: { syntax, line, column } });
  });

  it('every code is worded in both languages, naming the file, line and column', () => {
    const i18n = createI18n('zh-CN');
    const reason = i18n.t('common:jsonSyntax.reasons.PropertyNameExpected');
    expect(i18n.t('common:jsonSyntax.sentence', { file: 'a.json', line: 5, column: 1, reason })).toBe(
      'a.json 第 5 行第 1 列不是有效的 JSON：这里应是用英文双引号括起的字段名（可能多了一个逗号）。请用文本编辑器改正后重新导入。',
    );
    void i18n.changeLanguage('en');
    expect(i18n.t('common:jsonSyntax.reasons.CloseBraceExpected')).toBe('the "}" closing a "{" is missing');
  });
});

describe('times on screen are Beijing time', () => {
  it('a UTC time is moved to +08:00; Beijing text and non-times stay as they are', () => {
    expect(toBeijingIsoText('2026-12-01T18:08:31.671Z')).toBe('2026-12-02T02:08:31.671+08:00');
    expect(toBeijingIsoText('2026-12-02T02:08:31+08:00')).toBe('2026-12-02T02:08:31+08:00');
    expect(toBeijingIsoText('not a time')).toBe('not a time');
  });

  it('the shared formatters show UTC input in Beijing time', () => {
    expect(beijingTime('2026-12-01T18:08:31.671Z')).toBe('2026-12-02 02:08:31');
    expect(beijingTime('2026-12-01T18:08:31Z', { seconds: false })).toBe('2026-12-02 02:08');
    expect(beijingTime(null)).toBe('—');
    expect(beijingTime('garbage')).toBe('garbage');
    expect(beijingMinute('2026-12-01T18:08:31Z')).toBe('2026-12-02 02:08');
    expect(asOfTime('2026-12-01T18:08:31Z')).toBe('2026-12-02 02:08:31');
    expect(beijingMinute('2026-12-02T09:00:00+08:00')).toBe('2026-12-02 09:00');
  });
});
