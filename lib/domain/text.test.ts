import { describe, expect, it } from 'vitest';
import { canonicalText, hasForbiddenCharacters } from './text';

describe('outside text', () => {
  it('is brought to NFC', () => {
    expect(canonicalText('и\u0306')).toBe('й');
    expect(canonicalText(null)).toBe('');
  });

  it('finds control, format, surrogate, private-use and unassigned characters', () => {
    for (const c of [
      '\u0000',
      '\u001f',
      '\u007f',
      '\u0085',
      '\u200b',
      '\u202e',
      '\ufeff',
      '\ud800',
      '\ue000',
      '\u0378',
    ]) {
      expect(hasForbiddenCharacters(`a${c}b`), JSON.stringify(c)).toBe(true);
    }
    for (const ok of ['Иванов', 'AB-12/3', '№ 5', 'Ёж', '日本'])
      expect(hasForbiddenCharacters(ok)).toBe(false);
  });
});
