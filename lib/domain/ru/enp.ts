import { fieldIssue, type FieldIssue } from '@/lib/errors';
import { isLuhnValid, luhnCheckDigit } from '@/lib/domain/luhn';
import { invalid, valid, type Checked } from '@/lib/domain/result';
import { isKnownSubjectCode } from './subjects';

/** ЕНП: the 16-digit policy number a person keeps for life. */
export type Enp = string & { readonly __brand: 'Enp' };

export const ENP_SERIAL_DIGITS = 13;
const MAX_SERIAL = 10 ** ENP_SERIAL_DIGITS - 1;

/**
 * Builds an ЕНП from the subject where it is first assigned and a serial unique within the register.
 * Digits 3–15 are opaque on purpose: the brief warns against encoding (or parsing) birth date or sex.
 */
export function generateEnp(subjectCode: string, serial: number | bigint): Enp {
  if (!isKnownSubjectCode(subjectCode)) throw new RangeError(`Unknown subject code ${subjectCode}`);
  const n = BigInt(serial);
  if (n < 0n || n > BigInt(MAX_SERIAL)) throw new RangeError(`ЕНП serial out of range: ${serial}`);
  const body = subjectCode + n.toString().padStart(ENP_SERIAL_DIGITS, '0');
  return (body + String(luhnCheckDigit(body))) as Enp;
}

/**
 * Accepts spaces and dashes people type between groups; refuses only what cannot be a policy number: the
 * length, the digits and the check digit. The prefix is not a reason to refuse (see `enpWarnings`).
 */
export function validateEnp(input: string, field = 'enp'): Checked<Enp> {
  const s = input.replace(/[\s-]/g, '');
  if (!/^\d{16}$/.test(s)) return invalid(fieldIssue(field, 'ENP_INVALID_FORMAT'));
  if (!isLuhnValid(s)) return invalid(fieldIssue(field, 'ENP_INVALID_CHECKSUM'));
  return valid(s as Enp);
}

/**
 * What is worth saying about a valid ЕНП without refusing it: first two digits that are not a subject code
 * of today's directory. Numbers first assigned in subjects that have since merged (84 Таймырский,
 * 88 Эвенкийский, …) are still valid policies, so this is a warning only (domain brief, ЕНП structure).
 */
export function enpWarnings(enp: Enp, field = 'enp'): FieldIssue[] {
  return isKnownSubjectCode(enp.slice(0, 2)) ? [] : [fieldIssue(field, 'ENP_UNKNOWN_PREFIX')];
}

export function isValidEnp(input: string): input is Enp {
  return validateEnp(input).ok;
}

/** `7700 0000 0000 0016`: groups of four, the way the number is printed on the extract. */
export function formatEnp(enp: Enp | string): string {
  return enp.replace(/(\d{4})(?=\d)/g, '$1 ');
}
