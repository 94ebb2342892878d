import type { LocalDate } from '@/lib/domain/dates';

/** An insurer's terms in one region, as the directories (F002) give them. Last days are inclusive. */
export interface InsurerRegionTerms {
  servedFrom: string;
  servedTo: string | null;
  activeFrom: string;
  activeTo: string | null;
}

export interface InsurerService {
  /** The insurer works in the region on that date (active and serving it). */
  serves: boolean;
  /** It serves the region that day but has announced the last day it does. */
  leavingOn: LocalDate | null;
}

const within = (from: string, to: string | null, on: LocalDate) => from <= on && (to === null || on <= to);

/**
 * The rule "the insurer serves the region on that date": the insurer is active (licence) and serves the
 * region that day; `served_to` / `active_to` are inclusive last days. The one place this is decided.
 */
export function insurerServiceOn(terms: InsurerRegionTerms | null, on: LocalDate): InsurerService {
  if (!terms) return { serves: false, leavingOn: null };
  const serves = within(terms.servedFrom, terms.servedTo, on) && within(terms.activeFrom, terms.activeTo, on);
  const ends = [terms.servedTo, terms.activeTo].filter((d): d is string => d !== null).sort();
  return { serves, leavingOn: serves ? ((ends[0] as LocalDate | undefined) ?? null) : null };
}
