import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { personNames, persons } from '@/db/schema';
import {
  findPeopleByNameAndBirth,
  findPersonById,
  type FoundPerson,
} from '@/lib/applications/register-search';
import { sameName, validatePersonName } from '@/lib/domain/person';
import { IssueCollector } from '@/lib/domain/result';
import { validateSnils } from '@/lib/domain/snils';
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

interface Name {
  lastName: string;
  firstName: string;
  patronymic: string | null;
}

const namesMatch = (a: Name, b: Name) =>
  sameName(a.lastName, b.lastName) &&
  sameName(a.firstName, b.firstName) &&
  (a.patronymic === null || b.patronymic === null || sameName(a.patronymic, b.patronymic));

/** The person's names: the current one and every former one (a name change learnt late still matches). */
async function namesOf(db: Executor, person: FoundPerson): Promise<Name[]> {
  const former = await db
    .select({
      lastName: personNames.lastName,
      firstName: personNames.firstName,
      patronymic: personNames.patronymic,
    })
    .from(personNames)
    .where(eq(personNames.personId, person.id));
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

/** People under a former name with this birth date. */
async function byFormerName(db: Executor, name: Name & { birthDate: string }): Promise<FoundPerson[]> {
  const rows = await db
    .selectDistinct({ id: personNames.personId })
    .from(personNames)
    .innerJoin(persons, eq(persons.id, personNames.personId))
    .where(
      and(
        eq(persons.birthDate, name.birthDate),
        sql`translate(${personNames.lastName}, 'Ёё', 'Ее') = translate(${name.lastName}, 'Ёё', 'Ее')`,
        sql`translate(${personNames.firstName}, 'Ёё', 'Ее') = translate(${name.firstName}, 'Ёё', 'Ее')`,
      ),
    )
    .limit(5);
  const found = await Promise.all(rows.map((r) => findPersonById(db, r.id)));
  return found.filter((p): p is FoundPerson => p !== null);
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
  const c = new IssueCollector();
  const lastName = c.take(validatePersonName(`${field}.lastName`, ref.lastName, { required: true }));
  const firstName = c.take(validatePersonName(`${field}.firstName`, ref.firstName, { required: true }));
  const patronymic = c.take(validatePersonName(`${field}.patronymic`, ref.patronymic, { required: false }));
  const snils = ref.snils ? c.take(validateSnils(ref.snils, `${field}.snils`)) : null;
  if (c.issues.length || !lastName || !firstName || patronymic === undefined || snils === undefined) {
    throw AppError.validation(c.issues);
  }
  const name = { lastName, firstName, patronymic, birthDate: ref.birthDate };
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
  const current = await findPeopleByNameAndBirth(db, name);
  const former = await byFormerName(db, name);
  const candidates = [...current, ...former].filter((p, i, all) => all.findIndex((q) => q.id === p.id) === i);
  if (candidates.length === 0) throw new PersonNotFound(missing, key);
  if (candidates.length > 1) throw new PersonNotFound('FEED_PERSON_AMBIGUOUS', key);
  return candidates[0]!;
}
