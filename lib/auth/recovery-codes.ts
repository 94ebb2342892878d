import { createHash, randomInt } from 'node:crypto';

/**
 * One-time recovery codes of the second factor: 10 per enrolment, shown once, stored as SHA-256 (each is
 * 50 random bits and sign-in attempts are locked out after a few failures, so a slow hash adds nothing).
 */
export const RECOVERY_CODE_COUNT = 10;
// No 0/o, 1/l/i: codes are read off paper.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const HALF = 5;

/** Groups of `size` random characters that are easy to read and type, joined by dashes. */
export function readableRandom(groups: number, size = HALF): string {
  const part = () => Array.from({ length: size }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return Array.from({ length: groups }, part).join('-');
}

export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => readableRandom(2));
}

/** The code as typed, case, spaces and dashes aside; null when it cannot be a recovery code. */
export function normaliseRecoveryCode(input: string): string | null {
  const s = input.toLowerCase().replace(/[\s-]+/g, '');
  return new RegExp(`^[${ALPHABET}]{${HALF * 2}}$`).test(s) ? s : null;
}

export function hashRecoveryCode(normalised: string): string {
  return createHash('sha256').update(`oms-recovery:${normalised}`).digest('hex');
}
