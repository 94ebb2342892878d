import { describe, expect, it } from 'vitest';
import { LOGIN_PATTERN, passwordProblem } from './password-policy';

describe('the staff password policy', () => {
  it('accepts a long varied password', () => {
    expect(passwordProblem('зелёный-чайник-2026', 'ivanov')).toBeNull();
  });

  it.each([
    ['short-pass1', 'ivanov', 'не короче 12'],
    ['x'.repeat(257), 'ivanov', 'не длиннее 256'],
    ['Ivanov.Petrov', 'ivanov.petrov', 'не должен совпадать с логином'],
    ['aaaaaaaaaaaaaaab', 'ivanov', 'слишком простой'],
  ])('refuses %j for %s (%s)', (password, login, words) => {
    expect(passwordProblem(password, login)).toContain(words);
  });

  it('takes logins of Latin letters, digits and . _ - only', () => {
    expect(LOGIN_PATTERN.test('tfoms77.ivanov')).toBe(true);
    expect(LOGIN_PATTERN.test('Иванов')).toBe(false);
    expect(LOGIN_PATTERN.test('ab')).toBe(false);
  });
});
