import { describe, expect, it } from 'vitest';
import {
  citizenClaimsFrom,
  citizenDisplayName,
  citizenIdentity,
  citizenSessionExpired,
  type CitizenClaims,
} from './citizen-claims';
import { TEST_CITIZENS, testCitizen, testCitizenClaims } from './esia-dev/test-citizens';

const verified = {
  sub: '1000100001',
  family_name: 'Иванов',
  given_name: 'Сергей',
  middle_name: 'Петрович',
  birthdate: '1985-04-12',
  gender: 'male',
  snils: '148-215-630 57',
  passport_series: '45 05',
  passport_number: '318274',
  trusted: true,
  account_level: 'verified',
};

describe('citizenClaimsFrom', () => {
  it('normalises a verified account: СНИЛС digits, passport as the register stores it, sex', () => {
    expect(citizenClaimsFrom(verified)).toEqual<CitizenClaims>({
      sub: '1000100001',
      lastName: 'Иванов',
      firstName: 'Сергей',
      patronymic: 'Петрович',
      birthDate: '1985-04-12',
      sex: 'M',
      snils: '14821563057',
      passport: { series: '4505', number: '318274' },
      iin: null,
      trusted: true,
      accountLevel: 'verified',
    });
  });

  it('is trusted only with the flag and a verified level; a disagreement is read the safe way', () => {
    expect(citizenClaimsFrom({ ...verified, trusted: false })?.trusted).toBe(false);
    expect(citizenClaimsFrom({ ...verified, account_level: 'standard' })).toMatchObject({
      trusted: false,
      accountLevel: 'standard',
    });
    expect(citizenClaimsFrom({ ...verified, trusted: undefined })?.trusted).toBe(false);
    expect(citizenClaimsFrom({ ...verified, trusted: 'true' })?.trusted).toBe(true);
  });

  it('derives the level from the flag when the issuer does not name one', () => {
    expect(citizenClaimsFrom({ ...verified, account_level: undefined })).toMatchObject({
      trusted: true,
      accountLevel: 'verified',
    });
    expect(citizenClaimsFrom({ ...verified, account_level: undefined, trusted: false })?.accountLevel).toBe(
      'simplified',
    );
  });

  it('drops malformed identifiers instead of trusting them', () => {
    const c = citizenClaimsFrom({
      ...verified,
      snils: '14821563058', // wrong check number
      passport_series: '45',
      birthdate: '1985-02-31',
      gender: 'unknown',
    });
    expect(c).toMatchObject({ snils: null, passport: null, birthDate: null, sex: null });
  });

  it('keeps a simplified account with only a name', () => {
    expect(citizenClaimsFrom({ sub: 'x1', family_name: 'Новикова', given_name: 'Татьяна' })).toEqual({
      sub: 'x1',
      lastName: 'Новикова',
      firstName: 'Татьяна',
      patronymic: null,
      birthDate: null,
      sex: null,
      snils: null,
      passport: null,
      iin: null,
      trusted: false,
      accountLevel: 'simplified',
    });
  });

  it('refuses claims without a subject or a name', () => {
    expect(citizenClaimsFrom({ ...verified, sub: '' })).toBeNull();
    expect(citizenClaimsFrom({ ...verified, family_name: '  ' })).toBeNull();
    expect(citizenClaimsFrom({ ...verified, given_name: undefined })).toBeNull();
    expect(citizenClaimsFrom(null)).toBeNull();
    expect(citizenClaimsFrom({ ...verified, account_level: 'gold' })).toBeNull();
  });

  it('maps every test citizen of the development provider', () => {
    for (const c of TEST_CITIZENS) {
      const claims = citizenClaimsFrom(testCitizenClaims(c));
      expect(claims, c.key).not.toBeNull();
      expect(claims!.trusted, c.key).toBe(c.level === 'verified');
      expect(claims!.accountLevel, c.key).toBe(c.level);
      if (c.snils) expect(claims!.snils, c.key).toBe(c.snils);
      if (c.passport) expect(claims!.passport, c.key).toEqual(c.passport);
    }
  });
});

describe('citizenIdentity', () => {
  const claims = citizenClaimsFrom(testCitizenClaims(testCitizen('active-moscow-parent')))!;

  it('is a citizen actor with the register links still unresolved, and the session end', () => {
    expect(citizenIdentity(claims, 1_000, 3_600)).toEqual({
      actor: { kind: 'citizen', id: '1000100001', personId: null, representedPersonIds: [], trusted: true },
      displayName: 'Иванов Сергей Петрович',
      staffRole: null,
      citizen: { claims, expiresAt: 4_600 },
    });
  });

  it('expires at the end, not before', () => {
    const identity = citizenIdentity(claims, 1_000, 3_600);
    expect(citizenSessionExpired(identity, 4_599)).toBe(false);
    expect(citizenSessionExpired(identity, 4_600)).toBe(true);
    expect(
      citizenSessionExpired({ actor: { kind: 'system', id: 's' }, displayName: 'x', staffRole: null }, 9e9),
    ).toBe(false);
  });

  it('names without a patronymic', () => {
    expect(citizenDisplayName({ lastName: 'Каримов', firstName: 'Рустам', patronymic: null })).toBe(
      'Каримов Рустам',
    );
  });
});

describe('the ИИН claim (eGov, Kazakhstan’s register)', () => {
  it('is kept when its check digit holds and dropped otherwise, like a wrong СНИЛС', () => {
    const egov = { sub: 'egov-1', family_name: 'Ахметов', given_name: 'Ерлан', trusted: true };
    expect(citizenClaimsFrom({ ...egov, iin: '880514 300 016' })?.iin).toBe('880514300016');
    expect(citizenClaimsFrom({ ...egov, iin: '880514300015' })?.iin).toBeNull();
    expect(citizenClaimsFrom({ ...egov, iin: 'abc' })?.iin).toBeNull();
  });
});
