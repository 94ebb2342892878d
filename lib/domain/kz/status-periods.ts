import { addDays, yearOf, type LocalDate } from '../dates';
import { categoryPayer, type OsmsCategory } from './categories';
import type { MonthlyPayerKind, OsmsContribution, OsmsFacts } from './osms-facts';
import {
  addMonths,
  addMonthsToMonth,
  firstDayOf,
  lastDayOf,
  monthOf,
  monthFromNumber,
  monthNumber,
  monthRange,
  monthsFrom,
  type Month,
} from './months';
import { yearLine, type OsmsParameters } from './parameters';

/** The grounds a period of status rests on, strongest first (the order a status picks among them). */
export const INSURED_GROUNDS = [
  'STATE_CATEGORY',
  'LOCAL_BODY_CATEGORY',
  'EMPLOYER_CONTRIBUTIONS',
  'BUDGET_CONTRIBUTIONS',
  'SELF_CONTRIBUTIONS',
  'ADVANCE_PAYMENTS',
  'GRACE_AFTER_CATEGORY',
  'TEMPORARY_DOCUMENT',
] as const;
export type PeriodGround = (typeof INSURED_GROUNDS)[number];

/** A run of days with status on one ground; `to` null — open-ended (a category that lasts). */
export interface StatusPeriod {
  ground: PeriodGround;
  from: LocalDate;
  to: LocalDate | null;
  category: OsmsCategory | null;
}

/** The facts as they stood on a day: payments made, category data arrived, revocations done by then. */
export function factsKnownOn(facts: OsmsFacts, on: LocalDate): OsmsFacts {
  return {
    residence: facts.residence,
    contributions: facts.contributions.filter((c) => c.paidOn <= on),
    memberships: facts.memberships.filter((m) => m.receivedOn <= on),
    temporaryStatuses: facts.temporaryStatuses
      .filter((t) => t.uploadedOn <= on)
      .map((t) => (t.revokedOn !== null && t.revokedOn > on ? { ...t, revokedOn: null } : t)),
  };
}

type MonthlyContribution = Extract<OsmsContribution, { kind: MonthlyPayerKind }>;

function isMonthly(c: OsmsContribution): c is MonthlyContribution {
  return c.kind !== 'lump-sum';
}

/**
 * Whether a monthly payment counts as the month's contribution. A self-payer's must reach the fixed
 * contribution — of the month's year, or of the year it was paid in when that is lower (an advance paid
 * in December at December's rate covers January); others are a share of a wage or a budget transfer and
 * count when positive.
 */
export function countsAsContribution(params: OsmsParameters, c: MonthlyContribution): boolean {
  if (c.amount <= 0 || c.month < params.rules.systemStart) return false;
  if (c.kind !== 'self') return true;
  const forMonth = yearLine(params, Number(c.month.slice(0, 4)));
  const whenPaid = yearLine(params, yearOf(c.paidOn));
  const due = Math.min(forMonth!.selfPayerMonthly, whenPaid?.selfPayerMonthly ?? Infinity);
  return c.amount >= due;
}

/** The months a contribution was made for (each counting payment, any payer). */
export function contributedMonths(params: OsmsParameters, facts: OsmsFacts): Set<Month> {
  const months = new Set<Month>();
  for (const c of facts.contributions)
    if (isMonthly(c) && countsAsContribution(params, c)) months.add(c.month);
  return months;
}

function overlapsMonth(from: LocalDate, to: LocalDate | null, month: Month): boolean {
  return monthOf(from) <= month && (to === null || monthOf(to) >= month);
}

/**
 * Whether the person owed nothing for a month: before ОСМС, paid for, in a category or its grace period
 * (the state or a local body paid, or the right was kept), or not taking part (a foreigner without
 * residence). Remembered per month: every self-payer's month asks about the same months before it.
 */
