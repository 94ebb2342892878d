import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LocalDate } from '@/lib/domain/dates';
import {
  canActAlone,
  majorityDate,
  sameName,
  isMinor,
  sexToExchangeCode,
  validateBirthDate,
  validatePersonName,
  validateSex,
} from './person';

const d = (s: string) => s as LocalDate;
const name = (v: string | null | undefined, required = true) => {
  const r = validatePersonName('lastName', v, { required });
  return r.ok ? r.value : r.issues.map((i) => `${i.field}:${i.code}`).join(',');
};

describe('validatePersonName', () => {
  it.each([
    ['иванов', 'Иванов'],
    ['  ИВАНОВ  ', 'Иванов'],
    ['анна-мария', 'Анна-Мария'],
    ['анна - мария', 'Анна-Мария'],
    ['Анна–Мария', 'Анна-Мария'], // en dash
    ['салтыков-щедрин', 'Салтыков-Щедрин'],
    ['ЁЛКИН', 'Ёлкин'],
    ['пётр', 'Пётр'],
    ['и\u0306ошкин', 'Йошкин'], // decomposed «й» (NFD, as some keyboards and copies give it)
    ['мамед   оглы', 'Мамед оглы'],
    ['оглы', 'Оглы'], // a lone word is capitalised
    ['мар’яна', "Мар'яна"], // typographic apostrophe made plain
    ["д'артаньян", "Д'артаньян"],
    ['ван дер берг', 'Ван Дер Берг'],
    ['я', 'Я'],
  ])('%j → %j', (input, expected) => {
    expect(name(input)).toBe(expected);
  });

  it.each([
    ['Ivanov', 'Есть латинские буквы'],
    ['Иванoв', 'Есть латинские буквы'], // Latin o
    ['Иванов2', 'русские буквы'],
    ['-Анна', 'русские буквы'],
    ['Анна-', 'русские буквы'],
    ['Анна--Мария', 'русские буквы'],
    ["'Анна", 'русские буквы'],
    ['Анна.', 'русские буквы'],
    ['Анна_Мария', 'русские буквы'],
    ['Ґалина', 'русские буквы'],
  ])('rejects %j', (input, fragment) => {
    const r = validatePersonName('firstName', input, { required: true });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues).toHaveLength(1);
      expect(r.issues[0]).toMatchObject({ field: 'firstName', code: 'PERSON_NAME_INVALID' });
      expect(r.issues[0]!.message).toContain(fragment);
    }
  });

  it('accepts 60 characters and rejects 61', () => {
    expect(name('а'.repeat(60))).toBe(`А${'а'.repeat(59)}`);
    expect(name('а'.repeat(61))).toBe('lastName:PERSON_NAME_INVALID');
    expect(name(`${'а'.repeat(30)}   ${'б'.repeat(29)}`)).toHaveLength(60); // spaces collapse before counting
  });

  it('requires a value only when asked', () => {
    expect(name('', true)).toBe('lastName:FIELD_REQUIRED');
    expect(name('   ', true)).toBe('lastName:FIELD_REQUIRED');
    expect(name(null, true)).toBe('lastName:FIELD_REQUIRED');
    expect(name(undefined, false)).toBeNull();
    expect(name('  ', false)).toBeNull();
    expect(name('петрович', false)).toBe('Петрович');
  });

  it('normalisation is idempotent and keeps the letters', () => {
    const letter = fc.constantFrom(...'абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВЁЯ'.split(''));
    const word = fc.string({ unit: letter, minLength: 1, maxLength: 10 });
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 3 }),
        fc.constantFrom('-', ' ', "'"),
        (words, sep) => {
          const input = words.join(sep);
          const r = validatePersonName('f', input, { required: true });
          if (input.length > 60) return;
          expect(r.ok).toBe(true);
          if (!r.ok) return;
          expect(r.value.toLowerCase()).toBe(input.toLowerCase());
          expect(validatePersonName('f', r.value, { required: true })).toEqual(r);
          expect(r.value.charAt(0)).toBe(r.value.charAt(0).toUpperCase());
        },
      ),
    );
  });
});

