import { compareDates, type LocalDate } from '@/lib/domain/dates';
import { validateIin, type Iin } from '@/lib/domain/kz';
import { addMonthsToMonth, isMonth, monthOf, type Month } from '@/lib/domain/kz/months';
import { IssueCollector, invalid, valid, type Checked } from '@/lib/domain/result';
import { fieldIssue } from '@/lib/errors';
import type { ContributionPaid } from '@/lib/kz/feeds/events';

/**
 * A payment as the register records it, checked: the one judgement of a `contribution.paid` event's data
 * for the one-event path and the bulk writer alike (lib/kz/contributions/record-contributions.ts,
 * payments-batch.ts).
 */
export interface Payment {
  iin: Iin;
  payerKind: ContributionPaid['data']['payer']['kind'];
  payerId: string;
  payerName: string | null;
  /** The month covered; for a lump sum, the first of its months. */
  month: Month;
  months: number;
  /** Tenge with two decimals, as numeric text (`3500.00`). */
  amount: string;
  paidOn: LocalDate;
  reference: string;
}

/** Contributions began on 1 July 2017 (employers' deductions under the Law on ОСМС). */
const FIRST_MONTH = '2017-07' as Month;
const FIRST_DAY = '2017-07-01' as LocalDate;
/** An advance payment is for at most 12 months ahead of the month it is paid in. */
const MONTHS_AHEAD = 12;
const MAX_CENTS = 99_999_999_999_99;

/** Tenge as whole tiyn (cents), or null when not a positive amount with at most two decimals. */
function amountInTiyn(amount: number | string): number | null {
  if (typeof amount === 'number') {
    if (!Number.isFinite(amount) || amount <= 0) return null;
    const tiyn = Math.round(amount * 100);
    return Math.abs(tiyn - amount * 100) < 1e-6 && tiyn <= MAX_CENTS ? tiyn : null;
  }
  const m = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(amount);
  if (!m) return null;
  const tiyn = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return tiyn > 0 && tiyn <= MAX_CENTS ? tiyn : null;
}

const tiynText = (tiyn: number) => `${Math.floor(tiyn / 100)}.${String(tiyn % 100).padStart(2, '0')}`;

/** Checks a payment's data; every invalid field is named under `field` (`data.iin`, `data.amount`, …). */
export function checkPayment(
  data: ContributionPaid['data'],
  today: LocalDate,
  field = 'data',
): Checked<Payment> {
  const c = new IssueCollector();
  const decoded = c.take(validateIin(data.iin, `${field}.iin`));
  const paidOnValid = compareDates(data.paidOn as LocalDate, today) <= 0 && data.paidOn >= FIRST_DAY;
  if (!paidOnValid) c.add(fieldIssue(`${field}.paidOn`, 'KZ_PAYMENT_DATE_INVALID'));
  const month = data.month;
  if (
    !isMonth(month) ||
    month < FIRST_MONTH ||
    (paidOnValid && month > addMonthsToMonth(monthOf(data.paidOn as LocalDate), MONTHS_AHEAD))
  ) {
    c.add(fieldIssue(`${field}.month`, 'KZ_CONTRIBUTION_MONTH_INVALID'));
  }
  const lumpSum = data.payer.kind === 'lump-sum';
  const months = data.months ?? 1;
  if (lumpSum ? months < 2 || months > 120 : months !== 1) {
    c.add(fieldIssue(`${field}.months`, 'KZ_LUMP_SUM_MONTHS_INVALID'));
  }
  const tiyn = amountInTiyn(data.amount);
  if (tiyn === null) c.add(fieldIssue(`${field}.amount`, 'KZ_CONTRIBUTION_AMOUNT_INVALID'));
  if (c.issues.length > 0 || !decoded || tiyn === null) return invalid(...c.issues);
  return valid({
    iin: decoded.iin,
    payerKind: data.payer.kind,
    payerId: data.payer.id,
    payerName: data.payer.name ?? null,
    month: month as Month,
    months,
    amount: tiynText(tiyn),
    paidOn: data.paidOn as LocalDate,
    reference: data.reference,
  });
}

/** The facts of a recorded payment that must agree for a second event with its reference to be the same. */
export function samePayment(
  recorded: {
    personId: number;
    payerKind: string;
    payerId: string;
    monthCovered: string;
    months: number;
    amount: string;
    paidOn: string;
  },
  personId: number,
  p: Payment,
): boolean {
  return (
    recorded.personId === personId &&
    recorded.payerKind === p.payerKind &&
    recorded.payerId === p.payerId &&
    recorded.monthCovered === p.month &&
    recorded.months === p.months &&
    recorded.amount === p.amount &&
    recorded.paidOn === p.paidOn
  );
}
