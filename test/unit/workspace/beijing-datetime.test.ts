/** The date-time picker's value mapping keeps Beijing wall time and seconds (issue 17). */
import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import {
  fromPickerValue,
  INPUT_FORMATS,
  parsePickerText,
  toPickerValue,
} from '../../../renderer/src/features/datetime/BeijingDateTimePicker';

dayjs.extend(customParseFormat);

describe('Beijing date-time picker values', () => {
  it('keeps the seconds both ways', () => {
    const v = toPickerValue('2026-12-01T17:59:50+08:00')!;
    expect(v.format('YYYY-MM-DD HH:mm:ss')).toBe('2026-12-01 17:59:50');
    expect(fromPickerValue(v)).toBe('2026-12-01T17:59:50+08:00');
  });
  it('shows a UTC instant in Beijing time', () => {
    expect(toPickerValue('2026-12-01T18:08:31.671Z')!.format('YYYY-MM-DD HH:mm:ss')).toBe(
      '2026-12-02 02:08:31',
    );
  });
  it('accepts what a person types, without seconds too', () => {
    const typed = dayjs('2026-12-02 09:00', INPUT_FORMATS, true);
    expect(typed.isValid()).toBe(true);
    expect(fromPickerValue(typed)).toBe('2026-12-02T09:00:00+08:00');
    expect(fromPickerValue(dayjs('2026/12/02 09:00:15', INPUT_FORMATS, true))).toBe(
      '2026-12-02T09:00:15+08:00',
    );
  });
  it('reads a pasted ISO time with an offset as the instant it names, in Beijing time', () => {
    const beijing = (text: string) => fromPickerValue(parsePickerText(text));
    expect(beijing('2026-12-02T09:00:00+08:00')).toBe('2026-12-02T09:00:00+08:00');
    expect(beijing('2026-12-02T01:00:00Z')).toBe('2026-12-02T09:00:00+08:00');
    expect(beijing('2026-12-01T20:00:30-05:00')).toBe('2026-12-02T09:00:30+08:00');
    expect(beijing('2026-12-02T01:00:05.500Z')).toBe('2026-12-02T09:00:05+08:00');
    expect(beijing(' 2026-12-02 09:00:00+0800 ')).toBe('2026-12-02T09:00:00+08:00');
  });
  it('reads typed Beijing wall-clock text, keeping seconds, and waits on text that is no time yet', () => {
    expect(fromPickerValue(parsePickerText('2026-12-02 09:00'))).toBe('2026-12-02T09:00:00+08:00');
    expect(fromPickerValue(parsePickerText('2026-12-02 17:59:50'))).toBe('2026-12-02T17:59:50+08:00');
    expect(fromPickerValue(parsePickerText('2026-12-02T17:59:50'))).toBe('2026-12-02T17:59:50+08:00');
    expect(parsePickerText('2026-12-02 09:0')).toBeNull();
    expect(parsePickerText('2026-12-02T09:00:00+08')).toBeNull();
  });
  it('empty and unreadable values', () => {
    expect(toPickerValue('')).toBeNull();
    expect(toPickerValue('not a time')).toBeNull();
    expect(fromPickerValue(null)).toBe('');
  });
});
