import { and, desc, eq, gt, isNull, lte, or } from 'drizzle-orm';
import { getDb, type Database, type Executor } from '@/db/client';
import { applications, persons, representations } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { moscowDate, type LocalDate } from '@/lib/domain/dates';
import { AppError } from '@/lib/errors';

export type CitizenActor = Extract<Actor, { kind: 'citizen' }>;

/** Options every portal use case takes: the clock, injectable for tests. */
export interface UseCaseOptions {
  now?: Date;
}

/**
 * Whom a signed-in citizen may see and act for, read from the register at the time of the request:
 * their own record and the children they currently represent. The session's own lists are a sign-in
 * snapshot; the register is the authority, so a child registered a minute ago is reachable at once and
 * an ended representation stops giving access at once.
 */
export interface CitizenContext {
  /** The actor with `personId` and `representedPersonIds` as the register says now. */
  actor: CitizenActor;
  selfId: number | null;
  childIds: readonly number[];
}

export const NOT_VERIFIED_MESSAGE =
  'Подать заявление можно только с подтверждённой учётной записью Госуслуг. Подтвердите личность в центре обслуживания, через онлайн-банк или электронной подписью, затем войдите снова.';

const NOT_YOURS_MESSAGE =
  'Нет доступа к данным этого человека: действовать можно только за себя и за своих детей.';

export const NOT_IN_REGISTER_MESSAGE =
  'Вас пока нет в регистре застрахованных лиц. Оформите полис ОМС — это займёт несколько минут.';

export function requireCitizen(actor: Actor): CitizenActor {
  if (actor.kind !== 'citizen') throw new AppError('FORBIDDEN', { details: { reason: 'citizen_only' } });
  return actor;
}

/** Only a verified (подтверждённая) account may apply for anything. */
export function requireTrusted(actor: CitizenActor): void {
  if (!actor.trusted) {
    throw new AppError('FORBIDDEN', {
      message: NOT_VERIFIED_MESSAGE,
      details: { reason: 'account_not_verified' },
    });
  }
}

/** A record merged into another as a duplicate answers with the surviving one. */
async function survivingPersonId(db: Executor, personId: number): Promise<number | null> {
  const [row] = await db
    .select({ id: persons.id, mergedIntoId: persons.mergedIntoId })
    .from(persons)
    .where(eq(persons.id, personId));
  if (!row) return null;
  return row.mergedIntoId ?? row.id;
}

export async function loadCitizenContext(
  db: Executor,
  actor: Actor,
  today: LocalDate,
): Promise<CitizenContext> {
  const citizen = requireCitizen(actor);
  let selfId: number | null = null;
  if (citizen.personId != null) selfId = await survivingPersonId(db, citizen.personId);
  if (selfId === null) {
    // The sign-in could not match the account yet, but the portal itself may have registered this account's
    // holder (journey 1): that application links the account to the record it created.
    const [done] = await db
      .select({ personId: applications.subjectPersonId })
      .from(applications)
      .where(
        and(
          eq(applications.applicantSub, citizen.id),
          eq(applications.kind, 'electronic_policy'),
          eq(applications.status, 'done'),
        ),
      )
      .orderBy(desc(applications.decidedAt))
      .limit(1);
    if (done?.personId != null) selfId = await survivingPersonId(db, done.personId);
  }
  let childIds: number[] = [];
  if (selfId !== null) {
    const rows = await db
      .select({ id: persons.id, mergedIntoId: persons.mergedIntoId })
      .from(representations)
      .innerJoin(persons, eq(persons.id, representations.childId))
      .where(
        and(
          eq(representations.representativeId, selfId),
          lte(representations.validFrom, today),
          or(isNull(representations.validTo), gt(representations.validTo, today)),
        ),
      )
      .orderBy(persons.birthDate);
    childIds = [...new Set(rows.map((r) => r.mergedIntoId ?? r.id))].filter((id) => id !== selfId);
  }
  return {
    actor: { ...citizen, personId: selfId, representedPersonIds: childIds },
    selfId,
    childIds,
  };
}

/**
 * The person a request is about: the citizen when no id is given, else one of their children. Any other
 * id (a tampered form or URL) is refused.
 */
export function resolveSubject(ctx: CitizenContext, subjectPersonId?: number | null): number {
  if (subjectPersonId == null) {
    if (ctx.selfId === null) {
      throw new AppError('PERSON_NOT_FOUND', {
        message: NOT_IN_REGISTER_MESSAGE,
        details: { reason: 'not_in_register' },
      });
    }
    return ctx.selfId;
  }
  if (
    Number.isSafeInteger(subjectPersonId) &&
    (subjectPersonId === ctx.selfId || ctx.childIds.includes(subjectPersonId))
  ) {
    return subjectPersonId;
  }
  throw new AppError('FORBIDDEN', { message: NOT_YOURS_MESSAGE, details: { reason: 'not_represented' } });
}

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
  const today = moscowDate(now);
  requireTrusted(requireCitizen(actor));
  const db = getDb();
  return { now, today, db, ctx: await loadCitizenContext(db, actor, today) };
}
