/** Check digits of Russian legal-entity identifiers, so fixture insurers and clinics look like real ones. */

/** ОГРН: 13 digits; the last is (first 12 mod 11) mod 10. */
export function ogrnFrom(body12: string): string {
  return body12 + String(Number(BigInt(body12) % 11n) % 10);
}

/** ИНН of a legal entity: 10 digits with one weighted check digit. */
export function innFrom(body9: string): string {
  const w = [2, 4, 10, 3, 5, 9, 4, 6, 8];
  const sum = w.reduce((s, wi, i) => s + wi * Number(body9[i]), 0);
  return body9 + String((sum % 11) % 10);
}
