import { describe, expect, it } from 'vitest';
import { validateKzPersonName } from './person-name';

const ok = (v: string) => validateKzPersonName('lastName', v, { required: true });

describe('validateKzPersonName', () => {
  it('accepts Kazakh and Russian Cyrillic and Latin names, normalising spaces, hyphens and apostrophes', () => {
    expect(ok('Серикқызы')).toEqual({ ok: true, value: 'Серикқызы' });
    expect(ok('  Әбілқайыр  ')).toEqual({ ok: true, value: 'Әбілқайыр' });
    expect(ok('Нұр – Сұлтан')).toEqual({ ok: true, value: 'Нұр-Сұлтан' });
    expect(ok('Ivanova')).toEqual({ ok: true, value: 'Ivanova' });
    expect(ok('O’Neil')).toEqual({ ok: true, value: "O'Neil" });
  });

  it('refuses mixed scripts, digits and stray punctuation, naming the field', () => {
    for (const bad of ['Ivanовa', 'Асель2', '-Асель', 'Асель!']) {
      expect(ok(bad), bad).toMatchObject({
        ok: false,
        issues: [{ field: 'lastName', code: 'PERSON_NAME_INVALID' }],
      });
    }
    expect(ok('А'.repeat(101))).toMatchObject({ ok: false, issues: [{ code: 'PERSON_NAME_INVALID' }] });
  });

  it('an empty optional name is none; an empty required one is asked for', () => {
    expect(validateKzPersonName('patronymic', '  ', { required: false })).toEqual({ ok: true, value: null });
    expect(ok('')).toMatchObject({ ok: false, issues: [{ field: 'lastName', code: 'FIELD_REQUIRED' }] });
  });
});
