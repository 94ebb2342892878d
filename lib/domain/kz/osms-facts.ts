import type { LocalDate } from '../dates';
import type { OsmsCategory } from './categories';
import type { Month } from './months';

/** Who paid a monthly contribution for the person. */
export type MonthlyPayerKind = 'employer' | 'self' | 'state' | 'local-body';

/**
 * One payment to the fund for the person. A monthly contribution is for one month (`month`), whoever pays
 * it; a self-payer's payment for a month not yet ended is an advance payment. A `lump-sum` is ONE payment
 * meant for several months: the fund does not split it, so it is no month's contribution and never grants
 * status (the 12-months-ahead mechanism needs a separate payment per month).
 */
export type OsmsContribution =
  | { kind: MonthlyPayerKind; month: Month; paidOn: LocalDate; amount: number }
  | { kind: 'lump-sum'; firstMonth: Month; months: number; paidOn: LocalDate; amount: number };

/** Membership in a category the state or a local body pays for; `receivedOn` — when its data arrived. */
export interface CategoryMembership {
  category: OsmsCategory;
  from: LocalDate;
  /** The last day in the category; null while it lasts. */
  to: LocalDate | null;
  receivedOn: LocalDate;
}

/** The one-month status given when a document proving a category is uploaded. */
export interface TemporaryStatus {
  category: OsmsCategory;
  uploadedOn: LocalDate;
  uploadedBy: 'clinic' | 'person';
  /** The day an operator revoked it (it no longer holds from that day), or null. */
  revokedOn: LocalDate | null;
}

/**
 * Citizens (and кандасы, who reside permanently) take part in ОСМС; foreigners and stateless persons take
 * part while they reside permanently, or temporarily under an international treaty (the EAEU workers and
 * their families).
 */
export type OsmsResidence =
  | { kind: 'citizen' }
  | {
      kind: 'foreign';
      permits: readonly { basis: 'permanent' | 'treaty'; from: LocalDate; to: LocalDate | null }[];
    };

/** Everything the status of one person is derived from. */
export interface OsmsFacts {
  residence: OsmsResidence;
  contributions: readonly OsmsContribution[];
  memberships: readonly CategoryMembership[];
  temporaryStatuses: readonly TemporaryStatus[];
}
