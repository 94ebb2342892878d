import { describe, expect, it } from 'vitest';
import type { LocalDate } from '@/lib/domain/dates';
import { passportValidity } from './passport-validity';

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
