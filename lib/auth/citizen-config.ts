import { createHmac } from 'node:crypto';
import { parseEnv, readEnv, type Jurisdiction } from '@/config/env';
import { CITIZEN_PORTALS } from './citizen-portal';

/**
 * Where citizens sign in. Production names a ЕСИА-compatible OpenID Connect issuer and the portal's client
 * registration there; without `ESIA_ISSUER` the launcher mounts the development provider at
 * `${NEXTAUTH_URL}/esia-dev` and both sides derive the client registration from NEXTAUTH_SECRET, so there
 * is nothing to configure for `npm run dev` and the browser tests.
 */
export const DEV_ISSUER_PATH = '/esia-dev';
export const DEV_CLIENT_ID = 'erz-oms-portal';
export const ESIA_PROVIDER_ID = 'esia';
/** What the Russian portal asks for: ФИО, birth date, sex, СНИЛС and the identity document (ЕСИА's names). */
export const DEFAULT_ESIA_SCOPE = CITIZEN_PORTALS.ru.scope;
/** The default of CITIZEN_SESSION_SECONDS (config/env.ts). */
export const DEFAULT_CITIZEN_SESSION_SECONDS = readEnv({}).CITIZEN_SESSION_SECONDS;

/** The environment, or any set of variables (tests). */
export type Env = Readonly<Record<string, string | undefined>>;

export interface CitizenAuthConfig {
  /** Whose citizens sign in (ADR 0032): ЕСИА's for Russia's register, eGov's for Kazakhstan's. */
  jurisdiction: Jurisdiction;
  /** `external`: a real ЕСИА-compatible issuer; `dev`: the provider mounted in this process. */
  mode: 'external' | 'dev';
  issuer: string;
  clientId: string;
  clientSecret: string;
  scope: string;
  /** The portal's redirect URI, next-auth's callback for the provider. */
  callbackUrl: string;
  /** A citizen session ends this long after sign-in, whatever happens in between. */
  sessionSeconds: number;
}

export type ParsedCitizenAuthConfig = { ok: true; config: CitizenAuthConfig } | { ok: false; error: string };

/** The development client's secret: both ends of the same process derive it, it never leaves the server. */
export function devClientSecret(nextAuthSecret: string): string {
  return createHmac('sha256', nextAuthSecret).update('esia-dev client secret').digest('base64url');
}

export function parseCitizenAuthEnv(env: Env = process.env): ParsedCitizenAuthConfig {
  // The variables' shapes and the ЕСИА rules are the configuration's (config/env.ts); what sign-in itself
  // needs on top is a site URL, and a session key for the development provider.
  const parsed = parseEnv(env);
  const problems = parsed.ok ? [] : [parsed.error.message.replace(/^Invalid configuration: /, '')];
  if (parsed.ok && !parsed.env.NEXTAUTH_URL) problems.push('NEXTAUTH_URL: must be set');
  if (parsed.ok && !parsed.env.ESIA_ISSUER && !parsed.env.NEXTAUTH_SECRET) {
    problems.push(
      'NEXTAUTH_SECRET: must be set (the development provider derives its client secret from it)',
    );
  }
  if (!parsed.ok || problems.length) {
    return { ok: false, error: `Citizen sign-in configuration: ${problems.join('; ')}` };
  }
  const e = parsed.env;
  const base = e.NEXTAUTH_URL!;
  const common = {
    jurisdiction: e.REGISTER_JURISDICTION,
    // The deployment's country decides what its provider is asked for (eGov: the ИИН).
    scope: e.ESIA_SCOPE ?? CITIZEN_PORTALS[e.REGISTER_JURISDICTION].scope,
    callbackUrl: `${base}/api/auth/callback/${ESIA_PROVIDER_ID}`,
    sessionSeconds: e.CITIZEN_SESSION_SECONDS,
  };
  return {
    ok: true,
    config: e.ESIA_ISSUER
      ? {
          mode: 'external',
          issuer: e.ESIA_ISSUER,
          clientId: e.ESIA_CLIENT_ID!,
          clientSecret: e.ESIA_CLIENT_SECRET!,
          ...common,
        }
      : {
          mode: 'dev',
          issuer: `${base}${DEV_ISSUER_PATH}`,
          clientId: DEV_CLIENT_ID,
          clientSecret: devClientSecret(e.NEXTAUTH_SECRET!),
          ...common,
        },
  };
}

/** The configuration, or an error that names every wrong variable (the launcher calls this at start). */
export function citizenAuthConfig(env: Env = process.env): CitizenAuthConfig {
  const parsed = parseCitizenAuthEnv(env);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.config;
}

/**
 * The development provider signs anyone in as anyone: it runs only where that cannot hurt — development,
 * or a production build on the embedded demo database (the browser tests) — unless explicitly allowed
 * with ESIA_DEV_PROVIDER=true (a demo on a real database server). A production server on a real database
 * without ESIA_ISSUER refuses to start rather than open a door.
 */
export function devProviderAllowed(opts: { prod: boolean; embedded: boolean; env?: Env }): boolean {
  return !opts.prod || opts.embedded || readEnv(opts.env ?? process.env).ESIA_DEV_PROVIDER === 'true';
}

/**
 * Synthetic citizens (an identity derived from a seed, for browser tests) only on the embedded database,
 * which the launcher creates and fills with invented people: never on a real register, whatever the
 * environment says — ESIA_DEV_PROVIDER=true does not turn them on.
 */
export function syntheticCitizensAllowed(opts: { embedded: boolean }): boolean {
  return opts.embedded;
}
