import type { Database } from '@/db/client';
import { chooseRead, readDb, rememberWrite, type ReadChoice } from '@/db/read-pools';
import { laterLsn, type ReadPurpose } from '@/db/read-routing';
import type { Actor } from '@/lib/auth/actor';
import { currentContext } from '@/lib/ops/request-context';

/**
 * The use cases' side of the replica reads (ADR 0026): an actor's reads follow its own writes. The key is
 * the actor (a citizen's ЕСИА subject, a staff login, a clinic's key), so what one did is what the same
 * one sees next, whichever page or door reads it.
 */
export const actorSession = (actor: Actor): string => `${actor.kind}:${actor.id}`;

/** The handle for a read of `purpose` by `actor`: a replica when one may serve it, the primary otherwise. */
export function readHandle(purpose: ReadPurpose, actor: Actor): Database {
  return readDb(purpose, actorSession(actor), carried());
}

export function readChoice(purpose: ReadPurpose, actor: Actor): ReadChoice {
  return chooseRead(purpose, actorSession(actor), carried());
}

/** The position of the caller's last write that the request itself carried (its cookie), if any. */
const carried = () => ({ carriedWrite: currentContext()?.carriedWrite ?? null });

/**
 * A write use case whose actor then reads what it wrote (a citizen's application, an operator's decision):
 * after it ends — done, refused or failed half-way with something committed — the primary's position is
 * remembered for that actor, so its next replica reads wait for the replica to have replayed it.
 */
export function rememberingOwnWrites<I, O, T>(
  useCase: (input: I, actor: Actor, options?: O) => Promise<T>,
): (input: I, actor: Actor, options?: O) => Promise<T> {
  return async (input, actor, options) => {
    try {
      return await useCase(input, actor, options);
    } finally {
      await afterOwnWrite(actor);
    }
  };
}

/** `rememberingOwnWrites` for a write that is not shaped as (input, actor, options). */
export async function afterOwnWrite(actor: Actor): Promise<void> {
  // Feeds and jobs read nothing a replica serves: remembering their writes would only fill the memory.
  if (actor.kind === 'feed' || actor.kind === 'system') return;
  const lsn = await rememberWrite(actorSession(actor));
  // Carried back to the caller too (a cookie set by the request's scope), for whichever process reads next.
  const context = currentContext();
  if (lsn !== null && context) context.ownWrite = laterLsn(context.ownWrite ?? null, lsn)!;
}
