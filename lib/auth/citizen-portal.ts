import { env, type Jurisdiction } from '@/config/env';

/**
 * Where a citizen signs in and lands, per jurisdiction (ADR 0032): the one thing about the citizen's
 * sign-in that differs by country besides the claims. Russia's cabinet is /lk with ЕСИА (Госуслуги);
 * Kazakhstan's is /kabinet with eGov (the identity provider of egov.kz), both over the same OpenID Connect
 * client (lib/auth/citizen-provider.ts) and, in development, the same provider (lib/auth/esia-dev). Chosen
 * once from the configuration, never asked page by page.
 */
export interface CitizenPortal {
  /** The cabinet's start page; every page a sign-in may return to is under it. */
  readonly cabinet: string;
  /** The sign-in page (next-auth's sign-in and error page). */
  readonly signIn: string;
  /** The route a sign-in form posts to (starts the provider's flow without JavaScript). */
  readonly signInStart: string;
  /** The identity provider, as its button names it. */
  readonly providerName: string;
  /** The scope the portal asks the provider for (the provider's own scope names). */
  readonly scope: string;
}

export const CITIZEN_PORTALS: Record<Jurisdiction, CitizenPortal> = {
  ru: {
    cabinet: '/lk',
    signIn: '/lk/vhod',
    signInStart: '/lk/vhod/esia',
    providerName: 'Госуслуги (ЕСИА)',
    // ФИО, birth date, sex, СНИЛС and the identity document (ЕСИА's scope names).
    scope: 'openid fullname birthdate gender snils id_doc',
  },
  kz: {
    cabinet: '/kabinet',
    signIn: '/kabinet/vhod',
    signInStart: '/kabinet/vhod/egov',
    providerName: 'eGov',
    // ФИО, birth date, sex and the ИИН — the one key of the ОСМС register.
    scope: 'openid fullname birthdate gender iin',
  },
};

/** The citizen portal of this deployment's jurisdiction. */
export function citizenPortal(jurisdiction: Jurisdiction = env().REGISTER_JURISDICTION): CitizenPortal {
  return CITIZEN_PORTALS[jurisdiction];
}
