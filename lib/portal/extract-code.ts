import { randomBytes } from 'node:crypto';
import { formatDateRu, type LocalDate } from '@/lib/domain/dates';

/** Crockford's base32: no I, L, O, U — nothing to misread when the code is typed from paper. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const EXTRACT_CODE_LENGTH = 26;

/** 128 random bits as 26 base32 characters (the first carries 3 bits). */
export function generateExtractCode(bytes: Uint8Array = randomBytes(16)): string {
  if (bytes.length !== 16) throw new RangeError('An extract code takes 16 random bytes');
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  let out = '';
  for (let i = 0; i < EXTRACT_CODE_LENGTH; i++) {
    out = ALPHABET[Number(n & 31n)]! + out;
    n >>= 5n;
  }
  return out;
}

/**
 * The code as typed or scanned, made canonical: case, spaces and dashes ignored, and the letters
 * Crockford's base32 reads as digits (O → 0, I/L → 1). Null when it cannot be a code.
 */
export function normalizeExtractCode(input: string): string | null {
  const s = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (s.length !== EXTRACT_CODE_LENGTH) return null;
  for (const ch of s) if (!ALPHABET.includes(ch)) return null;
  // The top character carries only 3 of its 5 bits.
  if (ALPHABET.indexOf(s[0]!) > 7) return null;
  return s;
}

/** `XXXXX-XXXXX-XXXXX-XXXXX-XXXXXX`, the way it is printed. */
export function formatExtractCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5, 10)}-${code.slice(10, 15)}-${code.slice(15, 20)}-${code.slice(20)}`;
}

/** The holder as shown to whoever checks a code: «Иванов С. П., 12.04.****». */
export function maskHolder(p: {
  lastName: string;
  firstName: string;
  patronymic: string | null;
  birthDate: LocalDate;
}): string {
  const initials = [p.firstName, p.patronymic]
    .filter((s): s is string => Boolean(s))
    .map((s) => `${s.charAt(0).toUpperCase()}.`)
    .join(' ');
  return `${p.lastName} ${initials}, ${formatDateRu(p.birthDate).slice(0, 6)}****`;
}

/** The ЕНП with its middle hidden: «7700 **** **** 0016». */
export function maskEnp(enp: string): string {
  return `${enp.slice(0, 4)} **** **** ${enp.slice(12)}`;
}
