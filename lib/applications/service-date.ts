import { formatDateRu, parseDate, type LocalDate } from '@/lib/domain/dates';
import { fieldIssue, type FieldIssue } from '@/lib/errors';
import type { CoverageRow } from '@/lib/register/coverage-queries';

/**
 * The date a suspension or renewal takes effect, as the citizen gives it (the day the service started or
 * ended): empty means today; not in the future; not before the current period began (the register could
 * not place it there and the person should see that on the form, not as a refusal).
 */
export function serviceDate(
  field: string,
  raw: string | null | undefined,
  today: LocalDate,
  latest: CoverageRow | null,
  issues: FieldIssue[],
): LocalDate | null {
  if (raw == null || raw.trim() === '') return today;
  const parsed = parseDate(field, raw);
  if (!parsed.ok) {
    issues.push(...parsed.issues);
    return null;
  }
  if (parsed.value > today) {
    issues.push(fieldIssue(field, 'DATE_IN_FUTURE'));
    return null;
  }
  if (latest && parsed.value < latest.validFrom) {
    issues.push(
      fieldIssue(
        field,
        'COVERAGE_DATE_BEFORE_CURRENT',
        `Укажите дату не раньше ${formatDateRu(latest.validFrom)}: с этого дня действует текущее состояние полиса.`,
      ),
    );
    return null;
  }
  return parsed.value;
}
