import { cache } from 'react';
import { citizenSessionExpired, type CitizenActor, type CitizenClaims } from './citizen-claims';
import { resolveCitizen, type ResolvedCitizen } from './citizen-resolve';
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
 * from the session's verified claims; null unless signed in as a citizen. Cached for one request, so a
 * layout and a page share one look-up.
 */
export const currentCitizen = cache(async (): Promise<SignedInCitizen | null> => {
  const identity = await currentIdentity();
  if (!identity?.citizen || identity.actor.kind !== 'citizen') return null;
  if (citizenSessionExpired(identity, Math.floor(Date.now() / 1000))) return null;
  const { claims, expiresAt } = identity.citizen;
  const resolved = await resolveCitizen(claims);
  return {
    actor: {
      kind: 'citizen',
      id: claims.sub,
      personId: resolved.personId,
      representedPersonIds: resolved.representedPersonIds,
      trusted: claims.trusted,
    },
    claims,
    displayName: identity.displayName,
    matchedBy: resolved.matchedBy,
    expiresAt: new Date(expiresAt * 1000),
  };
});
