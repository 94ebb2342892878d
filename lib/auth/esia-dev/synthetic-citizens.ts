import { createHash } from 'node:crypto';
import { snilsFromBody } from '@/lib/domain/ru/snils';
import type { TestCitizen } from './test-citizens';

/**
 * Synthetic citizens: an invented, verified ЕСИА account derived from a short key (the seed), so that a
 * browser test can have a person nobody else touches — it registers the person behind the account in the
 * register (through the register's use cases) and signs in as them on the development provider's page.
 *
 * The same seed always gives the same identity; different seeds give different names, birth dates, СНИЛС
 * and passports. Offered only on an embedded database (see `syntheticCitizensAllowed`): on a real
 * register a chosen seed could be searched for one that lands on a real person's СНИЛС.
 */
export const SYNTHETIC_PREFIX = 'synthetic-';
const SEED = /^[a-z0-9]{8,32}$/;

export function isSyntheticSeed(seed: string): boolean {
  return SEED.test(seed);
}

/** A country's invented names: family names, and given names and patronymics by sex. */
export interface SyntheticNames {
  family: readonly string[];
  /** The family name's form for the person's sex. */
  familyFor: (family: string, female: boolean) => string;
  givenF: readonly string[];
  givenM: readonly string[];
  patronymicF: readonly string[];
  patronymicM: readonly string[];
}

/**
 * The seed's digest as numbers (`n(offset, bytes)`), the sex and the names it picks: what every synthetic
 * identity starts from, whatever the country. Throws on a malformed seed.
 */
export function seededIdentity(seed: string, label: string, names: SyntheticNames) {
  if (!isSyntheticSeed(seed)) throw new Error(`A synthetic citizen's seed is 8–32 of a–z, 0–9: ${seed}`);
  const h = createHash('sha256').update(`${label} ${seed}`).digest();
  const n = (offset: number, bytes = 4) => h.readUIntBE(offset, bytes);
  const female = n(0, 1) % 2 === 0;
  const pick = (list: readonly string[], offset: number) => list[n(offset, 1) % list.length]!;
  return {
    n,
    female,
    familyName: names.familyFor(pick(names.family, 1), female),
    givenName: female ? pick(names.givenF, 5) : pick(names.givenM, 5),
    middleName: female ? pick(names.patronymicF, 6) : pick(names.patronymicM, 6),
  };
}

/** The account behind a provider subject `<prefix><seed>`, made by `make`; undefined for any other. */
export function syntheticBySub(
  sub: string,
  prefix: string,
  make: (seed: string) => TestCitizen,
): TestCitizen | undefined {
  if (!sub.startsWith(prefix)) return undefined;
  const seed = sub.slice(prefix.length);
  return isSyntheticSeed(seed) ? make(seed) : undefined;
}

const RU_NAMES: SyntheticNames = {
  family: ['Тестова', 'Пробина', 'Опытова', 'Проверкина', 'Образцова', 'Примерова'],
  familyFor: (family, female) => (female ? family : family.slice(0, -1)), // Тестова → Тестов
  givenF: ['Алла', 'Вера', 'Галина', 'Дина', 'Елена', 'Жанна', 'Зоя', 'Инна'],
  givenM: ['Антон', 'Борис', 'Глеб', 'Денис', 'Егор', 'Игорь', 'Кирилл', 'Лев'],
  patronymicF: ['Андреевна', 'Борисовна', 'Викторовна', 'Глебовна'],
  patronymicM: ['Андреевич', 'Борисович', 'Викторович', 'Глебович'],
};

/** The seed's identity; throws on a malformed seed. */
export function syntheticCitizen(seed: string): TestCitizen & { passportIssued: string } {
  const { n, female, familyName, givenName, middleName } = seededIdentity(
    seed,
    'oms-register synthetic citizen',
    RU_NAMES,
  );
  // Born 1990–2000: an adult whose passport (issued at 20, valid until 45) stays valid through 2034.
  const year = 1990 + (n(2, 1) % 11);
  const month = 1 + (n(3, 1) % 12);
  const day = 1 + (n(4, 1) % 28);
  const pad = (v: number) => String(v).padStart(2, '0');
  const birthdate = `${year}-${pad(month)}-${pad(day)}`;
  const passportIssued = `${year + 20}-${pad(month)}-${pad(day)}`;
  return {
    key: seed,
    sub: `${SYNTHETIC_PREFIX}${seed}`,
    level: 'verified',
    familyName,
    givenName,
    middleName,
    birthdate,
    gender: female ? 'female' : 'male',
    snils: snilsFromBody(100_000_000 + (n(8) % 890_000_000)),
    // Series: the region (45, Moscow) and the year of issue; number: six digits.
    passport: { series: `45${pad((year + 20) % 100)}`, number: String(100_000 + (n(12) % 900_000)) },
    passportIssued,
    note: 'Синтетический гражданин для автоматических тестов.',
  };
}

/** The account behind a provider subject, when it is a synthetic one. */
export function syntheticCitizenBySub(sub: string): TestCitizen | undefined {
  return syntheticBySub(sub, SYNTHETIC_PREFIX, syntheticCitizen);
}
