import { fieldIssue } from '@/lib/errors';
import { isLuhnValid, luhnCheckDigit } from './luhn';
import { invalid, valid, type Checked } from './result';
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

/** Accepts spaces and dashes people type between groups; checks length, digits, Luhn and the prefix. */
export function validateEnp(input: string, field = 'enp'): Checked<Enp> {
  const s = input.replace(/[\s-]/g, '');
  if (!/^\d{16}$/.test(s)) return invalid(fieldIssue(field, 'ENP_INVALID_FORMAT'));
  if (!isLuhnValid(s)) return invalid(fieldIssue(field, 'ENP_INVALID_CHECKSUM'));
  if (!isKnownSubjectCode(s.slice(0, 2))) return invalid(fieldIssue(field, 'ENP_UNKNOWN_PREFIX'));
  return valid(s as Enp);
}

export function isValidEnp(input: string): input is Enp {
  return validateEnp(input).ok;
}

/** `7700 0000 0000 0016`: groups of four, the way the number is printed on the extract. */
export function formatEnp(enp: Enp | string): string {
  return enp.replace(/(\d{4})(?=\d)/g, '$1 ');
}
