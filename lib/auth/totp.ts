import { Secret, TOTP } from 'otpauth';

/**
 * The TOTP second factor (RFC 6238 as every authenticator app reads it: SHA-1, 6 digits, 30 s), on the
 * `otpauth` library. Pure: the caller keeps the last accepted step so a code is never accepted twice.
 */
const PERIOD = 30;
const DIGITS = 6;
/** One step either side: a phone whose clock is up to 30 s off still works. */
const WINDOW = 1;

/** A new secret: 160 random bits, base32 (what the QR code and manual entry carry). */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totp(secret: string, login = '', issuer = ''): TOTP {
  return new TOTP({
    issuer,
    label: login,
    algorithm: 'SHA1',
    digits: DIGITS,
    period: PERIOD,
    secret: Secret.fromBase32(secret),
  });
}

/** The `otpauth://` URI an authenticator app scans; `issuer` is what the app shows (the site's name). */
export function totpUri(secret: string, login: string, issuer: string): string {
  return totp(secret, login, issuer).toString();
}

export const totpStep = (at: Date): number => Math.floor(at.getTime() / 1000 / PERIOD);

/**
 * The time step a code belongs to, if it is valid at `now` (within one step either side) and later than
 * `lastStep` (a code already used, or older than one used, is refused); null otherwise.
 */
export function acceptedTotpStep(
  secret: string,
  code: string,
  now: Date,
  lastStep: number | null,
): number | null {
  const token = code.replace(/\s+/g, '');
  if (!new RegExp(`^\\d{${DIGITS}}$`).test(token)) return null;
  const delta = totp(secret).validate({ token, timestamp: now.getTime(), window: WINDOW });
  if (delta === null) return null;
  const step = totpStep(now) + delta;
  return lastStep !== null && step <= lastStep ? null : step;
}

/** The code of a step (tests and the browser tests' sign-in helper; the server only validates). */
export function totpCode(secret: string, at: Date): string {
  return totp(secret).generate({ timestamp: at.getTime() });
}
