import { parseDate, type LocalDate } from '@/lib/domain/dates';
import { AppError } from '@/lib/errors';

/** The date a change takes effect: the one given (validated), or today in Moscow. */
export function effectiveDate(input: string | null | undefined, today: LocalDate, field = 'on'): LocalDate {
  if (input == null || input.trim() === '') return today;
  const parsed = parseDate(field, input);
  if (!parsed.ok) throw AppError.validation(parsed.issues);
  return parsed.value;
}