function debtFreeMonths(
  params: OsmsParameters,
  facts: OsmsFacts,
  paid: Set<Month>,
): (month: Month) => boolean {
  const categories = categoryPeriods(params, facts, paid);
  const known = new Map<Month, boolean>();
  return (month) => {
    let free = known.get(month);
    if (free === undefined) {
      free =
        month < params.rules.systemStart ||
        paid.has(month) ||
        categories.some((p) => overlapsMonth(p.from, p.to, month)) ||
        (facts.residence.kind === 'foreign' &&
          !facts.residence.permits.some((p) => overlapsMonth(p.from, p.to, month)));
      known.set(month, free);
    }
    return free;
  };
}

function historyBefore(params: OsmsParameters, month: Month): Month[] {
  return monthRange(addMonthsToMonth(month, -params.rules.historyMonths), addMonthsToMonth(month, -1));
}

/** The months among the `historyMonths` before `month` that carry a debt, oldest first. */
export function debtMonthsBefore(params: OsmsParameters, facts: OsmsFacts, month: Month): Month[] {
  const free = debtFreeMonths(params, facts, contributedMonths(params, facts));
  return historyBefore(params, month).filter((m) => !free(m));
}

/** How many months in a row, ending with `last`, have a contribution. */
function contributionRun(paid: Set<Month>, last: Month): number {
  let n = 0;
  while (paid.has(addMonthsToMonth(last, -n))) n++;
  return n;
}

/**
 * The grace period after leaving a category: the ordinary one, or the extended one when contributions
 * were paid for more than the threshold (5 years) in a row up to leaving (ending in the month of leaving,
 * or the month before when the last month's contribution is not there).
 */
export function graceMonthsAfter(
  params: OsmsParameters,
  facts: OsmsFacts,
  leftOn: LocalDate,
  paid = contributedMonths(params, facts),
): number {
  const month = monthOf(leftOn);
  const run = Math.max(contributionRun(paid, month), contributionRun(paid, addMonthsToMonth(month, -1)));
  const { graceMonths, extendedGraceMonths, extendedGraceAfterContributionMonths } = params.rules;
  return run > extendedGraceAfterContributionMonths ? extendedGraceMonths : graceMonths;
}

function categoryPeriods(params: OsmsParameters, facts: OsmsFacts, paid: Set<Month>): StatusPeriod[] {
  return facts.memberships.flatMap((m): StatusPeriod[] => {
    const ground = categoryPayer(m.category) === 'state' ? 'STATE_CATEGORY' : 'LOCAL_BODY_CATEGORY';
    const own: StatusPeriod = { ground, from: m.from, to: m.to, category: m.category };
    if (m.to === null) return [own];
    const grace = graceMonthsAfter(params, facts, m.to, paid);
    return [
      own,
      {
        ground: 'GRACE_AFTER_CATEGORY',
        from: addDays(m.to, 1),
        to: addMonths(m.to, grace),
        category: m.category,
      },
    ];
  });
}

/**
 * An employer's (or the budget's) contribution for a month keeps the right for `paidByOthersCarryMonths`
 * months after it: the contribution for a month is due by the 25th of the next one, so the status lasts
 * until the next contribution is overdue and a person in work never falls out between two transfers.
 * The status starts when the money arrives, never before the month.
 */
function paidByOthersPeriods(params: OsmsParameters, facts: OsmsFacts): StatusPeriod[] {
  return facts.contributions.flatMap((c): StatusPeriod[] => {
    if (!isMonthly(c) || c.kind === 'self' || !countsAsContribution(params, c)) return [];
    const from = c.paidOn > firstDayOf(c.month) ? c.paidOn : firstDayOf(c.month);
    const to = lastDayOf(addMonthsToMonth(c.month, params.rules.paidByOthersCarryMonths));
    if (from > to) return [];
    const ground = c.kind === 'employer' ? 'EMPLOYER_CONTRIBUTIONS' : 'BUDGET_CONTRIBUTIONS';
    return [{ ground, from, to, category: null }];
  });
}

