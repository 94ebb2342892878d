import { describe, expect, it } from 'vitest';
import type { LocalDate } from '@/lib/domain/dates';
import type { CoverageRow } from '@/lib/register/coverage-queries';
import { passportValidity, sameName, summariseReview } from './automatic-checks';
import { formatMoscowDateTime } from './labels';
import { childPolicyPlan, majorityDate } from './match-child';

const d = (s: string) => s as LocalDate;

describe('passportValidity', () => {
  const born = d('1990-06-15');
  it('accepts a passport without an issue date (format only) and one issued after 45', () => {
    expect(passportValidity(born, null, d('2026-03-10'))).toEqual({ valid: true });
    expect(passportValidity(d('1970-01-01'), d('2015-02-01'), d('2026-03-10'))).toEqual({ valid: true });
  });

  it('a passport issued at 14 is valid until 90 days after the 20th birthday', () => {
    expect(passportValidity(born, d('2004-07-01'), d('2010-09-13'))).toEqual({ valid: true });
    const expired = passportValidity(born, d('2004-07-01'), d('2010-09-14'));
    expect(expired).toMatchObject({ valid: false, code: 'DOCUMENT_EXPIRED' });
    if (!expired.valid) expect(expired.text).toContain('20 лет');
  });

  it('a passport issued at 20 is valid until 90 days after the 45th birthday', () => {
    expect(passportValidity(born, d('2010-07-01'), d('2035-09-13'))).toEqual({ valid: true });
    expect(passportValidity(born, d('2010-07-01'), d('2035-09-14'))).toMatchObject({
      valid: false,
      code: 'DOCUMENT_EXPIRED',
    });
  });

  it('impossible issue dates are invalid', () => {
    expect(passportValidity(born, d('2003-01-01'), d('2026-03-10'))).toMatchObject({
      valid: false,
      code: 'DOCUMENT_INVALID',
    });
    expect(passportValidity(born, d('2026-03-11'), d('2026-03-10'))).toMatchObject({
      valid: false,
      code: 'DOCUMENT_INVALID',
    });
  });

  it('29 February birthdays reach their age on 1 March in common years', () => {
    expect(passportValidity(d('2004-02-29'), d('2018-03-01'), d('2024-05-29'))).toEqual({ valid: true });
    expect(passportValidity(d('2004-02-29'), d('2018-03-01'), d('2024-05-30'))).toMatchObject({
      valid: false,
    });
  });
});

describe('sameName and summariseReview', () => {
  it('ignores case, ё/е and extra spaces', () => {
    expect(sameName('Алёна', ' АЛЕНА ')).toBe(true);
    expect(sameName('Анна', 'Алёна')).toBe(false);
    expect(sameName(null, '')).toBe(true);
  });

  it('keeps the first code and all the texts', () => {
    expect(summariseReview([])).toBeNull();
    expect(
      summariseReview([
        { code: 'DUPLICATE_SNILS', text: 'первое.' },
        { code: 'DOCUMENT_INVALID', text: 'второе' },
      ]),
    ).toEqual({ code: 'DUPLICATE_SNILS', text: 'Заявление проверит специалист: первое; второе.' });
  });
});

describe('child policy plan', () => {
  const row = (over: Partial<CoverageRow>): CoverageRow => ({
    id: 1,
    personId: 1,
    insurerCode: '77001',
    subjectCode: '77',
    status: 'active',
    reason: 'birth',
    form: 'electronic',
    validFrom: '2025-10-01',
    validTo: null,
    recordedFrom: new Date(),
    recordedTo: null,
    ...over,
  });
  const today = d('2026-03-10');

  it('issues when there is no policy, chooses the first insurer after birth, keeps an earlier choice', () => {
    expect(childPolicyPlan(null, '77002', today)).toEqual({ kind: 'issue' });
    expect(childPolicyPlan(row({}), '77002', today)).toEqual({ kind: 'first_choice' });
    expect(childPolicyPlan(row({}), '77001', today)).toEqual({ kind: 'keep' });
    expect(childPolicyPlan(row({ reason: 'insurer_change' }), '77002', today)).toEqual({ kind: 'keep' });
    expect(childPolicyPlan(row({ status: 'suspended', reason: 'military_service' }), '77002', today)).toEqual(
      { kind: 'keep' },
    );
    expect(
      childPolicyPlan(row({ status: 'terminated', reason: 'citizenship_ended' }), '77002', today),
    ).toEqual({ kind: 'issue' });
    expect(childPolicyPlan(row({ status: 'terminated', reason: 'death' }), '77002', today)).toEqual({
      kind: 'keep',
    });
    expect(childPolicyPlan(row({ validTo: '2026-01-01' }), '77002', today)).toEqual({ kind: 'issue' });
  });

  it('representation ends on the 18th birthday', () => {
    expect(majorityDate(d('2025-10-01'))).toBe('2043-10-01');
    expect(majorityDate(d('2024-02-29'))).toBe('2042-03-01');
    expect(majorityDate(d('2012-02-29'))).toBe('2030-03-01');
  });
});

describe('formatMoscowDateTime', () => {
  it('shows instants in Moscow time', () => {
    expect(formatMoscowDateTime(new Date('2026-03-10T20:59:59.999Z'))).toBe('10.03.2026, 23:59');
  });
});
