import { describe, expect, it } from 'vitest';
import { AppError, fieldIssue } from '@/lib/errors';
import { refusalState } from './form-state';

const values = { iin: '900101300123', category: '' };
const category = fieldIssue('category', 'VALIDATION_FAILED', 'Выберите льготную категорию.');
const iin = fieldIssue('iin', 'VALIDATION_FAILED', 'ИИН указан неверно.');

describe('refusalState', () => {
  it('puts each invalid field beside its input and keeps what was typed', () => {
    expect(refusalState(values, AppError.validation([category]))).toEqual({
      values,
      errors: [{ field: 'category', message: 'Выберите льготную категорию.' }],
      formError: null,
      result: null,
    });
  });

  it('says a refusal without fields for the whole form', () => {
    const error = new AppError('PERSON_NOT_FOUND', { message: 'Человек не найден.' });
    expect(refusalState(values, error)).toEqual({
      values,
      errors: [],
      formError: 'Человек не найден.',
      result: null,
    });
  });

  it('says a field the form does not show for the whole form, beside the fields it does', () => {
    const state = refusalState(values, AppError.validation([iin, category]), ['iin']);
    expect(state.errors).toEqual([{ field: 'category', message: 'Выберите льготную категорию.' }]);
    expect(state.formError).toBe(new AppError('VALIDATION_FAILED').message);
    const only = refusalState(values, AppError.validation([iin]), ['iin']);
    expect(only).toMatchObject({ errors: [], formError: new AppError('VALIDATION_FAILED').message });
  });

  it('rethrows what is not a catalogued error', () => {
    const bug = new TypeError('boom');
    expect(() => refusalState(values, bug)).toThrow(bug);
  });
});
