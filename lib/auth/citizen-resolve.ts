import { and, asc, eq, gt, isNull, lte, or } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { identityDocuments, persons, representations } from '@/db/schema';
import { moscowDate } from '@/lib/domain/dates';
import type { CitizenClaims } from './citizen-claims';

export interface ResolvedCitizen {
  /** The citizen's own register record; null when not in the register (or not looked for). */
  personId: number | null;
  /** How the record was found. */
  matchedBy: 'snils' | 'passport' | null;
  /** The children (and wards) the citizen represents today, ordered by id. */
  representedPersonIds: number[];
}

const NOT_FOUND: ResolvedCitizen = { personId: null, matchedBy: null, representedPersonIds: [] };

type Candidate = { id: number; mergedIntoId: number | null; deathDate: string | null };

/** A merged duplicate stands for the record it was merged into; a deceased person signs in to nothing. */
async function live(candidate: Candidate | undefined): Promise<number | null> {
  if (!candidate) return null;
  let row: Candidate | undefined = candidate;
  for (let hops = 0; row?.mergedIntoId != null && hops < 5; hops++) {
    [row] = await getDb()
      .select({ id: persons.id, mergedIntoId: persons.mergedIntoId, deathDate: persons.deathDate })
      .from(persons)
      .where(eq(persons.id, row.mergedIntoId));
  }
  return row && row.mergedIntoId == null && row.deathDate == null ? row.id : null;
}

/**
 * Finds the register person behind a signed-in account: by СНИЛС, else by Russian passport series and
 * number together with the birth date. A simplified account is never matched — its data were not checked
 * by anyone. Runs on every request that needs it (cheap: unique indexes), so the register is the truth.
 */
export async function resolveCitizen(
  claims: CitizenClaims,
  now: Date = new Date(),
): Promise<ResolvedCitizen> {
  if (claims.accountLevel === 'simplified') return NOT_FOUND;
  const db = getDb();
  const columns = { id: persons.id, mergedIntoId: persons.mergedIntoId, deathDate: persons.deathDate };

  let personId: number | null = null;
  let matchedBy: ResolvedCitizen['matchedBy'] = null;
  if (claims.snils) {
    const [row] = await db.select(columns).from(persons).where(eq(persons.snils, claims.snils));
    personId = await live(row);
    if (personId !== null) matchedBy = 'snils';
  }
  if (personId === null && claims.passport && claims.birthDate) {
    const [row] = await db
      .select(columns)
      .from(identityDocuments)
      .innerJoin(persons, eq(persons.id, identityDocuments.personId))
      .where(
        and(
          eq(identityDocuments.kind, 14),
          eq(identityDocuments.series, claims.passport.series),
          eq(identityDocuments.number, claims.passport.number),
          eq(persons.birthDate, claims.birthDate),
        ),
      );
    personId = await live(row);
    if (personId !== null) matchedBy = 'passport';
  }
  if (personId === null) return NOT_FOUND;

  const today = moscowDate(now);
  const children = await db
    .select({ id: representations.childId })
    .from(representations)
    .innerJoin(persons, eq(persons.id, representations.childId))
    .where(
      and(
        eq(representations.representativeId, personId),
        lte(representations.validFrom, today),
        or(isNull(representations.validTo), gt(representations.validTo, today)),
        isNull(persons.deathDate),
        isNull(persons.mergedIntoId),
      ),
    )
    .orderBy(asc(representations.childId));
  return { personId, matchedBy, representedPersonIds: children.map((c) => c.id) };
}
