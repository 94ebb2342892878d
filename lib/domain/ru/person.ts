import { fieldIssue } from '@/lib/errors';
import { ageOn, birthdayAt, formatDateRu, makeDate, parseDate, type LocalDate } from '@/lib/domain/dates';
import { invalid, valid, type Checked } from '@/lib/domain/result';
import { tidyNameText } from '@/lib/domain/text';

/** Pure checks of a person's data: ФИО, sex, date of birth, age thresholds. */

export const PERSON_NAME_MAX = 60;
export const EARLIEST_BIRTH_DATE: LocalDate = makeDate(1900, 1, 1);
export const AGE_OF_MAJORITY = 18;
/** From 14 a person holds a passport and applies on their own. */
export const AGE_OF_OWN_APPLICATION = 14;

export type Sex = 'M' | 'F';

const NAME_SHAPE = /^[А-ЯЁа-яё]+(?:[-' ][А-ЯЁа-яё]+)*$/;
const LATIN = /[A-Za-z]/;
/** Parts of Turkic patronymics written in lower case: «Мамед оглы», «Лейла кызы». */
const LOWERCASE_PARTICLES = new Set(['оглы', 'огли', 'кызы', 'гызы', 'улы', 'уулу']);

function capitaliseParts(name: string): string {
  let partIndex = 0;
  return name.replace(/[А-ЯЁа-яё]+/g, (word, offset: number) => {
    const prev = offset > 0 ? name.charAt(offset - 1) : '';
    const lower = word.toLowerCase();
    // A word after an apostrophe keeps going in lower case («Д'артаньян» is not split into names).
    if (prev === "'") return lower;
    const first = partIndex++ === 0;
    if (!first && prev === ' ' && LOWERCASE_PARTICLES.has(lower)) return lower;
    return lower.charAt(0).toUpperCase() + lower.slice(1);
  });
}

export interface NameOptions {
  required: boolean;
}

/**
 * A surname, first name or patronymic: Russian letters (Ё kept), hyphen, apostrophe, space; 1–60
 * characters. Normalised: trimmed, spaces collapsed (and removed around hyphens), typographic
 * apostrophes made plain, each part capitalised — «анна-мария» → «Анна-Мария».
 * Returns null for an empty optional value (a person without a patronymic).
 */
export function validatePersonName(
  field: string,
  value: string | null | undefined,
  options: { required: true },
): Checked<string>;
export function validatePersonName(
  field: string,
  value: string | null | undefined,
  options: NameOptions,
): Checked<string | null>;
export function validatePersonName(
  field: string,
  value: string | null | undefined,
  options: NameOptions,
): Checked<string | null> {
  const s = tidyNameText(value);
  if (s === '') {
    return options.required ? invalid(fieldIssue(field, 'FIELD_REQUIRED')) : valid(null);
  }
  if (s.length > PERSON_NAME_MAX) {
    return invalid(fieldIssue(field, 'PERSON_NAME_INVALID', `Не длиннее ${PERSON_NAME_MAX} символов.`));
  }
  if (!NAME_SHAPE.test(s)) {
    if (LATIN.test(s)) {
      return invalid(
        fieldIssue(
          field,
          'PERSON_NAME_INVALID',
          'Есть латинские буквы: наберите имя русскими буквами, как в паспорте.',
        ),
      );
    }
    return invalid(
      fieldIssue(
        field,
        'PERSON_NAME_INVALID',
        'Используйте русские буквы; дефис, апостроф или пробел — только между буквами, например «Анна-Мария».',
      ),
    );
  }
  return valid(capitaliseParts(s));
}

/**
 * 'M' or 'F'. Also accepts the Russian initials «м»/«ж» and the exchange-format codes of the `W`
 * element (1 = male, 2 = female).
 */
export function validateSex(field: string, value: string | number | null | undefined): Checked<Sex> {
  const s = String(value ?? '')
    .trim()
    .toUpperCase();
  if (s === '') return invalid(fieldIssue(field, 'FIELD_REQUIRED', 'Укажите пол.'));
  if (s === 'M' || s === 'М' || s === '1') return valid('M');
  if (s === 'F' || s === 'Ж' || s === '2') return valid('F');
  return invalid(fieldIssue(field, 'PERSON_SEX_INVALID'));
}

/** The `W` code of exchange formats: 1 = male, 2 = female. */
export function sexToExchangeCode(sex: Sex): 1 | 2 {
  return sex === 'M' ? 1 : 2;
}

/** A date of birth: a real date, not after `today`, not before 01.01.1900. */
export function validateBirthDate(
  field: string,
  value: string | null | undefined,
  today: LocalDate,
): Checked<LocalDate> {
  const s = (value ?? '').trim();
  if (s === '') return invalid(fieldIssue(field, 'FIELD_REQUIRED', 'Укажите дату рождения.'));
  const parsed = parseDate(field, s);
  if (!parsed.ok) return parsed;
  const date = parsed.value;
  if (date > today) {
    return invalid(fieldIssue(field, 'DATE_IN_FUTURE', 'Дата рождения не может быть позже сегодняшней.'));
  }
  if (date < EARLIEST_BIRTH_DATE) {
    return invalid(
      fieldIssue(
        field,
        'DATE_TOO_EARLY',
        `Дата рождения не может быть раньше ${formatDateRu(EARLIEST_BIRTH_DATE)}.`,
      ),
    );
  }
  return valid(date);
}

/** Under 18 on the given date: a legal representative acts for the person. */
export function isMinor(birthDate: LocalDate, on: LocalDate): boolean {
  return ageOn(birthDate, on) < AGE_OF_MAJORITY;
}

/** 14 or older on the given date: the person may apply on their own. */
export function canActAlone(birthDate: LocalDate, on: LocalDate): boolean {
  return ageOn(birthDate, on) >= AGE_OF_OWN_APPLICATION;
}

/** Names compared the way people write them: case, ё/е and extra spaces do not matter. */
export function sameName(a: string | null | undefined, b: string | null | undefined): boolean {
  const norm = (s: string | null | undefined) =>
    (s ?? '').trim().toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ');
  return norm(a) === norm(b);
}

/** The 18th birthday: a parent's representation of the child ends that day. */
export function majorityDate(birthDate: LocalDate): LocalDate {
  return birthdayAt(birthDate, AGE_OF_MAJORITY);
}
