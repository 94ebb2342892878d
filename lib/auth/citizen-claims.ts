import { z } from 'zod';
import { parseDate } from '@/lib/domain/dates';
import { validateIin } from '@/lib/domain/kz/iin';
import { normalizeDocument } from '@/lib/domain/ru/documents';
import { validateSnils } from '@/lib/domain/ru/snils';
import type { CitizenActor } from './actor';
import type { SessionIdentity } from './auth-options';

/** ЕСИА account levels, lowest first. Only a verified (подтверждённая) account may apply for anything. */
export const ACCOUNT_LEVELS = ['simplified', 'standard', 'verified'] as const;
export type AccountLevel = (typeof ACCOUNT_LEVELS)[number];

export const ACCOUNT_LEVEL_NAMES: Record<AccountLevel, string> = {
  simplified: 'упрощённая',
  standard: 'стандартная',
  verified: 'подтверждённая',
};

export type { CitizenActor };

/** What the identity provider vouched for, normalised. Lives in the encrypted session cookie. */
export interface CitizenClaims {
  sub: string;
  lastName: string;
  firstName: string;
  patronymic: string | null;
  /** `YYYY-MM-DD`, when the account has it. */
  birthDate: string | null;
  sex: 'M' | 'F' | null;
  /** 11 digits, checksum valid. */
  snils: string | null;
  /** A Russian passport (F011 kind 14), normalised like the register stores it. */
  passport: { series: string; number: string } | null;
  /** Kazakhstan's ИИН (eGov's claim `iin`), 12 digits, check digit valid; null from ЕСИА. */
  iin: string | null;
  trusted: boolean;
  accountLevel: AccountLevel;
}

/** The citizen part of a session: the verified claims and when the session ends (epoch seconds). */
export interface CitizenSessionPart {
  claims: CitizenClaims;
  expiresAt: number;
}

const optionalText = z
  .string()
  .trim()
  .max(100)
  .nullish()
  .transform((s) => (s ? s : null));

/**
 * The claims as a ЕСИА-compatible issuer sends them (ID token merged with userinfo). Names are required;
 * everything else may be missing on a lower-level account. Malformed identifiers are dropped rather than
 * trusted: they are only used to find the person in the register.
 */
export const providerClaimsSchema = z.object({
  sub: z.string().trim().min(1).max(128),
  family_name: z.string().trim().min(1).max(100),
  given_name: z.string().trim().min(1).max(100),
  middle_name: optionalText,
  birthdate: optionalText,
  gender: optionalText,
  snils: optionalText,
  passport_series: optionalText,
  passport_number: optionalText,
  iin: optionalText,
  trusted: z.union([z.boolean(), z.enum(['true', 'false'])]).nullish(),
  account_level: z.enum(ACCOUNT_LEVELS).nullish(),
});
export type ProviderClaims = z.input<typeof providerClaimsSchema>;

function sexOf(gender: string | null): 'M' | 'F' | null {
  switch (gender?.toLowerCase()) {
    case 'male':
    case 'm':
      return 'M';
    case 'female':
    case 'f':
      return 'F';
    default:
      return null;
  }
}

/**
 * Maps the provider's claims to the portal's normalised claims, or null when they lack an identity.
 * `trusted` needs both the flag and (when the provider names one) the verified level: a disagreement is
 * read the safe way.
 */
export function citizenClaimsFrom(raw: unknown): CitizenClaims | null {
  const parsed = providerClaimsSchema.safeParse(raw);
  if (!parsed.success) return null;
  const c = parsed.data;
  const trustedFlag = c.trusted === true || c.trusted === 'true';
  const accountLevel: AccountLevel = c.account_level ?? (trustedFlag ? 'verified' : 'simplified');
  const trusted = trustedFlag && accountLevel === 'verified';

  const birth = c.birthdate ? parseDate('birthdate', c.birthdate) : null;
  const snils = c.snils ? validateSnils(c.snils) : null;
  const iin = c.iin ? validateIin(c.iin) : null;
  const passport =
    c.passport_series && c.passport_number
      ? normalizeDocument({ kind: 14, series: c.passport_series, number: c.passport_number })
      : null;
  return {
    sub: c.sub,
    lastName: c.family_name,
    firstName: c.given_name,
    patronymic: c.middle_name,
    birthDate: birth?.ok ? birth.value : null,
    sex: sexOf(c.gender),
    snils: snils?.ok ? snils.value : null,
    passport:
      passport?.ok && passport.value.series
        ? { series: passport.value.series, number: passport.value.number }
        : null,
    iin: iin?.ok ? iin.value.iin : null,
    trusted,
    accountLevel,
  };
}

export function citizenDisplayName(
  claims: Pick<CitizenClaims, 'lastName' | 'firstName' | 'patronymic'>,
): string {
  return [claims.lastName, claims.firstName, claims.patronymic].filter(Boolean).join(' ');
}

/**
 * The session identity of a citizen right after sign-in. The register person and the children are not
 * known yet: they are resolved per request from the claims (`currentCitizen`), so a change in the register
 * (a child registered, a record merged) shows at once.
 */
export function citizenIdentity(
  claims: CitizenClaims,
  nowSeconds: number,
  sessionSeconds: number,
): SessionIdentity {
  return {
    actor: {
      kind: 'citizen',
      id: claims.sub,
      personId: null,
      representedPersonIds: [],
      trusted: claims.trusted,
    },
    displayName: citizenDisplayName(claims),
    staffRole: null,
    citizen: { claims, expiresAt: nowSeconds + sessionSeconds },
  };
}

/** A citizen session past its end is no session: sign-in at the provider again. */
export function citizenSessionExpired(identity: SessionIdentity, nowSeconds: number): boolean {
  return identity.citizen !== undefined && identity.citizen.expiresAt <= nowSeconds;
}
