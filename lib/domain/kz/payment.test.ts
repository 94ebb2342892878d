import { describe, expect, it } from 'vitest';
import type { LocalDate } from '@/lib/domain/dates';
import { osmsParameters as params } from '@/testing/kz/osms';
import { syntheticIin } from './iin';
import { checkPayment, samePayment, type PaymentData } from './payment';

const today = '2026-11-25' as LocalDate;
const iin = syntheticIin('1985-02-14' as LocalDate, 'female', 7);
const data = (over: Partial<PaymentData> = {}): PaymentData => ({
  iin,
  payer: { kind: 'employer', id: '190340012345', name: null },
  month: '2026-10',
  amount: 4000,
  paidOn: '2026-11-20',
  reference: 'R-1',
  ...over,
});
const codes = (over: Partial<PaymentData>) => {
  const r = checkPayment(params, data(over), today);
  return r.ok ? [] : r.issues.map((i) => `${i.field}:${i.code}`);
};

describe('checkPayment', () => {
  it('normalises the amount to tenge with two decimals, from a number or a decimal string', () => {
    const amounts = [4000, 3500.5, '3500.5', '17000', 0.3, '0.01'].map((amount) => {
      const r = checkPayment(params, data({ amount }), today);
      return r.ok ? r.value.amount : null;
    });
    expect(amounts).toEqual(['4000.00', '3500.50', '3500.50', '17000.00', '0.30', '0.01']);
  });

  it('refuses a non-positive amount, more than two decimals, or text that is not a number', () => {
    for (const amount of [0, -1, 10.005, '1.234', '1e3', '', ' 5', Number.NaN, Infinity])
      expect(codes({ amount })).toEqual(['data.amount:KZ_CONTRIBUTION_AMOUNT_INVALID']);
  });

  it('takes months from July 2017 to rules.advanceMonths (12) after the month of payment', () => {
    expect(params.rules.advanceMonths).toBe(12);
    expect(codes({ month: '2017-07', paidOn: '2017-08-01' })).toEqual([]);
    expect(codes({ month: '2017-06', paidOn: '2017-08-01' })).toEqual([
      'data.month:KZ_CONTRIBUTION_MONTH_INVALID',
    ]);
    expect(codes({ month: '2027-11' })).toEqual([]);
    expect(codes({ month: '2027-12' })).toEqual(['data.month:KZ_CONTRIBUTION_MONTH_INVALID']);
    expect(codes({ month: '2026-00' })).toEqual(['data.month:KZ_CONTRIBUTION_MONTH_INVALID']);
  });

  it('refuses a payment dated after today or before contributions began', () => {
    expect(codes({ paidOn: '2026-11-26' })).toEqual(['data.paidOn:KZ_PAYMENT_DATE_INVALID']);
    expect(codes({ paidOn: '2017-06-30', month: '2017-07' })).toEqual([
      'data.paidOn:KZ_PAYMENT_DATE_INVALID',
    ]);
    expect(codes({ paidOn: today })).toEqual([]);
  });

  it('asks a lump sum for 2–120 months and a monthly payment for one', () => {
    const lump = { payer: { kind: 'lump-sum' as const, id: iin } };
    expect(codes({ ...lump, months: 12 })).toEqual([]);
    expect(codes({ ...lump })).toEqual(['data.months:KZ_LUMP_SUM_MONTHS_INVALID']);
    expect(codes({ ...lump, months: 121 })).toEqual(['data.months:KZ_LUMP_SUM_MONTHS_INVALID']);
    expect(codes({ months: 1 })).toEqual([]);
    expect(codes({ months: 2 })).toEqual(['data.months:KZ_LUMP_SUM_MONTHS_INVALID']);
  });

  it('names every invalid field at once', () => {
    expect(codes({ iin: '000000000000', month: '2030-01', amount: -5 })).toEqual([
      'data.iin:IIN_INVALID_CENTURY',
      'data.iin:IIN_INVALID_DATE',
      'data.month:KZ_CONTRIBUTION_MONTH_INVALID',
      'data.amount:KZ_CONTRIBUTION_AMOUNT_INVALID',
    ]);
  });

  it('a recorded payment is the same one only when every fact agrees', () => {
    const p = checkPayment(params, data(), today);
    if (!p.ok) throw new Error('valid payment refused');
    const recorded = {
      personId: 5,
      payerKind: 'employer',
      payerId: '190340012345',
      monthCovered: '2026-10',
      months: 1,
      amount: '4000.00',
      paidOn: '2026-11-20',
    };
    expect(samePayment(recorded, 5, p.value)).toBe(true);
    expect(samePayment(recorded, 6, p.value)).toBe(false);
    expect(samePayment({ ...recorded, amount: '4000.01' }, 5, p.value)).toBe(false);
    expect(samePayment({ ...recorded, monthCovered: '2026-09' }, 5, p.value)).toBe(false);
  });
});
