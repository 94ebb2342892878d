import { and, eq, isNull, ne, sql, type SQL } from 'drizzle-orm';
import { personEnp } from '@/lib/register/russian-key';
import type { Executor } from '@/db/client';
import { identityDocuments, persons } from '@/db/schema';

export interface FoundPerson {
  id: number;
  enp: string;
  lastName: string;
  firstName: string;
  patronymic: string | null;
  birthDate: string;
  deathDate: string | null;
}

const columns = {
  id: persons.id,
  enp: personEnp,
  lastName: persons.lastName,
  firstName: persons.firstName,
  patronymic: persons.patronymic,
  birthDate: persons.birthDate,
  deathDate: persons.deathDate,
};

export async function findPersonById(db: Executor, id: number): Promise<FoundPerson | null> {
  const [row] = await db.select(columns).from(persons).where(eq(persons.id, id));
  return row ?? null;
}

/** Who holds this document (current or past), if anyone; a duplicate merged away answers with the survivor. */
export async function findPersonByDocument(
  db: Executor,
  doc: { kind: number; series: string | null; number: string },
): Promise<FoundPerson | null> {
  const [hit] = await db
    .select({ personId: identityDocuments.personId, mergedIntoId: persons.mergedIntoId })
    .from(identityDocuments)
    .innerJoin(persons, eq(persons.id, identityDocuments.personId))
    .where(
      and(
        eq(identityDocuments.kind, doc.kind),
        doc.series === null ? isNull(identityDocuments.series) : eq(identityDocuments.series, doc.series),
        eq(identityDocuments.number, doc.number),
      ),
    )
    .limit(1);
  return hit ? findPersonById(db, hit.mergedIntoId ?? hit.personId) : null;
}

export async function findPersonBySnils(db: Executor, snils: string): Promise<FoundPerson | null> {
  const [row] = await db.select(columns).from(persons).where(eq(persons.snils, snils));
  return row ?? null;
}

export type NameAndBirth = {
  lastName: string;
  firstName: string;
  patronymic: string | null;
  birthDate: string;
};

const noYo = (s: string) => s.replace(/ё/g, 'е').replace(/Ё/g, 'Е');

/**
 * The rule of `findPeopleByNameAndBirth` as a condition on `persons`, over operands that are bound values
 * or a lateral lookup's columns (names already without ё; a null patronymic matches any).
 */
function sameNameAndBirth(p: { lastName: SQL; firstName: SQL; patronymic: SQL | null; birthDate: SQL }) {
  return and(
    sql`${persons.birthDate} = ${p.birthDate}`,
    isNull(persons.mergedIntoId),
    sql`translate(${persons.lastName}, 'Ёё', 'Ее') = ${p.lastName}`,
    sql`translate(${persons.firstName}, 'Ёё', 'Ее') = ${p.firstName}`,
    p.patronymic
      ? sql`(${p.patronymic} is null or ${persons.patronymic} is null or translate(${persons.patronymic}, 'Ёё', 'Ее') = ${p.patronymic})`
      : undefined,
  );
}

/**
 * People with the same surname, first name and birth date (ё/е ignored; patronymic compared when both
 * have one): candidate duplicates an operator must look at. Names are compared as the register stores
 * them — normalised by `validatePersonName` (each part capitalised) — so the input must be normalised the
 * same way; case is not folded in SQL, where `lower()` depends on the server's locale.
 */
export async function findPeopleByNameAndBirth(
  db: Executor,
  p: NameAndBirth,
  excludeId?: number,
): Promise<FoundPerson[]> {
  return db
    .select(columns)
    .from(persons)
    .where(
      and(
        sameNameAndBirth({
          lastName: sql`${noYo(p.lastName)}`,
          firstName: sql`${noYo(p.firstName)}`,
          patronymic: p.patronymic ? sql`${noYo(p.patronymic)}::text` : null,
          birthDate: sql`${p.birthDate}`,
        }),
        excludeId !== undefined ? ne(persons.id, excludeId) : undefined,
      ),
    )
    .limit(5);
}

/**
 * `findPeopleByNameAndBirth` for many names in one statement (a lateral lookup per name, the same rule):
 * the bulk import resolves a whole batch's references with it. Answers one list per name, in order.
 */
export async function findPeopleByNamesAndBirth(
  db: Executor,
  names: readonly NameAndBirth[],
): Promise<FoundPerson[][]> {
  if (names.length === 0) return [];
  const { rows } = await db.execute<Record<string, unknown>>(sql`
    select q.at, p.* from unnest(${sql.param(names.map((n) => noYo(n.lastName)))}::text[],
                                 ${sql.param(names.map((n) => noYo(n.firstName)))}::text[],
                                 ${sql.param(names.map((n) => (n.patronymic ? noYo(n.patronymic) : null)))}::text[],
                                 ${sql.param(names.map((n) => n.birthDate))}::date[])
                          with ordinality as q(last_name, first_name, patronymic, birth_date, at)
    cross join lateral (
      select ${persons.id} as "id", ${persons.enp} as "enp", ${persons.lastName} as "lastName",
             ${persons.firstName} as "firstName", ${persons.patronymic} as "patronymic",
             ${persons.birthDate} as "birthDate", ${persons.deathDate} as "deathDate"
        from ${persons}
       where ${sameNameAndBirth({
         lastName: sql`q.last_name`,
         firstName: sql`q.first_name`,
         patronymic: sql`q.patronymic`,
         birthDate: sql`q.birth_date`,
       })}
       limit 5) p`);
  const out = names.map((): FoundPerson[] => []);
  for (const { at, ...person } of rows) out[Number(at) - 1]!.push(person as unknown as FoundPerson);
  return out;
}
