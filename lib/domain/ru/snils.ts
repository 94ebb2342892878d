import { fieldIssue } from '@/lib/errors';
import { invalid, valid, type Checked } from '@/lib/domain/result';

/** СНИЛС stored as 11 digits without separators. */
export type Snils = string & { readonly __brand: 'Snils' };

/** Numbers up to 001-001-998 were issued before the check number existed and are not checked. */
const LAST_UNCHECKED = 1_001_998;

/** The two-digit check number of a 9-digit СНИЛС body (weights 9…1; 100 and 101 give 00; mod 101). */
export function snilsCheckNumber(body: string): number {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (body.charCodeAt(i) - 48) * (9 - i);
  if (sum < 100) return sum;
  if (sum === 100 || sum === 101) return 0;
  const r = sum % 101;
  return r === 100 ? 0 : r;
}

/** Builds a valid СНИЛС from its 9-digit body (for the seeder and tests). */
export function snilsFromBody(body: number): Snils {
  if (!Number.isInteger(body) || body < 0 || body > 999_999_999)
    throw new RangeError(`Bad СНИЛС body ${body}`);
  const b = String(body).padStart(9, '0');
  return (b + String(snilsCheckNumber(b)).padStart(2, '0')) as Snils;
}

export function validateSnils(input: string, field = 'snils'): Checked<Snils> {
  const s = input.replace(/[\s-]/g, '');
  if (!/^\d{11}$/.test(s)) return invalid(fieldIssue(field, 'SNILS_INVALID_FORMAT'));
  const body = s.slice(0, 9);
  if (Number(body) > LAST_UNCHECKED && snilsCheckNumber(body) !== Number(s.slice(9))) {
    return invalid(fieldIssue(field, 'SNILS_INVALID_CHECKSUM'));
  }
  return valid(s as Snils);
}

/** `112-233-445 95` */
export function formatSnils(snils: Snils | string): string {
  const s = snils.replace(/\D/g, '');
  return `${s.slice(0, 3)}-${s.slice(3, 6)}-${s.slice(6, 9)} ${s.slice(9, 11)}`;
}
