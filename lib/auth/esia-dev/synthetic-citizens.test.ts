import { describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '@/db/seed/demo-people';
import { toLocalDate } from '@/lib/domain/dates';
import { normalizeDocument } from '@/lib/domain/ru/documents';
import { passportValidity } from '@/lib/domain/ru/passport-validity';
import { validateSnils } from '@/lib/domain/ru/snils';
import { citizenClaimsFrom } from '../citizen-claims';
import { syntheticCitizensAllowed } from '../citizen-config';
import { renderSignInPage } from './pages';
import { isSyntheticSeed, syntheticCitizen, syntheticCitizenBySub } from './synthetic-citizens';
import { TEST_CITIZENS, testCitizenClaims } from './test-citizens';

const seeds = Array.from({ length: 300 }, (_, i) => `seed${String(i).padStart(6, '0')}`);

describe('synthetic citizens', () => {
  it('are the same for the same seed and differ between seeds', () => {
    expect(syntheticCitizen('abcdefgh12')).toEqual(syntheticCitizen('abcdefgh12'));
    const all = seeds.map(syntheticCitizen);
    expect(new Set(all.map((c) => c.snils)).size).toBe(all.length);
    expect(new Set(all.map((c) => `${c.passport!.series} ${c.passport!.number}`)).size).toBe(all.length);
    expect(new Set(all.map((c) => c.sub)).size).toBe(all.length);
    const demoSnils = new Set(DEMO_PEOPLE.map((p) => p.snils));
    expect(all.filter((c) => demoSnils.has(c.snils))).toEqual([]);
  });

  it('are verified adults with a valid СНИЛС and a valid Russian passport through 2034', () => {
    for (const c of seeds.map(syntheticCitizen)) {
      expect(c.level).toBe('verified');
      expect(validateSnils(c.snils!).ok, c.snils!).toBe(true);
      expect(normalizeDocument({ kind: 14, ...c.passport! }).ok, c.passport!.series).toBe(true);
      for (const today of ['2026-01-01', '2034-12-31']) {
        expect(
          passportValidity(toLocalDate(c.birthdate!), toLocalDate(c.passportIssued), toLocalDate(today)),
        ).toEqual({ valid: true });
      }
      // What the portal reads from the provider's claims is the identity itself.
      const claims = citizenClaimsFrom(testCitizenClaims(c));
      expect(claims).toMatchObject({ snils: c.snils, birthDate: c.birthdate, accountLevel: 'verified' });
    }
  });

  it('are found by subject only with a well-formed seed', () => {
    expect(syntheticCitizenBySub('synthetic-abcdefgh12')?.snils).toBe(syntheticCitizen('abcdefgh12').snils);
    for (const bad of ['synthetic-short', 'synthetic-ABCDEFGH12', 'synthetic-abc/../x1', '1000100001']) {
      expect(syntheticCitizenBySub(bad), bad).toBeUndefined();
    }
    expect(isSyntheticSeed('a'.repeat(33))).toBe(false);
    expect(() => syntheticCitizen('bad seed')).toThrow();
  });

  it('are offered only on the embedded database, and only then on the sign-in page', () => {
    expect(syntheticCitizensAllowed({ embedded: true })).toBe(true);
    expect(syntheticCitizensAllowed({ embedded: false })).toBe(false);
    const page = (syntheticCitizens: boolean) =>
      renderSignInPage({
        clientName: 'Портал',
        citizens: TEST_CITIZENS,
        syntheticCitizens,
        loginAction: '/esia-dev/interaction/abc/login',
        abortAction: '/esia-dev/interaction/abc/abort',
      });
    expect(page(true)).toContain('name="synthetic"');
    expect(page(true)).toContain('Войти как синтетический гражданин');
    expect(page(false)).not.toContain('name="synthetic"');
  });
});
