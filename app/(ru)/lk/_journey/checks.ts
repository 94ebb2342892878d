import { moscowDate, parseDate } from '@/lib/domain/dates';
import { errorCatalogue } from '@/lib/errors';
import type { Answers, Issue } from './journey-flow';

/** A date the person gives for something that has happened: required, a real date, not in the future. */
export function checkPastDate(answers: Answers, field: string, required: string): Issue[] {
  const raw = answers[field]?.trim() ?? '';
  if (!raw) return [{ field, message: required }];
  const parsed = parseDate(field, raw);
  if (!parsed.ok) return parsed.issues.map((i) => ({ field, message: i.message }));
  if (parsed.value > moscowDate(new Date()))
    return [{ field, message: errorCatalogue.DATE_IN_FUTURE.message }];
  return [];
}
