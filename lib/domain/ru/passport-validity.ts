import { addDays, birthdayAt, formatDateRu, type LocalDate } from '@/lib/domain/dates';

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
  if (issueDate < birthdayAt(birthDate, 14)) {
    return {
      valid: false,
      code: 'DOCUMENT_INVALID',
      text: 'паспорт выдан раньше, чем владельцу исполнилось 14 лет',
    };
  }
  for (const age of [20, 45]) {
    const replaceOn = birthdayAt(birthDate, age);
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