describe('validateSex', () => {
  it.each([
    ['M', 'M'],
    ['m', 'M'],
    ['м', 'M'],
    ['М', 'M'],
    ['1', 'M'],
    [' F ', 'F'],
    ['f', 'F'],
    ['ж', 'F'],
    ['Ж', 'F'],
    ['2', 'F'],
  ])('%j → %s', (input, sex) => {
    expect(validateSex('sex', input)).toEqual({ ok: true, value: sex });
  });

  it('accepts the numeric W codes', () => {
    expect(validateSex('W', 1)).toEqual({ ok: true, value: 'M' });
    expect(validateSex('W', 2)).toEqual({ ok: true, value: 'F' });
  });

  it('rejects anything else', () => {
    for (const v of ['0', '3', 'X', 'муж', 'male', 'MF']) {
      expect(validateSex('sex', v)).toMatchObject({
        ok: false,
        issues: [{ field: 'sex', code: 'PERSON_SEX_INVALID' }],
      });
    }
    for (const v of ['', '  ', null, undefined]) {
      expect(validateSex('sex', v)).toMatchObject({
        ok: false,
        issues: [{ field: 'sex', code: 'FIELD_REQUIRED' }],
      });
    }
  });

  it('maps back to the W code', () => {
    expect(sexToExchangeCode('M')).toBe(1);
    expect(sexToExchangeCode('F')).toBe(2);
  });
});

describe('validateBirthDate', () => {
  const today = d('2026-11-22');
  const check = (v: string | null) => {
    const r = validateBirthDate('birthDate', v, today);
    return r.ok ? r.value : r.issues.map((i) => `${i.field}:${i.code}`).join(',');
  };

  it('accepts real dates up to today in both formats', () => {
    expect(check('22.11.2026')).toBe('2026-11-22');
    expect(check('2008-02-29')).toBe('2008-02-29');
    expect(check('01.01.1900')).toBe('1900-01-01');
  });

  it('rejects the future, dates before 1900, impossible and missing dates', () => {
    expect(check('23.11.2026')).toBe('birthDate:DATE_IN_FUTURE');
    expect(check('31.12.1899')).toBe('birthDate:DATE_TOO_EARLY');
    expect(check('29.02.2025')).toBe('birthDate:DATE_INVALID');
    expect(check('31.04.2000')).toBe('birthDate:DATE_INVALID');
    expect(check('')).toBe('birthDate:FIELD_REQUIRED');
    expect(check(null)).toBe('birthDate:FIELD_REQUIRED');
    const early = validateBirthDate('b', '1899-12-31', today);
    expect(!early.ok && early.issues[0]!.message).toContain('01.01.1900');
  });
});

describe('age thresholds', () => {
  it('is a minor until the 18th birthday', () => {
    expect(isMinor(d('2008-11-22'), d('2026-11-21'))).toBe(true);
    expect(isMinor(d('2008-11-22'), d('2026-11-22'))).toBe(false);
    expect(isMinor(d('2008-02-29'), d('2026-02-28'))).toBe(true);
    expect(isMinor(d('2008-02-29'), d('2026-03-01'))).toBe(false);
  });

  it('acts alone from the 14th birthday', () => {
    expect(canActAlone(d('2012-11-22'), d('2026-11-21'))).toBe(false);
    expect(canActAlone(d('2012-11-22'), d('2026-11-22'))).toBe(true);
    expect(canActAlone(d('2012-01-01'), d('2025-12-31'))).toBe(false);
    expect(canActAlone(d('1950-06-01'), d('2026-11-22'))).toBe(true);
  });
});

describe('sameName', () => {
  it('ignores case, ё/е and extra spaces', () => {
    expect(sameName('Алёна', ' АЛЕНА ')).toBe(true);
    expect(sameName('Анна', 'Алёна')).toBe(false);
    expect(sameName(null, '')).toBe(true);
  });
});

describe('majorityDate', () => {
  it('representation ends on the 18th birthday', () => {
    expect(majorityDate(d('2025-10-01'))).toBe('2043-10-01');
    expect(majorityDate(d('2024-02-29'))).toBe('2042-03-01');
    expect(majorityDate(d('2012-02-29'))).toBe('2030-03-01');
  });
});
