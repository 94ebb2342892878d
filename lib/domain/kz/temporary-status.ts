import type { LocalDate } from '@/lib/domain/dates';
import type { OsmsCategory } from './categories';
import { osmsStatusOn, type InsuredGround } from './insured-status';
import type { OsmsFacts } from './osms-facts';
import type { OsmsParameters } from './parameters';
import { temporaryStatusLastDay } from './status-periods';

/** The grounds on which a person is insured because their category's data has arrived. */
const CATEGORY_GROUNDS: ReadonlySet<InsuredGround> = new Set(['STATE_CATEGORY', 'LOCAL_BODY_CATEGORY']);

/** Why a temporary status on a document is not given: the error code the use case throws, and its details. */
export type TemporaryStatusRefusal =
  | {
      code: 'KZ_ALREADY_INSURED_ON_CATEGORY';
      details: { category: OsmsCategory | null; ground: InsuredGround };
    }
  | { code: 'KZ_TEMPORARY_STATUS_HOLDS'; details: { category: OsmsCategory; until: LocalDate } };

/**
 * Whether a document proving `category` may give a temporary status today (issue 14): not when the person
 * is already insured on a category (its data is there — the document adds nothing), nor while a temporary
 * status for the same category, not revoked, still holds. Null when it may.
 */
export function temporaryStatusRefusal(
  params: OsmsParameters,
  facts: OsmsFacts,
  category: OsmsCategory,
  today: LocalDate,
): TemporaryStatusRefusal | null {
  const status = osmsStatusOn(params, facts, today);
  if (status.insured && CATEGORY_GROUNDS.has(status.code)) {
    return {
      code: 'KZ_ALREADY_INSURED_ON_CATEGORY',
      details: { category: status.category, ground: status.code },
    };
  }
  const holding = facts.temporaryStatuses.find(
    (t) =>
      t.category === category &&
      t.revokedOn === null &&
      temporaryStatusLastDay(params, t.uploadedOn) >= today,
  );
  return holding
    ? {
        code: 'KZ_TEMPORARY_STATUS_HOLDS',
        details: { category, until: temporaryStatusLastDay(params, holding.uploadedOn) },
      }
    : null;
}

/**
 * The day a revocation made today takes effect: today, never before the upload day (the table's check;
 * an upload dated after today's clock — another zone's midnight — is revoked from its own day).
 */
export function revokedOnFor(uploadedOn: LocalDate, today: LocalDate): LocalDate {
  return today < uploadedOn ? uploadedOn : today;
}
