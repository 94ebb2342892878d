import { DEMO_NEW_APPLICANT, DEMO_NOT_REGISTERED, DEMO_PEOPLE, type DemoPerson } from '@/db/seed/demo-people';
import type { AccountLevel } from '../citizen-claims';

/**
 * The accounts of the development identity provider: adults of the demo register (so every journey can be
 * tried on data that is already there), one verified person who is not in the register yet, and accounts
 * below the verified level. Children have no accounts: their parents act for them.
 *
 * Everything here is invented, like the demo register itself.
 */
export interface TestCitizen {
  /** A short stable key for tests (the demo person's key where there is one). */
  key: string;
  /** The account's subject, like the numeric object id of a ЕСИА account. Stable across restarts. */
  sub: string;
  level: AccountLevel;
  familyName: string;
  givenName: string;
  middleName: string | null;
  /** `YYYY-MM-DD`; unknown for a simplified account. */
  birthdate: string | null;
  gender: 'male' | 'female';
  snils: string | null;
  passport: { series: string; number: string } | null;
  /** Kazakhstan's ИИН: an eGov account of Kazakhstan's register carries it (ADR 0032); ЕСИА's never do. */
  iin?: string | null;
  /** What to try with this account, in Russian, shown on the provider's sign-in page. */
  note: string;
}

type NamedPerson = Pick<DemoPerson, 'lastName' | 'firstName' | 'patronymic' | 'birthDate' | 'sex' | 'snils'>;

/** The claims ЕСИА holds about a person, in the provider's names. */
const identityOf = (p: NamedPerson) => ({
  familyName: p.lastName,
  givenName: p.firstName,
  middleName: p.patronymic,
  birthdate: p.birthDate,
  gender: p.sex === 'M' ? ('male' as const) : ('female' as const),
  snils: p.snils,
});

const fromDemo = (key: string, level: AccountLevel, sub: string, note: string): TestCitizen => {
  const p: DemoPerson | undefined = DEMO_PEOPLE.find((d) => d.key === key);
  if (!p) throw new Error(`No demo person ${key}`);
  return {
    key,
    sub,
    level,
    ...identityOf(p),
    // Only a Russian passport (F011 kind 14) travels as the passport claims.
    passport:
      p.document.kind === 14 && p.document.series
        ? { series: p.document.series, number: p.document.number }
        : null,
    note,
  };
};

/** A verified account of someone the register does not know yet: they can get a policy. */
const unregistered = (
  key: string,
  sub: string,
  p: typeof DEMO_NOT_REGISTERED | typeof DEMO_NEW_APPLICANT,
): TestCitizen => ({
  key,
  sub,
  level: 'verified',
  ...identityOf(p),
  passport: { series: p.document.series, number: p.document.number },
  note: 'Ещё нет в регистре: можно получить электронный полис.',
});

export const TEST_CITIZENS: readonly TestCitizen[] = [
  fromDemo(
    'active-moscow-parent',
    'verified',
    '1000100001',
    'Полис действует, Москва; отец ребёнка — Ивановой Анны.',
  ),
  fromDemo(
    'suspended-military-service',
    'verified',
    '1000100003',
    'Полис приостановлен на время военной службы.',
  ),
  fromDemo(
    'changed-insurer-this-year',
    'verified',
    '1000100004',
    'Уже меняла страховую компанию в этом году.',
  ),
  fromDemo('moved-region-this-year', 'verified', '1000100005', 'Переехал из Самары в Москву в этом году.'),
  fromDemo(
    'insurer-leaving-region',
    'verified',
    '1000100008',
    'Страховая компания уходит из региона — нужно выбрать другую.',
  ),
  unregistered('not-registered', '1000100101', DEMO_NOT_REGISTERED),
  unregistered('new-applicant', '1000100102', DEMO_NEW_APPLICANT),
  fromDemo(
    'foreign-resident',
    'standard',
    '1000100006',
    'Иностранный гражданин с видом на жительство; учётная запись не подтверждена.',
  ),
  {
    key: 'simplified',
    sub: '1000100201',
    level: 'simplified',
    familyName: 'Новикова',
    givenName: 'Татьяна',
    middleName: 'Сергеевна',
    birthdate: null,
    gender: 'female',
    snils: null,
    passport: null,
    note: 'Упрощённая учётная запись: только ФИО и телефон, документы не проверены.',
  },
];

export function testCitizen(key: string): TestCitizen {
  const citizen = TEST_CITIZENS.find((c) => c.key === key);
  if (!citizen) throw new Error(`No test citizen ${key}`);
  return citizen;
}

export function testCitizenBySub(sub: string): TestCitizen | undefined {
  return TEST_CITIZENS.find((c) => c.sub === sub);
}

export function fullName(c: Pick<TestCitizen, 'familyName' | 'givenName' | 'middleName'>): string {
  return [c.familyName, c.givenName, c.middleName].filter(Boolean).join(' ');
}

/** The claims the provider releases for an account: the same shape a ЕСИА-compatible issuer sends. */
export function testCitizenClaims(c: TestCitizen): Record<string, unknown> {
  return {
    sub: c.sub,
    family_name: c.familyName,
    given_name: c.givenName,
    middle_name: c.middleName,
    birthdate: c.birthdate,
    gender: c.gender,
    snils: c.snils,
    passport_series: c.passport?.series ?? null,
    passport_number: c.passport?.number ?? null,
    iin: c.iin ?? null,
    trusted: c.level === 'verified',
    account_level: c.level,
  };
}
