import { addDays, type LocalDate } from '@/lib/domain/dates';
import {
  employeeContribution,
  yearParameters,
  type CategoryMembership,
  type OsmsContribution,
  type OsmsFacts,
  type OsmsParameters,
  type TemporaryStatus,
} from '@/lib/domain/kz';
import { addMonths, addMonthsToMonth, firstDayOf, monthOf, type Month } from '@/lib/domain/kz/months';

/**
 * Building blocks of the demo people's facts, dated back from the seeding day (`asOf`), so every demo
 * person has the status their kind says whenever the register is seeded. Payments carry their payer, as
 * the fund's payment records do.
 */
export type DemoContribution = OsmsContribution & { payerId: string; payerName: string | null };

export interface DemoFacts extends Omit<OsmsFacts, 'contributions'> {
  contributions: DemoContribution[];
}

export interface Employer {
  bin: string;
  name: string;
}

export const EMPLOYERS: readonly Employer[] = [
  { bin: '190340012345', name: 'ТОО «Алатау Логистик»' },
  { bin: '080540007788', name: 'АО «Казахстанская энергосеть»' },
  { bin: '150940021314', name: 'ТОО «Степной хлеб»' },
  { bin: '210140030567', name: 'ИП «Садыков Е. М.»' },
];
/** The republican budget's programme for ОСМС contributions of the state-paid categories. */
export const BUDGET_PAYER = { payerId: 'RB-067-100', payerName: 'Республиканский бюджет (МЗ РК)' };
export const LOCAL_BODY_PAYER = { payerId: '020240000111', payerName: 'Акимат г. Алматы' };

/** The month `k` months before the month of `asOf` (0: its own month). */
export const monthBack = (asOf: LocalDate, k: number): Month => addMonthsToMonth(monthOf(asOf), -k);
/** The day `k` months before `asOf` (clamped to the month's end). */
export const dayBack = (asOf: LocalDate, k: number): LocalDate => addMonths(asOf, -k);
const dayOfMonth = (month: Month, day: number): LocalDate => addDays(firstDayOf(month), day - 1);

export function citizenFacts(facts: Partial<DemoFacts> = {}): DemoFacts {
  return {
    residence: { kind: 'citizen' },
    contributions: [],
    memberships: [],
    temporaryStatuses: [],
    ...facts,
  };
}

/**
 * An employer's monthly contributions (2 % of the wage, capped by the year's parameters) for the months
 * from `first` to `last`, each transferred on the 20th of the next month — those transferred by `asOf`.
 */
export function employerPayments(
  params: OsmsParameters,
  employer: Employer,
  wage: number,
  first: Month,
  last: Month,
  asOf: LocalDate,
): DemoContribution[] {
  const out: DemoContribution[] = [];
  for (let month = first; month <= last; month = addMonthsToMonth(month, 1)) {
    const paidOn = dayOfMonth(addMonthsToMonth(month, 1), 20);
    if (paidOn > asOf) break;
    const amount = employeeContribution(params, Number(month.slice(0, 4)), wage);
    out.push({ kind: 'employer', month, paidOn, amount, payerId: employer.bin, payerName: employer.name });
  }
  return out;
}

/** The budget's monthly contributions for a category member or a serviceman, on the 25th of the month. */
export function budgetPayments(
  first: Month,
  last: Month,
  asOf: LocalDate,
  payer = BUDGET_PAYER,
  kind: 'state' | 'local-body' = 'state',
): DemoContribution[] {
  const out: DemoContribution[] = [];
  for (let month = first; month <= last; month = addMonthsToMonth(month, 1)) {
    const paidOn = dayOfMonth(month, 25);
    if (paidOn > asOf) break;
    out.push({ kind, month, paidOn, amount: 2_550, ...payer });
  }
  return out;
}

/** A self-payer's payment for `month` made on `paidOn`, of that year's fixed contribution. */
export function selfPayment(
  params: OsmsParameters,
  iin: string,
  month: Month,
  paidOn: LocalDate,
): DemoContribution {
  const amount = yearParameters(params, Number(month.slice(0, 4)))!.selfPayerMonthly;
  return { kind: 'self', month, paidOn, amount, payerId: iin, payerName: null };
}

/**
 * Self-payments for each month from `first` to `last` (but `skip`), each made on the first day of its
 * month — the day a careful self-payer pays, so a status never lapses in a month's first days.
 */
export function monthlySelfPayments(
  params: OsmsParameters,
  iin: string,
  first: Month,
  last: Month,
  asOf: LocalDate,
  skip: readonly Month[] = [],
): DemoContribution[] {
  const out: DemoContribution[] = [];
  for (let month = first; month <= last; month = addMonthsToMonth(month, 1)) {
    const paidOn = firstDayOf(month);
    if (paidOn > asOf) break;
    if (!skip.includes(month)) out.push(selfPayment(params, iin, month, paidOn));
  }
  return out;
}

export function member(
  category: CategoryMembership['category'],
  from: LocalDate,
  to: LocalDate | null,
  receivedOn?: LocalDate,
): CategoryMembership {
  return { category, from, to, receivedOn: receivedOn ?? from };
}

export function temporary(
  category: TemporaryStatus['category'],
  uploadedOn: LocalDate,
  uploadedBy: TemporaryStatus['uploadedBy'],
): TemporaryStatus {
  return { category, uploadedOn, uploadedBy, revokedOn: null };
}
