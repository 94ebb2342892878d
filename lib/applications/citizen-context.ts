import { getDb, type Database } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import {
  citizenContext,
  requireCitizen,
  requireTrusted,
  type CitizenContext,
  type UseCaseOptions,
} from '@/lib/auth/citizen-actor';
import { moscowDate, type LocalDate } from '@/lib/domain/dates';

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
