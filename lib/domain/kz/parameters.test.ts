import { describe, expect, it } from 'vitest';
import { osmsParameters } from '@/testing/kz/osms';
import { employeeContribution, parseOsmsParameters, yearParameters } from './parameters';

const valid = {
  rules: {
    systemStart: '2020-01',
    historyMonths: 12,
    paidByOthersCarryMonths: 2,
    advanceRuleFrom: '2022-09-05',
    advanceMonths: 12,
    graceMonths: 3,
    extendedGraceMonths: 6,
    extendedGraceAfterContributionMonths: 60,
    temporaryStatusMonths: 1,
  },
  years: [
    {
      year: 2020,
      minimumWage: 42500,
      employeeRatePercent: 1,
      baseCapMinimumWages: 10,
      selfPayerMonthly: 2125,
      source: 'A',
    },
    {
      year: 2021,
      minimumWage: 42500,
      employeeRatePercent: 2,
      baseCapMinimumWages: 10,
      selfPayerMonthly: 2125,
      source: 'B',
    },
  ],
};

describe('ОСМС parameters as data', () => {
  it('reads the committed file: every year from 2020, the rules of issue 14', () => {
    expect(osmsParameters.years.map((y) => y.year)).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    expect(osmsParameters.rules).toEqual(valid.rules);
    // 2023's self-payer contribution is the one the fund states (12 × 3,500 in the issue's example)
    expect(yearParameters(osmsParameters, 2023)?.selfPayerMonthly).toBe(3500);
  });

  it('computes the employee contribution on a wage capped at the year’s multiple of МЗП', () => {
    expect(employeeContribution(osmsParameters, 2024, 2_000_000)).toBe(17_000); // 2 % of 10 × 85,000
    expect(employeeContribution(osmsParameters, 2024, 300_000)).toBe(6_000);
    expect(employeeContribution(osmsParameters, 2026, 2_000_000)).toBe(34_000); // cap 20 МЗП from 2026
    expect(employeeContribution(osmsParameters, 2020, 100_000)).toBe(1_000); // 1 % in 2020
    expect(() => employeeContribution(osmsParameters, 2019, 100_000)).toThrow(RangeError);
  });

  it('carries the last year forward, flagged, and has nothing before ОСМС', () => {
    const p = parseOsmsParameters(valid);
    expect(yearParameters(p, 2021)).toMatchObject({
      year: 2021,
      employeeRatePercent: 2,
      carriedForward: false,
    });
    expect(yearParameters(p, 2023)).toMatchObject({ year: 2021, carriedForward: true });
    expect(yearParameters(p, 2019)).toBeNull();
  });

  it('refuses a file with a gap, a bad amount, a bad month or grace periods the wrong way round, naming each', () => {
    const gap = { ...valid, years: [valid.years[0], { ...valid.years[1]!, year: 2022 }] };
    expect(() => parseOsmsParameters(gap)).toThrow(/years: years are consecutive/);
    const amount = { ...valid, years: [{ ...valid.years[0]!, selfPayerMonthly: -5 }] };
    expect(() => parseOsmsParameters(amount)).toThrow(/years\.0\.selfPayerMonthly/);
    const month = { ...valid, rules: { ...valid.rules, systemStart: '2020-13' } };
    expect(() => parseOsmsParameters(month)).toThrow(/rules\.systemStart/);
    const grace = { ...valid, rules: { ...valid.rules, extendedGraceMonths: 2 } };
    expect(() => parseOsmsParameters(grace)).toThrow(/rules\.extendedGraceMonths/);
    const late = { ...valid, years: [{ ...valid.years[1]! }] };
    expect(() => parseOsmsParameters(late)).toThrow(/start no later than the year ОСМС started/);
    expect(() => parseOsmsParameters({ rules: valid.rules })).toThrow(/years/);
  });
});
