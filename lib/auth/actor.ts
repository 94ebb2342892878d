/**
 * Who is acting. Every use case takes one; authorisation is decided from it inside the use case, never
 * only in the UI. Identity comes from the session or the API key, never from request data.
 */
import { createHash } from 'node:crypto';

export type StaffRole = 'ffoms_admin' | 'tfoms_operator' | 'smo_operator';
/** Russia's feed sources (ЗАГС, МВД, military commissariats). */
export type FeedSource = 'zags' | 'mvd' | 'military';
/** Kazakhstan's feed sources (issue 14): the fund's payments and the agencies' category lists. */
export type KzFeedSource = 'payments' | 'categories';

export type Actor =
  | {
      kind: 'citizen';
      /** Subject of the identity-provider account. */
      id: string;
      /** The citizen's own register record, once known. */
      personId: number | null;
      /** Persons the citizen may act for besides themselves (their children), resolved at sign-in. */
      representedPersonIds: readonly number[];
      /** A verified (подтверждённая) account. */
      trusted: boolean;
    }
  | { kind: 'staff'; id: string; role: 'ffoms_admin' }
  | { kind: 'staff'; id: string; role: 'tfoms_operator'; subjectCode: string }
  | { kind: 'staff'; id: string; role: 'smo_operator'; insurerCode: string }
  | { kind: 'clinic'; id: string; moCode: string }
  | { kind: 'api_key'; id: string; moCode: string }
  | { kind: 'feed'; id: string; source: FeedSource | KzFeedSource }
  | { kind: 'system'; id: string }
  /** Anyone using the public ОСМС status check (issue 14): no account; `id` is derived from the address. */
  | { kind: 'public'; id: string };

/** A signed-in citizen: the one declaration of the type every citizen use case takes. */
export type CitizenActor = Extract<Actor, { kind: 'citizen' }>;

export const systemActor = (id: string): Actor => ({ kind: 'system', id });

export type PublicActor = Extract<Actor, { kind: 'public' }>;

/**
 * The actor of an anonymous request, from its client address: `public:` and the first 16 hex digits of the
 * address's SHA-256. The access log can tell one client's checks from another's (and the rate limit keys
 * on the same address) without storing the address itself (ADR 0030).
 */
export function publicActor(clientAddress: string): PublicActor {
  const digest = createHash('sha256').update(clientAddress).digest('hex').slice(0, 16);
  return { kind: 'public', id: `public:${digest}` };
}

/** The organisation an actor works for, as written to the access log. */
export function actorOrganisation(actor: Actor): string | null {
  switch (actor.kind) {
    case 'staff':
      return actor.role === 'tfoms_operator'
        ? `tfoms:${actor.subjectCode}`
        : actor.role === 'smo_operator'
          ? `smo:${actor.insurerCode}`
          : 'ffoms';
    case 'clinic':
    case 'api_key':
      return actor.moCode;
    case 'feed':
      return `feed:${actor.source}`;
    default:
      return null;
  }
}
