import { eq, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { personFormerNames, persons } from '@/db/schema';
import {
  findPeopleByNamesAndBirth,
  findPersonById,
  type FoundPerson,
  type NameAndBirth,
} from '@/lib/applications/register-search';
import { sameName, validatePersonName } from '@/lib/domain/ru/person';
import { IssueCollector } from '@/lib/domain/result';
import { validateSnils } from '@/lib/domain/ru/snils';
import { AppError, fieldIssue } from '@/lib/errors';
import type { PersonRef } from './events';

/** Why an event's person is not (yet) usable: kept pending until they appear. */
export class PersonNotFound extends Error {
  constructor(
    readonly code: 'FEED_PERSON_NOT_FOUND' | 'FEED_PERSON_AMBIGUOUS' | 'FEED_MOTHER_NOT_FOUND',
    readonly subjectKey: string,
  ) {
    super(code);
  }
}

/** The key a pending event waits on: birth date and name, as any later record of the person will have. */
export function subjectKey(p: { birthDate: string; lastName: string; firstName: string }): string {
  const norm = (s: string) => s.trim().toUpperCase().replace(/Ё/g, 'Е').replace(/\s+/g, ' ');
  return `${p.birthDate}|${norm(p.lastName)}|${norm(p.firstName)}`;
}

/** The key a pending ОСМС event waits on: the ИИН, the one key of a Kazakh person (ADR 0031). */
export function iinKey(iin: string): string {
  return `iin:${iin}`;
}

export interface Name {
  lastName: string;
  firstName: string;
  patronymic: string | null;
}

export const namesMatch = (a: Name, b: Name) =>
  sameName(a.lastName, b.lastName) &&
  sameName(a.firstName, b.firstName) &&
  (a.patronymic === null || b.patronymic === null || sameName(a.patronymic, b.patronymic));

/** The person's names: the current one and every former one (a name change learnt late still matches). */
async function namesOf(db: Executor, person: FoundPerson): Promise<Name[]> {
  const former = await db
    .select({
      lastName: personFormerNames.lastName,
      firstName: personFormerNames.firstName,
      patronymic: personFormerNames.patronymic,
    })
    .from(personFormerNames)
    .where(eq(personFormerNames.personId, person.id));
  return [person, ...former];
}

async function byIdentifier(
  db: Executor,
  column: 'enp' | 'snils',
  value: string,
): Promise<FoundPerson | null> {
  const [row] = await db
    .select({ id: persons.id, mergedIntoId: persons.mergedIntoId })
    .from(persons)
    .where(eq(column === 'enp' ? persons.enp : persons.snils, value));
  return row ? findPersonById(db, row.mergedIntoId ?? row.id) : null;
}

/** People under a former name with this birth date, for each name (one statement: a lateral lookup per name). */
async function byFormerNames(db: Executor, names: readonly NameAndBirth[]): Promise<FoundPerson[][]> {
  if (names.length === 0) return [];
  const { rows } = await db.execute<{ at: number; id: number }>(sql`
    select q.at, f.id from unnest(${sql.param(names.map((n) => n.lastName))}::text[],
                                  ${sql.param(names.map((n) => n.firstName))}::text[],
                                  ${sql.param(names.map((n) => n.birthDate))}::date[])
                           with ordinality as q(last_name, first_name, birth_date, at)
    cross join lateral (
      select distinct ${personFormerNames.personId} as id
        from ${personFormerNames} inner join ${persons} on ${persons.id} = ${personFormerNames.personId}
       where ${persons.birthDate} = q.birth_date
         and translate(${personFormerNames.lastName}, 'Ёё', 'Ее') = translate(q.last_name, 'Ёё', 'Ее')
         and translate(${personFormerNames.firstName}, 'Ёё', 'Ее') = translate(q.first_name, 'Ёё', 'Ее')
       limit 5) f`);
  const out = names.map((): FoundPerson[] => []);
  for (const { at, id } of rows) {
    const person = await findPersonById(db, Number(id));
    if (person) out[Number(at) - 1]!.push(person);
  }
  return out;
}

/**
 * Whom each name and birth date singles out, by the current or a former name: the person, or why not
 * (nobody, several). One pair of statements for any number of names — the one-event path asks for one,
 * the bulk import for a whole batch's mothers.
 */
export async function personsByName(
  db: Executor,
  names: readonly NameAndBirth[],
): Promise<(FoundPerson | 'nobody' | 'several')[]> {
  const current = await findPeopleByNamesAndBirth(db, names);
  const former = await byFormerNames(db, names);
  return names.map((_, i) => {
    const candidates = [...current[i]!, ...former[i]!].filter(
      (p, k, all) => all.findIndex((q) => q.id === p.id) === k,
    );
    return candidates.length === 1 ? candidates[0]! : candidates.length === 0 ? 'nobody' : 'several';
  });
}

/** The reference's name (as the register stores names) and СНИЛС, checked; invalid → a validation error. */
export function checkedRef(
  ref: PersonRef,
  field: string,
): { name: Name & { birthDate: string }; snils: string | null } {
  const c = new IssueCollector();
  const lastName = c.take(validatePersonName(`${field}.lastName`, ref.lastName, { required: true }));
  const firstName = c.take(validatePersonName(`${field}.firstName`, ref.firstName, { required: true }));
  const patronymic = c.take(validatePersonName(`${field}.patronymic`, ref.patronymic, { required: false }));
  const snils = ref.snils ? c.take(validateSnils(ref.snils, `${field}.snils`)) : null;
  if (c.issues.length || !lastName || !firstName || patronymic === undefined || snils === undefined) {
    throw AppError.validation(c.issues);
  }
  return { name: { lastName, firstName, patronymic, birthDate: ref.birthDate }, snils };
}

/**
 * Finds the person an event is about. By ЕНП or СНИЛС when given — and then the name (current or former)
 * and birth date must agree, or the event is refused (FEED_PERSON_MISMATCH: a wrong identifier never
 * touches another person); otherwise by name and birth date, which must single out one person. Nobody
 * (or several) → PersonNotFound, and the event waits.
 */
export async function findReferencedPerson(
  db: Executor,
  ref: PersonRef,
  field: string,
  missing: PersonNotFound['code'] = 'FEED_PERSON_NOT_FOUND',
): Promise<FoundPerson> {
  const { name, snils } = checkedRef(ref, field);
  const key = subjectKey(name);

  const identifier = ref.enp ? ('enp' as const) : snils ? ('snils' as const) : null;
  if (identifier) {
    const person = await byIdentifier(db, identifier, identifier === 'enp' ? ref.enp! : snils!);
    if (!person) throw new PersonNotFound(missing, key);
    const names = await namesOf(db, person);
    if (person.birthDate !== ref.birthDate || !names.some((n) => namesMatch(n, name))) {
      throw AppError.validation([fieldIssue(`${field}.${identifier}`, 'FEED_PERSON_MISMATCH', undefined)]);
    }
    return person;
  }
  const [found] = await personsByName(db, [name]);
  if (found === 'nobody') throw new PersonNotFound(missing, key);
  if (found === 'several') throw new PersonNotFound('FEED_PERSON_AMBIGUOUS', key);
  return found!;
}
