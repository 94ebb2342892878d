import { CYRILLIC_TO_LATIN } from '@/lib/domain/ru/duplicates';
import { generateEnp } from '@/lib/domain/ru/enp';
import { SURNAMES } from './names';
import type { Prng } from './prng';
import type { PersonRecord } from './records';

/**
 * Planted duplicates for the duplicate-scan benchmark (`--duplicates 0.5%`, issue 13): a second record of
 * a generated person, as another office might have registered them — with a typo, ё written as е (or the
 * other way), first and last name swapped, a changed surname, the surname in Latin letters, or the same
 * document number under another series. The copy has no СНИЛС (a СНИЛС is unique in the register) and its
 * own ЕНП; its coverage and attachment periods are the original's (each record keeps its own).
 */
export const PLANTED_KINDS = ['typo', 'yo', 'swapped', 'changed_surname', 'translit', 'document'] as const;
export type PlantedKind = (typeof PLANTED_KINDS)[number];

export interface PlantedPair {
  originalId: number;
  duplicateId: number;
  kind: PlantedKind;
}

const NEIGHBOURS = 'аеиоуыэяю';

function typo(name: string, rng: Prng): string {
  // A vowel after the first letter becomes another vowel: the commonest slip in a surname.
  const positions = [...name]
    .map((ch, i) => (i > 0 && NEIGHBOURS.includes(ch) ? i : -1))
    .filter((i) => i > 0);
  const at = positions.length ? rng.pick(positions) : name.length - 1;
  const current = name[at]!;
  const others = [...NEIGHBOURS].filter((c) => c !== current);
  return name.slice(0, at) + rng.pick(others) + name.slice(at + 1);
}

function latin(name: string): string {
  const out = [...name.toLowerCase()].map((ch) => CYRILLIC_TO_LATIN[ch] ?? ch).join('');
  return out.charAt(0).toUpperCase() + out.slice(1);
}

export function plantDuplicate(
  original: PersonRecord,
  id: number,
  kind: PlantedKind,
  rng: Prng,
): PersonRecord {
  let { lastName, firstName } = original;
  let documents: PersonRecord['documents'] = [];
  const effective: PlantedKind =
    kind === 'changed_surname' && (original.sex !== 'F' || !original.birthPlace)
      ? 'typo'
      : kind === 'yo' && !/[её]/.test(lastName + firstName)
        ? 'typo'
        : kind;
  switch (effective) {
    case 'typo':
      lastName = typo(lastName, rng);
      break;
    case 'yo':
      if (/[её]/.test(lastName))
        lastName = lastName.includes('ё') ? lastName.replace('ё', 'е') : lastName.replace('е', 'ё');
      else firstName = firstName.includes('ё') ? firstName.replace('ё', 'е') : firstName.replace('е', 'ё');
      break;
    case 'swapped':
      [lastName, firstName] = [firstName, lastName];
      break;
    case 'changed_surname': {
      let pair = rng.pick(SURNAMES);
      if (pair[1] === lastName) pair = SURNAMES[(SURNAMES.indexOf(pair) + 1) % SURNAMES.length]!;
      lastName = pair[1];
      break;
    }
    case 'translit':
      lastName = latin(lastName);
      break;
    case 'document':
      documents = original.documents
        .filter((d) => d.current)
        .slice(0, 1)
        .map((d) => ({ ...d, series: `${d.series ?? ''}Д` }));
      break;
  }
  return {
    ...original,
    id,
    enp: generateEnp(original.coverages[0]!.subjectCode, id),
    lastName,
    firstName,
    snils: null,
    documents,
    eventData: null,
    history: undefined,
  };
}

/** The planted pairs, for the benchmark to measure recall against (created by the seeder when planting). */
export const PLANTED_TABLE_DDL = `create table if not exists seed_planted_duplicates (
  original_id bigint primary key, duplicate_id bigint not null, kind text not null)`;
