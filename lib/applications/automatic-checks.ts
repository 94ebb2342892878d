import { addDays, formatDateRu, type LocalDate } from '@/lib/domain/dates';

/**
 * Pure parts of the automatic checks of an application (no I/O), unit-tested beside this file.
 * Candidates for lib/domain once the rules settle.
 */

export interface ReviewReason {
  /** Stable code, kept as the application's `reason_code` while it waits for an operator. */
  code:
    | 'PERSON_DATA_INVALID'
    | 'DOCUMENT_INVALID'
    | 'DOCUMENT_EXPIRED'
    | 'DUPLICATE_DOCUMENT'
    | 'DUPLICATE_SNILS'
    | 'DUPLICATE_PERSON'
    | 'INSURER_NOT_SERVING_REGION'
    | 'DATA_MISMATCH'
    | 'OTHER_REPRESENTATIVE'
    | 'REGION_MISMATCH'
    | 'AUTO_CHECK_FAILED';
  /** For the citizen and the operator, in Russian. */
  text: string;
}

/** The review reasons as stored on the application: the first code, all the texts. */
export function summariseReview(reasons: readonly ReviewReason[]): { code: string; text: string } | null {
  if (reasons.length === 0) return null;
  return {
    code: reasons[0]!.code,
    text: `Заявление проверит специалист: ${reasons.map((r) => r.text.replace(/\.$/, '')).join('; ')}.`,
  };
}

/** The day the holder reaches the given age (29 February births reach it on 1 March in common years). */
function birthday(birthDate: LocalDate, age: number): LocalDate {
  const year = Number(birthDate.slice(0, 4)) + age;
  const monthDay = birthDate.slice(5);
  const candidate = `${year}-${monthDay}`;
  if (monthDay === '02-29' && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0))) {
    return `${year}-03-01` as LocalDate;
  }
  return candidate as LocalDate;
}

/** Days a passport stays valid after the birthday on which it must be replaced (our reading of Decree 828). */
export const PASSPORT_REPLACEMENT_GRACE_DAYS = 90;

export type PassportValidity =
  { valid: true } | { valid: false; code: 'DOCUMENT_INVALID' | 'DOCUMENT_EXPIRED'; text: string };

/**
 * Is a Russian internal passport (F011 14) valid today? It is issued from 14 and replaced at 20 and at 45
 * (Decree № 828): a passport issued before the 20th (45th) birthday stays valid until the replacement
 * deadline, 90 days after that birthday. Without an issue date only the format can be checked.
 */
export function passportValidity(
  birthDate: LocalDate,
  issueDate: LocalDate | null,
  today: LocalDate,
): PassportValidity {
  if (issueDate === null) return { valid: true };
  if (issueDate > today) {
    return { valid: false, code: 'DOCUMENT_INVALID', text: 'дата выдачи паспорта позже сегодняшней' };
  }
  if (issueDate < birthday(birthDate, 14)) {
    return {
      valid: false,
      code: 'DOCUMENT_INVALID',
      text: 'паспорт выдан раньше, чем владельцу исполнилось 14 лет',
    };
  }
  for (const age of [20, 45]) {
    const replaceOn = birthday(birthDate, age);
    if (issueDate < replaceOn) {
      const lastValid = addDays(replaceOn, PASSPORT_REPLACEMENT_GRACE_DAYS);
      if (today > lastValid) {
        return {
          valid: false,
          code: 'DOCUMENT_EXPIRED',
          text: `паспорт нужно было заменить по достижении ${age} лет, он действовал по ${formatDateRu(lastValid)}`,
        };
      }
      return { valid: true };
    }
  }
  return { valid: true };
}

/** Names compared the way people write them: case, ё/е and extra spaces do not matter. */
export function sameName(a: string | null | undefined, b: string | null | undefined): boolean {
  const norm = (s: string | null | undefined) =>
    (s ?? '').trim().toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ');
  return norm(a) === norm(b);
}
