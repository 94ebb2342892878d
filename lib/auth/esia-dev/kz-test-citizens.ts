import { KZ_DEMO_PEOPLE } from '@/db/seed/kz/demo-people';
import { syntheticIin } from '@/lib/domain/kz';
import type { LocalDate } from '@/lib/domain/dates';
import type { TestCitizen } from './test-citizens';

/**
 * The eGov-style accounts of the Kazakh demo register (ADR 0030): every adult demo person with an account
 * (db/seed/kz/demo-people.ts `accountSub`) — the claim `iin` names whom the cabinet shows — and one verified
 * person the register does not know. Invented, like the demo register itself.
 */
export const KZ_NOT_REGISTERED = {
  lastName: 'Сагинтаева',
  firstName: 'Алия',
  patronymic: 'Маратқызы',
  birthDate: '1997-10-04',
  sex: 'F' as const,
  iin: syntheticIin('1997-10-04' as LocalDate, 'female', 7),
};

export const KZ_TEST_CITIZENS: readonly TestCitizen[] = [
  ...KZ_DEMO_PEOPLE.filter((p) => p.accountSub !== null).map((p): TestCitizen => ({
    key: p.key,
    sub: p.accountSub!,
    level: 'verified',
    familyName: p.lastName,
    givenName: p.firstName,
    middleName: p.patronymic,
    birthdate: p.birthDate,
    gender: p.sex === 'M' ? 'male' : 'female',
    snils: null,
    passport: null,
    iin: p.iin,
    note: p.note,
  })),
  {
    key: 'kz-not-registered',
    sub: '7700100101',
    level: 'verified',
    familyName: KZ_NOT_REGISTERED.lastName,
    givenName: KZ_NOT_REGISTERED.firstName,
    middleName: KZ_NOT_REGISTERED.patronymic,
    birthdate: KZ_NOT_REGISTERED.birthDate,
    gender: 'female',
    snils: null,
    passport: null,
    iin: KZ_NOT_REGISTERED.iin,
    note: 'Ещё нет в реестре участников ОСМС.',
  },
];
