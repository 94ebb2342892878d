import { describe, expect, it } from 'vitest';
import { DEMO_NEW_APPLICANT, DEMO_NOT_REGISTERED, DEMO_PEOPLE } from '@/db/seed/demo-people';
import { normalizeDocument } from '@/lib/domain/ru/documents';
import { validateSnils } from '@/lib/domain/ru/snils';
import { ageOn } from '@/lib/domain/dates';
import { toLocalDate } from '@/lib/domain/dates';
import { renderSignInPage } from './pages';
import { fullName, TEST_CITIZENS, testCitizen } from './test-citizens';

describe('test citizens of the development provider', () => {
  it('are adults with unique keys and subjects', () => {
    expect(new Set(TEST_CITIZENS.map((c) => c.key)).size).toBe(TEST_CITIZENS.length);
    expect(new Set(TEST_CITIZENS.map((c) => c.sub)).size).toBe(TEST_CITIZENS.length);
    for (const c of TEST_CITIZENS) {
      if (c.birthdate)
        expect(ageOn(toLocalDate(c.birthdate), toLocalDate('2026-01-01')), c.key).toBeGreaterThanOrEqual(18);
    }
  });

  it('match the demo people of the register, verified; the foreign resident standard', () => {
    for (const key of [
      'active-moscow-parent',
      'suspended-military-service',
      'changed-insurer-this-year',
      'moved-region-this-year',
      'insurer-leaving-region',
    ]) {
      const person = DEMO_PEOPLE.find((p) => p.key === key)!;
      const c = testCitizen(key);
      expect(c.level).toBe('verified');
      expect(c).toMatchObject({
        familyName: person.lastName,
        givenName: person.firstName,
        birthdate: person.birthDate,
        snils: person.snils,
        passport: { series: person.document.series, number: person.document.number },
      });
    }
    expect(testCitizen('foreign-resident')).toMatchObject({
      level: 'standard',
      passport: null,
      snils: '13806275966',
    });
  });

  it('include a verified person not in the register and a simplified account', () => {
    expect(testCitizen('not-registered')).toMatchObject({
      level: 'verified',
      snils: DEMO_NOT_REGISTERED.snils,
      passport: { series: '4516', number: '587240' },
    });
    expect(testCitizen('new-applicant')).toMatchObject({
      level: 'verified',
      snils: DEMO_NEW_APPLICANT.snils,
      passport: { series: '4519', number: '302718' },
    });
    for (const outside of [DEMO_NOT_REGISTERED, DEMO_NEW_APPLICANT]) {
      expect(DEMO_PEOPLE.some((p) => p.snils === outside.snils)).toBe(false);
      expect(validateSnils(outside.snils).ok).toBe(true);
      expect(normalizeDocument(outside.document).ok).toBe(true);
    }
    expect(testCitizen('simplified')).toMatchObject({ level: 'simplified', snils: null, passport: null });
  });
});

describe('the sign-in page', () => {
  const html = renderSignInPage({
    clientName: 'Портал <тест>',
    citizens: TEST_CITIZENS,
    loginAction: '/esia-dev/interaction/abc/login',
    abortAction: '/esia-dev/interaction/abc/abort',
  });

  it('has a form per citizen with a «Войти как …» button, grouped by level, verified first', () => {
    for (const c of TEST_CITIZENS) expect(html).toContain(`Войти как ${fullName(c)}</button>`);
    expect(html.match(/<form method="post" action="\/esia-dev\/interaction\/abc\/login">/g)).toHaveLength(
      TEST_CITIZENS.length,
    );
    const order = [
      'Подтверждённая учётная запись',
      'Стандартная учётная запись',
      'Упрощённая учётная запись',
    ];
    const positions = order.map((h) => html.indexOf(h));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('escapes what it prints and has no script', () => {
    expect(html).toContain('Портал &#60;тест&#62;');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('<html lang="ru">');
  });
});
