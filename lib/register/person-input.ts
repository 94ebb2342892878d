import { parseDate, type LocalDate } from '@/lib/domain/dates';
import { normalizeDocument, type NormalizedDocument } from '@/lib/domain/ru/documents';
import { validateBirthDate, validatePersonName, validateSex, type Sex } from '@/lib/domain/ru/person';
import type { IssueCollector } from '@/lib/domain/result';
import { validateSnils } from '@/lib/domain/ru/snils';
import { fieldIssue } from '@/lib/errors';

/** A person's data as it arrives from any edge (form, API, feed): strings, not yet trusted. */
export interface PersonDataInput {
  lastName: string;
  firstName: string;
  patronymic?: string | null;
  sex: string;
  birthDate: string;
  birthPlace?: string | null;
  citizenship?: string | null;
  snils?: string | null;
}

export interface DocumentDataInput {
  kind: number;
  series?: string | null;
  number: string;
  issueDate?: string | null;
  issuer?: string | null;
  validTo?: string | null;
}

export interface PersonData {
  lastName: string;
  firstName: string;
  patronymic: string | null;
  sex: Sex;
  birthDate: LocalDate;
  birthPlace: string | null;
  citizenship: string;
  snils: string | null;
}

export interface DocumentData extends NormalizedDocument {
  issueDate: LocalDate | null;
  issuer: string | null;
  validTo: LocalDate | null;
}

function optionalDate(c: IssueCollector, field: string, value: string | null | undefined): LocalDate | null {
  if (value == null || value.trim() === '') return null;
  return c.take(parseDate(field, value)) ?? null;
}

export function checkPersonData(
  c: IssueCollector,
  input: PersonDataInput,
  today: LocalDate,
  prefix = '',
): PersonData | undefined {
  const lastName = c.take(validatePersonName(`${prefix}lastName`, input.lastName, { required: true }));
  const firstName = c.take(validatePersonName(`${prefix}firstName`, input.firstName, { required: true }));
  const patronymic = c.take(validatePersonName(`${prefix}patronymic`, input.patronymic, { required: false }));
  const sex = c.take(validateSex(`${prefix}sex`, input.sex));
  const birthDate = c.take(validateBirthDate(`${prefix}birthDate`, input.birthDate, today));
  const snilsRaw = input.snils?.trim();
  const snils = snilsRaw ? c.take(validateSnils(snilsRaw, `${prefix}snils`)) : null;
  const citizenship = (input.citizenship ?? 'RUS').trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(citizenship)) {
    c.add(
      fieldIssue(
        `${prefix}citizenship`,
        'VALIDATION_FAILED',
        'Гражданство — трёхбуквенный код страны, например RUS.',
      ),
    );
  }
  const birthPlace = input.birthPlace?.trim() || null;
  if (
    lastName === undefined ||
    firstName === undefined ||
    patronymic === undefined ||
    !sex ||
    !birthDate ||
    snils === undefined
  ) {
    return undefined;
  }
  return { lastName, firstName, patronymic, sex, birthDate, birthPlace, citizenship, snils };
}

export function checkDocumentData(
  c: IssueCollector,
  input: DocumentDataInput,
  prefix = 'document.',
): DocumentData | undefined {
  const doc = c.take(
    normalizeDocument(input, { kind: `${prefix}kind`, series: `${prefix}series`, number: `${prefix}number` }),
  );
  const issueDate = optionalDate(c, `${prefix}issueDate`, input.issueDate);
  const validTo = optionalDate(c, `${prefix}validTo`, input.validTo);
  if (issueDate && validTo && validTo <= issueDate)
    c.add(fieldIssue(`${prefix}validTo`, 'DATE_RANGE_INVALID'));
  if (!doc) return undefined;
  return { ...doc, issueDate, validTo, issuer: input.issuer?.trim() || null };
}
