import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidLegalInn, isValidOgrn } from './legal-ids';

describe('legal-entity identifiers', () => {
  it('accepts published identifiers of a real organisation (ПАО Сбербанк: ОГРН 1027700132195, ИНН 7707083893)', () => {
    expect(isValidOgrn('1027700132195')).toBe(true);
    expect(isValidLegalInn('7707083893')).toBe(true);
  });

  it('refuses a wrong check digit, a wrong length and anything but digits', () => {
    expect(isValidOgrn('1027700132196')).toBe(false);
    expect(isValidOgrn('102770013219')).toBe(false);
    expect(isValidOgrn('10277001321a5')).toBe(false);
    expect(isValidLegalInn('7707083894')).toBe(false);
    expect(isValidLegalInn('770708389')).toBe(false);
  });

  it('exactly one check digit fits each body', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{12}$/), (body) => {
        const fits = [...'0123456789'].filter((d) => isValidOgrn(body + d));
        expect(fits).toHaveLength(1);
      }),
    );
    fc.assert(
      fc.property(fc.stringMatching(/^\d{9}$/), (body) => {
        const fits = [...'0123456789'].filter((d) => isValidLegalInn(body + d));
        expect(fits).toHaveLength(1);
      }),
    );
  });
});
