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

const FAMILY = ['Тестова', 'Пробина', 'Опытова', 'Проверкина', 'Образцова', 'Примерова'];
const GIVEN_F = ['Алла', 'Вера', 'Галина', 'Дина', 'Елена', 'Жанна', 'Зоя', 'Инна'];
const GIVEN_M = ['Антон', 'Борис', 'Глеб', 'Денис', 'Егор', 'Игорь', 'Кирилл', 'Лев'];
const PATRONYMIC_F = ['Андреевна', 'Борисовна', 'Викторовна', 'Глебовна'];
const PATRONYMIC_M = ['Андреевич', 'Борисович', 'Викторович', 'Глебович'];
const masculine = (family: string) => family.slice(0, -1); // Тестова → Тестов

/** The seed's identity; throws on a malformed seed. */
export function syntheticCitizen(seed: string): TestCitizen & { passportIssued: string } {
  if (!isSyntheticSeed(seed)) throw new Error(`A synthetic citizen's seed is 8–32 of a–z, 0–9: ${seed}`);
  const h = createHash('sha256').update(`oms-register synthetic citizen ${seed}`).digest();
  const n = (offset: number, bytes = 4) => h.readUIntBE(offset, bytes);
  const female = n(0, 1) % 2 === 0;
  const family = FAMILY[n(1, 1) % FAMILY.length]!;
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
    familyName: female ? family : masculine(family),
    givenName: female ? GIVEN_F[n(5, 1) % GIVEN_F.length]! : GIVEN_M[n(5, 1) % GIVEN_M.length]!,
    middleName: female
      ? PATRONYMIC_F[n(6, 1) % PATRONYMIC_F.length]!
      : PATRONYMIC_M[n(6, 1) % PATRONYMIC_M.length]!,
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
  if (!sub.startsWith(SYNTHETIC_PREFIX)) return undefined;
  const seed = sub.slice(SYNTHETIC_PREFIX.length);
  return isSyntheticSeed(seed) ? syntheticCitizen(seed) : undefined;
}
