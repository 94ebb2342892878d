import { describe, expect, it } from 'vitest';
import { KZ_DEMO_PEOPLE } from '@/db/seed/kz/demo-people';
import { validateIin } from '@/lib/domain/kz';
import { KZ_NOT_REGISTERED, KZ_TEST_CITIZENS } from './kz-test-citizens';
import { TEST_CITIZENS, testCitizenClaims } from './test-citizens';

describe('the Kazakh demo register’s eGov accounts', () => {
  it('carry the ИИН of the demo person they are, as the `iin` claim', () => {
    for (const c of KZ_TEST_CITIZENS.filter((a) => a.key !== 'kz-not-registered')) {
      const person = KZ_DEMO_PEOPLE.find((p) => p.key === c.key)!;
      expect(testCitizenClaims(c)).toMatchObject({
        sub: person.accountSub,
        iin: person.iin,
        family_name: person.lastName,
        birthdate: person.birthDate,
        trusted: true,
      });
    }
    expect(KZ_TEST_CITIZENS.length).toBeGreaterThanOrEqual(10);
  });

  it('one verified account is of nobody in the register; subjects never collide with Russia’s', () => {
    expect(validateIin(KZ_NOT_REGISTERED.iin).ok).toBe(true);
    expect(KZ_DEMO_PEOPLE.map((p) => p.iin)).not.toContain(KZ_NOT_REGISTERED.iin);
    const subs = [...TEST_CITIZENS, ...KZ_TEST_CITIZENS].map((c) => c.sub);
    expect(new Set(subs).size).toBe(subs.length);
    // Russian accounts have no ИИН
    for (const c of TEST_CITIZENS) expect(testCitizenClaims(c).iin).toBeNull();
  });
});
