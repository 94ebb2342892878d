import { cache } from 'react';
import type { CitizenActor } from './actor';
import { citizenSessionExpired, type CitizenClaims } from './citizen-claims';
import { citizenActorFromClaims, type ResolvedCitizen } from './citizen-resolve';
import { currentIdentity } from './session';

export interface SignedInCitizen {
  /** What the use cases authorise against: the account, its register person and the children. */
  actor: CitizenActor;
  /** What ЕСИА vouched for at sign-in. */
  claims: CitizenClaims;
  displayName: string;
  matchedBy: ResolvedCitizen['matchedBy'];
  /** When the session ends (a fresh sign-in is needed after). */
  expiresAt: Date;
}

/**
 * The citizen behind the current request, with their register person and represented children resolved
 * from the session's verified claims; null unless signed in as a citizen. Cached for one request (React
 * `cache()`: pages, layouts and server actions alike), and the use cases it is passed to take its actor as
 * already resolved — one resolution per request.
 */
export const currentCitizen = cache(async (): Promise<SignedInCitizen | null> => {
  const identity = await currentIdentity();
  if (!identity?.citizen || identity.actor.kind !== 'citizen') return null;
  if (citizenSessionExpired(identity, Math.floor(Date.now() / 1000))) return null;
  const { claims, expiresAt } = identity.citizen;
  const { actor, matchedBy } = await citizenActorFromClaims(claims);
  return {
    actor,
    claims,
    displayName: identity.displayName,
    matchedBy,
    expiresAt: new Date(expiresAt * 1000),
  };
});
