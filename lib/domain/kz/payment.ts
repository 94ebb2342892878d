import { compareDates, type LocalDate } from '@/lib/domain/dates';
import { IssueCollector, invalid, valid, type Checked } from '@/lib/domain/result';
import { fieldIssue } from '@/lib/errors';
import { validateIin, type Iin } from './iin';
import { addMonthsToMonth, isMonth, monthOf, type Month } from './months';
import type { OsmsContribution } from './osms-facts';
import type { OsmsParameters } from './parameters';

/** Who paid: an employer, the person themselves, the budget, a local body, or one lump sum for many months. */
export type PayerKind = OsmsContribution['kind'];

/** A payment's data as a feed sends it (a `contribution.paid` event's `data`, shape already checked). */
export interface PaymentData {
  iin: string;
  payer: { kind: PayerKind; id: string; name?: string | null };
  month: string;
  months?: number | null;
  amount: number | string;
  paidOn: string;
  reference: string;
}

/**
 * A payment as the register records it, checked: the one judgement of a `contribution.paid` event's data
 * for the one-event path and the bulk writer alike (lib/kz/contributions/record-contributions.ts,
 * payments-batch.ts).
 */
export interface Payment {
  iin: Iin;
  payerKind: PayerKind;
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

/**
 * Contributions began on 1 July 2017 (employers' deductions under the Law on ОСМС of 16.11.2015), two and a
 * half years before benefits did (`rules.systemStart`, 2020-01): a payment for a month before the status
 * rules start is still a real payment the fund holds, so the earliest month is this and not the parameters'.
 */
const FIRST_MONTH = '2017-07' as Month;
const FIRST_DAY = '2017-07-01' as LocalDate;
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

/**
 * Checks a payment's data; every invalid field is named under `field` (`data.iin`, `data.amount`, …). A
 * month may be paid in advance at most `rules.advanceMonths` ahead of the month the payment is made in.
 */
export function checkPayment(
  params: OsmsParameters,
  data: PaymentData,
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
    (paidOnValid && month > addMonthsToMonth(monthOf(data.paidOn as LocalDate), params.rules.advanceMonths))
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
