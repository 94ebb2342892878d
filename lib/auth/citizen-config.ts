import { createHmac } from 'node:crypto';
import { z } from 'zod';

/**
 * Where citizens sign in. Production names a ЕСИА-compatible OpenID Connect issuer and the portal's client
 * registration there; without `ESIA_ISSUER` the launcher mounts the development provider at
 * `${NEXTAUTH_URL}/esia-dev` and both sides derive the client registration from NEXTAUTH_SECRET, so there
 * is nothing to configure for `npm run dev` and the browser tests.
 */
export const DEV_ISSUER_PATH = '/esia-dev';
export const DEV_CLIENT_ID = 'erz-oms-portal';
export const ESIA_PROVIDER_ID = 'esia';
/** What the portal asks for: ФИО, birth date, sex, СНИЛС and the identity document (ЕСИА's scope names). */
export const DEFAULT_ESIA_SCOPE = 'openid fullname birthdate gender snils id_doc';
export const DEFAULT_CITIZEN_SESSION_SECONDS = 3600;

/** The environment, or any set of variables (tests). */
export type Env = Readonly<Record<string, string | undefined>>;

export interface CitizenAuthConfig {
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

const unsetIfEmpty = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(unsetIfEmpty, schema.optional());

const parsedUrl = (s: string): URL | null => {
  try {
    return new URL(s);
  } catch {
    return null;
  }
};
const isLocalHost = (url: URL) => ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);

const httpUrl = z.url({ protocol: /^https?$/ }).transform((s) => s.replace(/\/+$/, ''));

export const citizenAuthEnvSchema = z
  .object({
    NEXTAUTH_URL: optional(httpUrl),
    NEXTAUTH_SECRET: optional(z.string().min(16)),
    ESIA_ISSUER: optional(httpUrl),
    ESIA_CLIENT_ID: optional(z.string().trim().min(1).max(200)),
    ESIA_CLIENT_SECRET: optional(z.string().min(8).max(1000)),
    ESIA_SCOPE: optional(
      z
        .string()
        .trim()
        .regex(/(^|\s)openid(\s|$)/, 'must include openid'),
    ),
    CITIZEN_SESSION_SECONDS: optional(
      z.coerce
        .number()
        .int()
        .min(60)
        .max(24 * 3600),
    ),
  })
  .superRefine((env, ctx) => {
    if (!env.NEXTAUTH_URL) ctx.addIssue({ code: 'custom', path: ['NEXTAUTH_URL'], message: 'must be set' });
    if (env.ESIA_ISSUER) {
      for (const key of ['ESIA_CLIENT_ID', 'ESIA_CLIENT_SECRET'] as const) {
        if (!env[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'must be set with ESIA_ISSUER' });
      }
      const issuer = parsedUrl(env.ESIA_ISSUER); // a malformed URL is already reported by the field
      if (issuer && issuer.protocol !== 'https:' && !isLocalHost(issuer)) {
        ctx.addIssue({
          code: 'custom',
          path: ['ESIA_ISSUER'],
          message: 'must be https (http only for localhost)',
        });
      }
    } else {
      if (env.ESIA_CLIENT_ID || env.ESIA_CLIENT_SECRET) {
        ctx.addIssue({
          code: 'custom',
          path: ['ESIA_ISSUER'],
          message: 'must be set when ESIA_CLIENT_ID or ESIA_CLIENT_SECRET is',
        });
      }
      if (!env.NEXTAUTH_SECRET) {
        ctx.addIssue({
          code: 'custom',
          path: ['NEXTAUTH_SECRET'],
          message: 'must be set (the development provider derives its client secret from it)',
        });
      }
    }
  });

export type ParsedCitizenAuthConfig = { ok: true; config: CitizenAuthConfig } | { ok: false; error: string };

/** The development client's secret: both ends of the same process derive it, it never leaves the server. */
export function devClientSecret(nextAuthSecret: string): string {
  return createHmac('sha256', nextAuthSecret).update('esia-dev client secret').digest('base64url');
}

export function parseCitizenAuthEnv(env: Env = process.env): ParsedCitizenAuthConfig {
  const parsed = citizenAuthEnvSchema.safeParse(env);
  if (!parsed.success) {
    return {
      ok: false,
      error: `Citizen sign-in configuration: ${parsed.error.issues
        .map((i) => `${i.path.join('.')}: ${i.message}`)
        .join('; ')}`,
    };
  }
  const e = parsed.data;
  const base = e.NEXTAUTH_URL!;
  const common = {
    scope: e.ESIA_SCOPE ?? DEFAULT_ESIA_SCOPE,
    callbackUrl: `${base}/api/auth/callback/${ESIA_PROVIDER_ID}`,
    sessionSeconds: e.CITIZEN_SESSION_SECONDS ?? DEFAULT_CITIZEN_SESSION_SECONDS,
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
  const env = opts.env ?? process.env;
  return !opts.prod || opts.embedded || env.ESIA_DEV_PROVIDER === 'true';
}

/**
 * Synthetic citizens (an identity derived from a seed, for browser tests) only on the embedded database,
 * which the launcher creates and fills with invented people: never on a real register, whatever the
 * environment says — ESIA_DEV_PROVIDER=true does not turn them on.
 */
export function syntheticCitizensAllowed(opts: { embedded: boolean }): boolean {
  return opts.embedded;
}
