import type { LocalDate } from '@/lib/domain/dates';
import { syntheticIin } from '@/lib/domain/kz/iin';
import { seededIdentity, syntheticBySub, type SyntheticNames } from './synthetic-citizens';
import type { TestCitizen } from './test-citizens';

/**
 * Synthetic citizens of Kazakhstan's register (ADR 0012, 0032): an invented, verified eGov account derived
 * from a short key, with a valid ИИН (the one key eGov vouches for) encoding its birth date and sex. The
 * same seed always gives the same identity; offered on an embedded database only, like the Russian ones.
 */
export const SYNTHETIC_KZ_PREFIX = 'synthetic-kz-';

const KZ_NAMES: SyntheticNames = {
  family: ['Ахметов', 'Серикбаев', 'Жумабеков', 'Касымов', 'Нурланов', 'Омаров', 'Бекмуханов'],
  familyFor: (family, female) => (female ? `${family}а` : family),
  givenF: ['Айгуль', 'Динара', 'Жанар', 'Сауле', 'Гульнара', 'Асель', 'Мадина', 'Камила'],
  givenM: ['Ерлан', 'Нурлан', 'Асхат', 'Данияр', 'Арман', 'Бауыржан', 'Тимур', 'Алихан'],
  patronymicF: ['Сериковна', 'Маратовна', 'Канатовна', 'Ерлановна'],
  patronymicM: ['Серикович', 'Маратович', 'Канатович', 'Ерланович'],
};

/** The seed's identity; throws on a malformed seed. */
export function syntheticKzCitizen(seed: string): TestCitizen & { iin: string } {
  const { n, female, familyName, givenName, middleName } = seededIdentity(
    seed,
    'oms-register synthetic kz citizen',
    KZ_NAMES,
  );
  const pad = (v: number) => String(v).padStart(2, '0');
  const birthdate = `${1970 + (n(2, 1) % 31)}-${pad(1 + (n(3, 1) % 12))}-${pad(1 + (n(4, 1) % 28))}`;
  // Serials of one birth date and sex: a few thousand valid ones, so two seeds rarely share a number
  // (and a test that needs a person of its own registers them, where the ИИН is unique).
  const iin = syntheticIin(birthdate as LocalDate, female ? 'female' : 'male', n(8) % 5000);
  return {
    key: seed,
    sub: `${SYNTHETIC_KZ_PREFIX}${seed}`,
    level: 'verified',
    familyName,
    givenName,
    middleName,
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
  return syntheticBySub(sub, SYNTHETIC_KZ_PREFIX, syntheticKzCitizen);
}
