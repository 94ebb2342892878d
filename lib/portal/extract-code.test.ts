import { describe, expect, it } from 'vitest';
import type { LocalDate } from '@/lib/domain/dates';
import {
  formatExtractCode,
  generateExtractCode,
  maskEnp,
  maskHolder,
  normalizeExtractCode,
} from './extract-code';

describe('extract codes', () => {
  it('encode 128 bits in 26 Crockford base32 characters', () => {
    expect(generateExtractCode(new Uint8Array(16))).toBe('0'.repeat(26));
    expect(generateExtractCode(new Uint8Array(16).fill(255))).toBe(`7${'Z'.repeat(25)}`);
    const codes = new Set(Array.from({ length: 1000 }, () => generateExtractCode()));
    expect(codes.size).toBe(1000);
    for (const c of codes) expect(c).toMatch(/^[0-7][0-9A-HJKMNP-TV-Z]{25}$/);
    expect(() => generateExtractCode(new Uint8Array(15))).toThrow(RangeError);
  });

  it('normalise what people type: case, dashes, spaces, O/I/L', () => {
    const code = generateExtractCode();
    expect(normalizeExtractCode(formatExtractCode(code))).toBe(code);
    expect(normalizeExtractCode(` ${formatExtractCode(code).toLowerCase()} `)).toBe(code);
    expect(normalizeExtractCode('oIL' + '0'.repeat(23))).toBe('011' + '0'.repeat(23));
    expect(normalizeExtractCode('U'.repeat(26))).toBeNull();
    expect(normalizeExtractCode('8' + '0'.repeat(25))).toBeNull();
    expect(normalizeExtractCode('0'.repeat(25))).toBeNull();
  });

  it('formats for print as 5-5-5-5-6', () => {
    expect(formatExtractCode('0123456789ABCDEFGHJKMNPQRS')).toBe('01234-56789-ABCDE-FGHJK-MNPQRS');
  });
});

describe('masking', () => {
  it('shows the holder as surname, initials and day.month of birth', () => {
    expect(
      maskHolder({
        lastName: 'Иванов',
        firstName: 'Сергей',
        patronymic: 'Петрович',
        birthDate: '1985-04-12' as LocalDate,
      }),
    ).toBe('Иванов С. П., 12.04.****');
    expect(
      maskHolder({
        lastName: 'Ли',
        firstName: 'Анна',
        patronymic: null,
        birthDate: '2001-01-02' as LocalDate,
      }),
    ).toBe('Ли А., 02.01.****');
  });

  it('hides the middle of the ЕНП', () => {
    expect(maskEnp('7700000000000016')).toBe('7700 **** **** 0016');
  });
});
