import { describe, expect, it } from 'vitest';
import type { LocalDate } from '@/lib/domain/dates';
import { osmsStatusOn, validateIin } from '@/lib/domain/kz';
import { readOsmsParameters } from '@/db/reference/kz/osms-parameters';
import { KZ_DEMO_PEOPLE, kzDemoFacts } from './demo-people';

const params = readOsmsParameters();

/** Seeding days across the year: month ends and starts, a leap day, and today's kind of date. */
const SEEDING_DAYS = [
  '2026-01-01',
  '2026-02-28',
  '2026-03-31',
  '2026-06-19',
  '2026-12-05',
  '2028-02-29',
  '2030-10-01',
];

describe('the Kazakh demo people', () => {
  it('have valid, distinct ИИН that agree with their birth date and sex', () => {
    const iins = KZ_DEMO_PEOPLE.map((p) => p.iin);
    expect(new Set(iins).size).toBe(iins.length);
    for (const p of KZ_DEMO_PEOPLE) {
      const decoded = validateIin(p.iin);
      expect(decoded.ok, p.key).toBe(true);
      if (decoded.ok)
        expect([decoded.value.birthDate, decoded.value.sex]).toEqual([
          p.birthDate,
          p.sex === 'M' ? 'male' : 'female',
        ]);
    }
  });

  it('each has, by the status rule, the kind they are listed as — whenever the register is seeded', () => {
    for (const day of SEEDING_DAYS) {
      const asOf = day as LocalDate;
      for (const p of KZ_DEMO_PEOPLE) {
        const status = osmsStatusOn(params, kzDemoFacts(p.key, asOf, params), asOf);
        expect(status.code, `${p.key} seeded ${day}`).toBe(p.kind);
      }
    }
  });

  it('show every kind the issue asks for, insured and not', () => {
    const kinds = new Set(KZ_DEMO_PEOPLE.map((p) => p.kind));
    for (const k of [
      'EMPLOYER_CONTRIBUTIONS',
      'SELF_CONTRIBUTIONS',
      'STATE_CATEGORY',
      'LOCAL_BODY_CATEGORY',
      'GRACE_AFTER_CATEGORY',
      'ADVANCE_PAYMENTS',
      'LUMP_SUM_NOT_ADVANCE',
      'TEMPORARY_DOCUMENT',
      'NOT_A_PARTICIPANT',
      'DEBT_IN_PAST_MONTHS',
      'NO_CONTRIBUTIONS',
    ] as const)
      expect(kinds, k).toContain(k);
  });

  it('the grace periods are the 3-month one and the 6-month one after five years of contributions', () => {
    const asOf = '2026-12-05' as LocalDate;
    const until = (key: string) => osmsStatusOn(params, kzDemoFacts(key, asOf, params), asOf).until!;
    // left two and four months ago: 3 and 6 months of grace from the day after leaving
    expect(until('grace-3')).toBe('2027-01-05');
    expect(until('grace-6')).toBe('2027-02-05');
  });

  it('the employer pays 2 % of the wage, capped by the year’s base', () => {
    const asOf = '2026-12-05' as LocalDate;
    const amounts = (key: string) =>
      new Set(
        kzDemoFacts(key, asOf, params)
          .contributions.filter((c) => c.kind === 'employer' && 'month' in c && c.month.startsWith('2026'))
          .map((c) => c.amount),
      );
    expect(amounts('employee')).toEqual(new Set([9_000]));
    // 2026: at most 20 minimum wages of 85,000 → 2 % of 1,700,000
    expect(amounts('employee-capped')).toEqual(new Set([34_000]));
  });
});
