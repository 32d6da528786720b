/** errorText: an Error's message, anything else as String() words it. */
import { describe, expect, it } from 'vitest';
import { errorText } from '../../renderer/src/features/errors/error-text';

describe('errorText', () => {
  it("gives an Error's message, not its name", () => {
    expect(errorText(new Error('disk full'))).toBe('disk full');
    expect(errorText(new TypeError('bad type'))).toBe('bad type');
  });
  it('gives a string as it is', () => {
    expect(errorText('offline')).toBe('offline');
  });
  it('gives other values as String() does', () => {
    expect(errorText({ code: 'x' })).toBe('[object Object]');
    expect(errorText({ toString: () => 'custom' })).toBe('custom');
    expect(errorText(42)).toBe('42');
    expect(errorText(null)).toBe('null');
  });
  it('gives undefined as "undefined"', () => {
    expect(errorText(undefined)).toBe('undefined');
  });
});
