/**
 * Check digits of Russian legal-entity identifiers (the directories of insurers and medical organisations).
 * ОГРН: 13 digits, the last is (first 12 mod 11) mod 10. ИНН of a legal entity: 10 digits, the last a
 * weighted sum of the first 9 (weights 2 4 10 3 5 9 4 6 8) mod 11 mod 10.
 */
export function ogrnCheckDigit(body12: string): string {
  return String(Number(BigInt(body12) % 11n) % 10);
}

const INN_WEIGHTS = [2, 4, 10, 3, 5, 9, 4, 6, 8];

export function innCheckDigit(body9: string): string {
  const sum = INN_WEIGHTS.reduce((s, w, i) => s + w * Number(body9[i]), 0);
  return String((sum % 11) % 10);
}

export function isValidOgrn(value: string): boolean {
  return /^\d{13}$/.test(value) && value[12] === ogrnCheckDigit(value.slice(0, 12));
}

export function isValidLegalInn(value: string): boolean {
  return /^\d{10}$/.test(value) && value[9] === innCheckDigit(value.slice(0, 9));
}
