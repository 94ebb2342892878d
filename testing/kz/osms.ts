import { readOsmsParameters } from '@/db/reference/kz/osms-parameters';
import type { LocalDate } from '@/lib/domain/dates';
import type { OsmsCategory } from '@/lib/domain/kz/categories';
import { addMonthsToMonth, firstDayOf, toMonth, type Month } from '@/lib/domain/kz/months';
import type { MonthlyPayerKind, OsmsContribution, OsmsFacts } from '@/lib/domain/kz/osms-facts';

/** The committed parameters file, as the rules read it. */
export const osmsParameters = readOsmsParameters();

export const d = (iso: string): LocalDate => iso as LocalDate;
export const m = (iso: string): Month => toMonth(iso);

/** A citizen with the given facts and nothing else. */
export function citizen(facts: Partial<Omit<OsmsFacts, 'residence'>> = {}): OsmsFacts {
  return {
    residence: { kind: 'citizen' },
    contributions: [],
    memberships: [],
    temporaryStatuses: [],
    ...facts,
  };
}

/** A monthly contribution; by default paid on the month's first day, for the self-payer's 2026 amount. */
export function paid(
  kind: MonthlyPayerKind,
  month: string,
  paidOn?: string,
  amount = 4250,
): OsmsContribution {
  return { kind, month: m(month), paidOn: paidOn ? d(paidOn) : firstDayOf(m(month)), amount };
}

/** `count` separate self-payer payments for the months from `first`, all made on `paidOn`. */
export function advanceBlock(first: string, paidOn: string, count = 12, amount = 4250): OsmsContribution[] {
  return Array.from({ length: count }, (_, i) => ({
    kind: 'self' as const,
    month: addMonthsToMonth(m(first), i),
    paidOn: d(paidOn),
    amount,
  }));
}

export function membership(category: OsmsCategory, from: string, to: string | null, receivedOn = from) {
  return { category, from: d(from), to: to === null ? null : d(to), receivedOn: d(receivedOn) };
}
