import { getDb, type Database } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import {
  citizenContext,
  requireCitizen,
  resolveSubject,
  requireTrusted,
  type CitizenContext,
  type UseCaseOptions,
} from '@/lib/auth/citizen-actor';
import { moscowDate, type LocalDate } from '@/lib/domain/dates';
import { latestCoverage, type CoverageRow } from '@/lib/register/coverage-queries';

/** Where every application of a citizen starts: the clock, the database and whom they may act for. */
export interface CitizenRequest {
  now: Date;
  /** The calendar day in Moscow, for every rule that counts in days. */
  today: LocalDate;
  db: Database;
  ctx: CitizenContext;
}

/** A verified citizen's request, with their context read from the register (never from the session). */
export async function verifiedCitizenRequest(actor: Actor, options: UseCaseOptions): Promise<CitizenRequest> {
  const now = options.now ?? new Date();
  requireTrusted(requireCitizen(actor));
  return { now, today: moscowDate(now), db: getDb(), ctx: await citizenContext(actor, now) };
}

/** A citizen's request about one person they may act for, with that person's latest policy period. */
export interface CitizenSubjectRequest extends CitizenRequest {
  personId: number;
  latest: CoverageRow | null;
}

/**
 * Where a citizen's look before a form starts: whom it is about (themselves, or a child they represent;
 * anyone else is refused) and that person's latest policy period.
 */
export async function citizenSubjectRequest(
  actor: Actor,
  subjectPersonId: number | null | undefined,
  options: UseCaseOptions,
): Promise<CitizenSubjectRequest> {
  const now = options.now ?? new Date();
  const db = getDb();
  const ctx = await citizenContext(actor, now);
  const personId = resolveSubject(ctx, subjectPersonId);
  return { now, today: moscowDate(now), db, ctx, personId, latest: await latestCoverage(db, personId) };
}
