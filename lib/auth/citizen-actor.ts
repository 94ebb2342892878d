import { AppError } from '@/lib/errors';
import type { Actor, CitizenActor } from './actor';
import { resolveCitizenActor } from './citizen-resolve';

export type { CitizenActor };

/** Options every citizen use case takes: the clock, injectable for tests. */
export interface UseCaseOptions {
  now?: Date;
}

/**
 * Whom a signed-in citizen may see and act for, read from the register at the time of the request:
 * their own record and the children they currently represent. The session holds only the verified
 * claims; the register is the authority, so a child registered a minute ago is reachable at once and an
 * ended representation stops giving access at once.
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

/** The citizen's context for a use case (refuses any other actor), resolved once per request. */
export async function citizenContext(actor: Actor, now: Date = new Date()): Promise<CitizenContext> {
  const resolved = await resolveCitizenActor(requireCitizen(actor), now);
  return { actor: resolved, selfId: resolved.personId, childIds: resolved.representedPersonIds };
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
