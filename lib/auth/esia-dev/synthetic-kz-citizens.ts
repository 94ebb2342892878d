import { createHash } from 'node:crypto';
import type { LocalDate } from '@/lib/domain/dates';
import { syntheticIin } from '@/lib/domain/kz/iin';
import { isSyntheticSeed } from './synthetic-citizens';
import type { TestCitizen } from './test-citizens';

/**
 * Synthetic citizens of Kazakhstan's register (ADR 0012, 0032): an invented, verified eGov account derived
 * from a short key, with a valid ИИН (the one key eGov vouches for) encoding its birth date and sex. The
 * same seed always gives the same identity; offered on an embedded database only, like the Russian ones.
 */
export const SYNTHETIC_KZ_PREFIX = 'synthetic-kz-';

const FAMILY = ['Ахметов', 'Серикбаев', 'Жумабеков', 'Касымов', 'Нурланов', 'Омаров', 'Бекмуханов'];
const GIVEN_F = ['Айгуль', 'Динара', 'Жанар', 'Сауле', 'Гульнара', 'Асель', 'Мадина', 'Камила'];
const GIVEN_M = ['Ерлан', 'Нурлан', 'Асхат', 'Данияр', 'Арман', 'Бауыржан', 'Тимур', 'Алихан'];
const PATRONYMIC_F = ['Сериковна', 'Маратовна', 'Канатовна', 'Ерлановна'];
const PATRONYMIC_M = ['Серикович', 'Маратович', 'Канатович', 'Ерланович'];

/** The seed's identity; throws on a malformed seed. */
export function syntheticKzCitizen(seed: string): TestCitizen & { iin: string } {
  if (!isSyntheticSeed(seed)) throw new Error(`A synthetic citizen's seed is 8–32 of a–z, 0–9: ${seed}`);
  const h = createHash('sha256').update(`oms-register synthetic kz citizen ${seed}`).digest();
  const n = (offset: number, bytes = 4) => h.readUIntBE(offset, bytes);
  const female = n(0, 1) % 2 === 0;
  const family = FAMILY[n(1, 1) % FAMILY.length]!;
  const pad = (v: number) => String(v).padStart(2, '0');
  const birthdate = `${1970 + (n(2, 1) % 31)}-${pad(1 + (n(3, 1) % 12))}-${pad(1 + (n(4, 1) % 28))}`;
  // Serials of one birth date and sex: a few thousand valid ones, so two seeds rarely share a number
  // (and a test that needs a person of its own registers them, where the ИИН is unique).
  const iin = syntheticIin(birthdate as LocalDate, female ? 'female' : 'male', n(8) % 5000);
  return {
    key: seed,
    sub: `${SYNTHETIC_KZ_PREFIX}${seed}`,
    level: 'verified',
    familyName: female ? `${family}а` : family,
    givenName: female ? GIVEN_F[n(5, 1) % GIVEN_F.length]! : GIVEN_M[n(5, 1) % GIVEN_M.length]!,
    middleName: female
      ? PATRONYMIC_F[n(6, 1) % PATRONYMIC_F.length]!
      : PATRONYMIC_M[n(6, 1) % PATRONYMIC_M.length]!,
    birthdate,
    gender: female ? 'female' : 'male',
    snils: null,
    passport: null,
    iin,
    note: 'Синтетический гражданин для автоматических тестов.',
  };
}

/** The account behind a provider subject, when it is a synthetic Kazakh one. */
export function syntheticKzCitizenBySub(sub: string): TestCitizen | undefined {
  if (!sub.startsWith(SYNTHETIC_KZ_PREFIX)) return undefined;
  const seed = sub.slice(SYNTHETIC_KZ_PREFIX.length);
  return isSyntheticSeed(seed) ? syntheticKzCitizen(seed) : undefined;
}
