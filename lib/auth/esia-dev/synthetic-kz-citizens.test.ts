import { describe, expect, it } from 'vitest';
import { validateIin } from '@/lib/domain/kz/iin';
import { citizenClaimsFrom } from '../citizen-claims';
import { syntheticKzCitizen, syntheticKzCitizenBySub } from './synthetic-kz-citizens';
import { testCitizenClaims } from './test-citizens';

describe('synthetic citizens of Kazakhstan’s register', () => {
  it('carry a valid ИИН that encodes their birth date and sex, and the same seed gives the same person', () => {
    for (const seed of ['kzportal01', 'kzportal02', 'abcdefgh', 'zz99zz99zz']) {
      const c = syntheticKzCitizen(seed);
      const iin = validateIin(c.iin);
      expect(iin.ok).toBe(true);
      if (!iin.ok) throw new Error(`invalid ИИН ${c.iin}`);
      expect(iin.value.birthDate).toBe(c.birthdate);
      expect(iin.value.sex).toBe(c.gender);
      expect(c.snils).toBeNull();
      expect(syntheticKzCitizenBySub(c.sub)).toEqual(c);
    }
    expect(syntheticKzCitizen('kzportal01').iin).not.toBe(syntheticKzCitizen('kzportal02').iin);
  });

  it('sign in with the ИИН as eGov’s claim, which the portal keeps', () => {
    const c = syntheticKzCitizen('kzportal03');
    expect(citizenClaimsFrom(testCitizenClaims(c))).toMatchObject({ iin: c.iin, trusted: true, snils: null });
  });

  it('are no Russian synthetic citizens, and malformed subjects are nobody', () => {
    expect(syntheticKzCitizenBySub('synthetic-kzportal01')).toBeUndefined();
    expect(syntheticKzCitizenBySub('synthetic-kz-UPPER-case')).toBeUndefined();
  });
});