/** A self-payer's contribution gives its month when the months before it carry no debt. */
function selfPeriods(params: OsmsParameters, facts: OsmsFacts, paid: Set<Month>): StatusPeriod[] {
  const own = facts.contributions.filter(
    (c): c is MonthlyContribution => isMonthly(c) && c.kind === 'self' && countsAsContribution(params, c),
  );
  if (own.length === 0) return [];
  // debts[i]: how many months owed from `first` up to and including month number first + i - 1
  const history = params.rules.historyMonths;
  const numbers = own.map((c) => monthNumber(c.month));
  const first = Math.min(...numbers) - history;
  const free = debtFreeMonths(params, facts, paid);
  const debts = [0];
  for (let n = first; n < Math.max(...numbers); n++)
    debts.push(debts.at(-1)! + (free(monthFromNumber(n)) ? 0 : 1));
  return own.flatMap((c, i): StatusPeriod[] => {
    const from = c.paidOn > firstDayOf(c.month) ? c.paidOn : firstDayOf(c.month);
    const end = numbers[i]! - first;
    if (monthOf(from) > c.month || debts[end]! - debts[end - history]! > 0) return [];
    return [{ ground: 'SELF_CONTRIBUTIONS', from, to: lastDayOf(c.month), category: null }];
  });
}

/**
 * The 12-months-ahead mechanism (from 05.09.2022): a block of consecutive months each paid by a separate
 * self-payer's payment — made on or after the mechanism's start, and no later than the month it is for —
 * insures exactly those months, from the day the block is complete, whatever was owed before.
 */
function advancePeriods(params: OsmsParameters, facts: OsmsFacts): StatusPeriod[] {
  const earliest = new Map<Month, LocalDate>();
  for (const c of facts.contributions) {
    if (!isMonthly(c) || c.kind !== 'self' || !countsAsContribution(params, c)) continue;
    if (c.paidOn < params.rules.advanceRuleFrom || monthOf(c.paidOn) > c.month) continue;
    const known = earliest.get(c.month);
    if (known === undefined || c.paidOn < known) earliest.set(c.month, c.paidOn);
  }
  const months = [...earliest.keys()].sort();
  const size = params.rules.advanceMonths;
  const periods: StatusPeriod[] = [];
  for (let i = 0; i + size <= months.length; i++) {
    const first = months[i]!;
    const last = months[i + size - 1]!;
    // distinct sorted months: the block is consecutive exactly when it spans size months
    if (monthsFrom(first, last) !== size - 1) continue;
    let complete = earliest.get(first)!;
    for (let j = i + 1; j < i + size; j++) {
      const paidOn = earliest.get(months[j]!)!;
      if (paidOn > complete) complete = paidOn;
    }
    const from = complete > firstDayOf(first) ? complete : firstDayOf(first);
    periods.push({ ground: 'ADVANCE_PAYMENTS', from, to: lastDayOf(last), category: null });
  }
  return periods;
}

/**
 * The last day of a temporary status uploaded on `uploadedOn` when nothing cuts it short: one month
 * (`temporaryStatusMonths`) from the upload, i.e. the day before the same date a month later (end-of-month
 * clamped). The upload's use case and its notification say this day; the status derivation uses it too.
 */
export function temporaryStatusLastDay(params: OsmsParameters, uploadedOn: LocalDate): LocalDate {
  return addDays(addMonths(uploadedOn, params.rules.temporaryStatusMonths), -1);
}

/** One month from the upload (see temporaryStatusLastDay), cut by a revocation. */
function temporaryPeriods(params: OsmsParameters, facts: OsmsFacts): StatusPeriod[] {
  return facts.temporaryStatuses.flatMap((t): StatusPeriod[] => {
    const end = temporaryStatusLastDay(params, t.uploadedOn);
    const to = t.revokedOn !== null && t.revokedOn <= end ? addDays(t.revokedOn, -1) : end;
    return to < t.uploadedOn
      ? []
      : [{ ground: 'TEMPORARY_DOCUMENT', from: t.uploadedOn, to, category: t.category }];
  });
}

/** Every period of status the facts give (take `factsKnownOn` first for the facts of a given day). */
export function statusPeriods(params: OsmsParameters, facts: OsmsFacts): StatusPeriod[] {
  const paid = contributedMonths(params, facts);
  return [
    ...categoryPeriods(params, facts, paid),
    ...paidByOthersPeriods(params, facts),
    ...advancePeriods(params, facts),
    ...selfPeriods(params, facts, paid),
    ...temporaryPeriods(params, facts),
  ];
}
