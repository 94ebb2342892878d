import { and, eq, isNull, ne, sql } from 'drizzle-orm';
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
  enp: persons.enp,
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

/**
 * People with the same surname, first name and birth date (ё/е ignored; patronymic compared when both
 * have one): candidate duplicates an operator must look at. Names are compared as the register stores
 * them — normalised by `validatePersonName` (each part capitalised) — so the input must be normalised the
 * same way; case is not folded in SQL, where `lower()` depends on the server's locale.
 */
export async function findPeopleByNameAndBirth(
  db: Executor,
  p: { lastName: string; firstName: string; patronymic: string | null; birthDate: string },
  excludeId?: number,
): Promise<FoundPerson[]> {
  const noYo = (s: string) => s.replace(/ё/g, 'е').replace(/Ё/g, 'Е');
  return db
    .select(columns)
    .from(persons)
    .where(
      and(
        eq(persons.birthDate, p.birthDate),
        isNull(persons.mergedIntoId),
        sql`translate(${persons.lastName}, 'Ёё', 'Ее') = ${noYo(p.lastName)}`,
        sql`translate(${persons.firstName}, 'Ёё', 'Ее') = ${noYo(p.firstName)}`,
        p.patronymic
          ? sql`(${persons.patronymic} is null or translate(${persons.patronymic}, 'Ёё', 'Ее') = ${noYo(p.patronymic)})`
          : undefined,
        excludeId !== undefined ? ne(persons.id, excludeId) : undefined,
      ),
    )
    .limit(5);
}
