import { parseDate, type LocalDate } from '@/lib/domain/dates';
import { validateIin, type Iin } from '@/lib/domain/kz/iin';
import { IssueCollector } from '@/lib/domain/result';
import { AppError, fieldIssue } from '@/lib/errors';

/** A lookup as it arrives from any channel of a Kazakh deployment: strings from a query, a form, FHIR. */
export interface OsmsLookupInput {
  iin?: string | null;
  onDate?: string | null;
}

export interface OsmsLookupQuery {
  iin: Iin;
  onDate: LocalDate;
}

const present = (v: string | null | undefined): v is string => v != null && v.trim() !== '';

/**
 * Validates a lookup by ИИН — the only key of the ОСМС register, so no birth date is asked for (the number
 * carries its own check digit). Every invalid field is named: the ИИН's failed checks (IIN_*) and the date.
 */
export function parseOsmsLookup(input: OsmsLookupInput, today: LocalDate): OsmsLookupQuery {
  const c = new IssueCollector();
  const iin = present(input.iin)
    ? c.take(validateIin(input.iin, 'iin'))?.iin
    : c.add(fieldIssue('iin', 'FIELD_REQUIRED', 'Укажите ИИН — 12 цифр.'));
  const onDate = present(input.onDate) ? c.take(parseDate('onDate', input.onDate)) : today;
  if (!iin || !onDate || c.issues.length) throw AppError.validation(c.issues);
  return { iin, onDate };
}
