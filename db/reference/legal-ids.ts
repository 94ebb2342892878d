import { innCheckDigit, ogrnCheckDigit } from '@/lib/domain/ru/legal-ids';

/** Fixture insurers and clinics get identifiers with valid check digits, like real ones. */
export function ogrnFrom(body12: string): string {
  return body12 + ogrnCheckDigit(body12);
}

export function innFrom(body9: string): string {
  return body9 + innCheckDigit(body9);
}
