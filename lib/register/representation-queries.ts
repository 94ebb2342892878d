import { and, gt, isNull, lte, or, type SQL } from 'drizzle-orm';
import { representations } from '@/db/schema';
import type { LocalDate } from '@/lib/domain/dates';

/**
 * A representation gives access on `date` when it started on or before that day and ends after it
 * (`validTo` is the first day it no longer holds). The one place this condition is written.
 */
export function representationValidOn(date: LocalDate): SQL {
  return and(
    lte(representations.validFrom, date),
    or(isNull(representations.validTo), gt(representations.validTo, date)),
  )!;
}
