import { and, asc, desc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { applications, identityDocuments, persons, representations } from '@/db/schema';
import { moscowDate } from '@/lib/domain/dates';
import { representationValidOn } from '@/lib/register/representation-queries';
import type { CitizenActor } from './actor';
import type { CitizenClaims } from './citizen-claims';

/**
 * The one rule for who a signed-in citizen is in the register. Everything that needs the acting citizen's
 * record or children — the pages, the portal's use cases, notifications — goes through here.
 *
 * - A record merged into another as a duplicate stands for the record it was merged into, followed at
 *   most MAX_MERGE_HOPS times (merges are chained only when a survivor is itself merged later; a longer
 *   chain is a data error and matches nobody rather than looping).
 * - A deceased person stands for nobody: the account acts for no one, and a deceased child is no longer
 *   someone a parent acts for.
 */
export const MAX_MERGE_HOPS = 5;

export interface ResolvedCitizen {
  /** The citizen's own register record; null when not in the register (or not looked for). */
  personId: number | null;
  /** How the record was found. */
  matchedBy: 'iin' | 'snils' | 'passport' | 'application' | null;
  /** The children (and wards) the citizen represents today, youngest last (by birth date, then id). */
  representedPersonIds: number[];
}

const NOT_FOUND: ResolvedCitizen = { personId: null, matchedBy: null, representedPersonIds: [] };

type Candidate = { id: number; mergedIntoId: number | null; deathDate: string | null };
const candidateColumns = { id: persons.id, mergedIntoId: persons.mergedIntoId, deathDate: persons.deathDate };

/** The end of a candidate's merge chain (itself when not merged); undefined when the chain is too long. */
async function followMerges(candidate: Candidate | undefined): Promise<Candidate | undefined> {
  let row = candidate;
  for (let hops = 0; row?.mergedIntoId != null && hops < MAX_MERGE_HOPS; hops++) {
    [row] = await getDb().select(candidateColumns).from(persons).where(eq(persons.id, row.mergedIntoId));
  }
  return row?.mergedIntoId == null ? row : undefined;
}

async function follow(candidate: Candidate | undefined): Promise<number | null> {
  const row = await followMerges(candidate);
  return row && row.deathDate == null ? row.id : null;
}

/**
 * The record that stands for `personId` in the register after merges, living or not (for staff, who see
 * the deceased too: the console search by a retired ЕНП); null when there is none.
 */
export async function survivingPersonId(personId: number): Promise<number | null> {
  const [row] = await getDb().select(candidateColumns).from(persons).where(eq(persons.id, personId));
  return (await followMerges(row))?.id ?? null;
}

/** The living record that stands for `personId` today (see the rule above); null when there is none. */
export async function livePersonId(personId: number | null | undefined): Promise<number | null> {
  if (personId == null || !Number.isSafeInteger(personId)) return null;
  const [row] = await getDb().select(candidateColumns).from(persons).where(eq(persons.id, personId));
  return follow(row);
}

/**
 * The portal itself may have registered the account's holder (journey 1) while the sign-in could not match
 * the account: that application links the account to the record it created.
 */
async function registeredThroughPortal(sub: string): Promise<number | null> {
  const [done] = await getDb()
    .select({ personId: applications.subjectPersonId })
    .from(applications)
    .where(
      and(
        eq(applications.applicantSub, sub),
        eq(applications.kind, 'electronic_policy'),
        eq(applications.status, 'done'),
      ),
    )
    .orderBy(desc(applications.decidedAt))
    .limit(1);
  return livePersonId(done?.personId);
}

/** The people `personId` represents on `today`, each as the living record that stands for them. */
async function representedBy(personId: number, now: Date): Promise<number[]> {
  const rows = await getDb()
    .select({ ...candidateColumns, birthDate: persons.birthDate })
    .from(representations)
    .innerJoin(persons, eq(persons.id, representations.childId))
    .where(and(eq(representations.representativeId, personId), representationValidOn(moscowDate(now))))
    .orderBy(asc(persons.birthDate), asc(persons.id));
  const ids: number[] = [];
  for (const row of rows) {
    const id = await follow(row);
    if (id !== null && id !== personId && !ids.includes(id)) ids.push(id);
  }
  return ids;
}

async function matchByClaims(claims: CitizenClaims): Promise<Omit<ResolvedCitizen, 'representedPersonIds'>> {
  const db = getDb();
  // eGov vouches for the ИИН, Kazakhstan's one key (ADR 0032); ЕСИА sends none, and a Russian register
  // holds no ИИН, so each register matches by its own key without asking which country it is.
  if (claims.iin) {
    const [row] = await db.select(candidateColumns).from(persons).where(eq(persons.iin, claims.iin));
    const personId = await follow(row);
    return personId === null ? NOT_FOUND : { personId, matchedBy: 'iin' };
  }
  if (claims.snils) {
    const [row] = await db.select(candidateColumns).from(persons).where(eq(persons.snils, claims.snils));
    const personId = await follow(row);
    if (personId !== null) return { personId, matchedBy: 'snils' };
  }
  if (claims.passport && claims.birthDate) {
    const [row] = await db
      .select(candidateColumns)
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
    const personId = await follow(row);
    if (personId !== null) return { personId, matchedBy: 'passport' };
  }
  const personId = await registeredThroughPortal(claims.sub);
  return personId === null ? NOT_FOUND : { personId, matchedBy: 'application' };
}

/**
 * Finds the register person behind a signed-in account: by ИИН when the provider vouched for one (eGov),
 * else by СНИЛС, else by Russian passport series and
 * number together with the birth date, else through the portal application that registered them. A
 * simplified account is never matched — its data were not checked by anyone. Cheap (unique indexes), so it
 * runs once per request and the register, not the session, is the truth.
 */
export async function resolveCitizen(
  claims: CitizenClaims,
  now: Date = new Date(),
): Promise<ResolvedCitizen> {
  if (claims.accountLevel === 'simplified') return NOT_FOUND;
  const { personId, matchedBy } = await matchByClaims(claims);
  if (personId === null) return NOT_FOUND;
  return { personId, matchedBy, representedPersonIds: await representedBy(personId, now) };
}

/** Actors built by this module in the current process: their lists are the register's, as of their request. */
const resolvedActors = new WeakSet<CitizenActor>();

function resolvedActor(actor: CitizenActor, personId: number | null, represented: number[]): CitizenActor {
  const fresh: CitizenActor = { ...actor, personId, representedPersonIds: represented };
  resolvedActors.add(fresh);
  return fresh;
}

/** The actor of a signed-in account, resolved from the claims ЕСИА vouched for. */
export async function citizenActorFromClaims(
  claims: CitizenClaims,
  now: Date = new Date(),
): Promise<{ actor: CitizenActor; matchedBy: ResolvedCitizen['matchedBy'] }> {
  const resolved = await resolveCitizen(claims, now);
  const actor = resolvedActor(
    { kind: 'citizen', id: claims.sub, personId: null, representedPersonIds: [], trusted: claims.trusted },
    resolved.personId,
    resolved.representedPersonIds,
  );
  return { actor, matchedBy: resolved.matchedBy };
}

/**
 * The actor as the register says now. An actor this module resolved (the request's own, from
 * `currentCitizen`) is returned as is, so one request resolves its citizen once however many use cases it
 * calls; any other (a test's, a caller that built it by hand) is resolved from its `personId` (or the
 * portal application that registered its account) by the same rule.
 */
export async function resolveCitizenActor(
  actor: CitizenActor,
  now: Date = new Date(),
): Promise<CitizenActor> {
  if (resolvedActors.has(actor)) return actor;
  const personId = (await livePersonId(actor.personId)) ?? (await registeredThroughPortal(actor.id));
  return resolvedActor(actor, personId, personId === null ? [] : await representedBy(personId, now));
}
