import { z } from 'zod';
import { parseDate, type LocalDate } from '../dates';
import { isMonth, type Month } from './months';

/**
 * ОСМС parameters — the year's minimum wage, rates, the self-payer's contribution and the periods of
 * the status rules — are data (db/reference/kz/osms-parameters.json, sources in its README), checked
 * here when read: a mistake in the file stops loading rather than giving a wrong status.
 */

const tenge = z.number().int().positive();
const months = z.number().int().positive().max(120);

const yearSchema = z.object({
  year: z.number().int().min(2020).max(2200),
  minimumWage: tenge,
  employeeRatePercent: z.number().positive().max(100),
  baseCapMinimumWages: z.number().int().positive(),
  selfPayerMonthly: tenge,
  source: z.string().trim().min(1),
});

const rulesSchema = z
  .object({
    systemStart: z.string().refine(isMonth, 'a month YYYY-MM'),
    historyMonths: months,
    paidByOthersCarryMonths: months,
    advanceRuleFrom: z.string().refine((s) => parseDate('advanceRuleFrom', s).ok, 'a date YYYY-MM-DD'),
    advanceMonths: months,
    graceMonths: months,
    extendedGraceMonths: months,
    extendedGraceAfterContributionMonths: months,
    temporaryStatusMonths: months,
  })
  .refine((r) => r.extendedGraceMonths >= r.graceMonths, {
    message: 'the extended grace period is never shorter than the ordinary one',
    path: ['extendedGraceMonths'],
  });

const fileSchema = z
  .object({
    notes: z.string().optional(),
    rules: rulesSchema,
    years: z
      .array(yearSchema)
      .min(1)
      .refine((ys) => ys.every((y, i) => i === 0 || y.year === ys[i - 1]!.year + 1), {
        message: 'years are consecutive and in order, without gaps or repeats',
      }),
  })
  .refine((f) => (f.years[0]?.year ?? Infinity) <= Number(f.rules.systemStart.slice(0, 4)), {
    message: 'the years start no later than the year ОСМС started',
    path: ['years'],
  });

export interface OsmsRules {
  systemStart: Month;
  historyMonths: number;
  paidByOthersCarryMonths: number;
  advanceRuleFrom: LocalDate;
  advanceMonths: number;
  graceMonths: number;
  extendedGraceMonths: number;
  extendedGraceAfterContributionMonths: number;
  temporaryStatusMonths: number;
}

export type OsmsYear = z.infer<typeof yearSchema>;

export interface OsmsParameters {
  rules: OsmsRules;
  /** Consecutive years, oldest first. */
  years: readonly OsmsYear[];
}

/** Checks the parsed JSON of the parameters file; throws naming every wrong field. */
export function parseOsmsParameters(raw: unknown): OsmsParameters {
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`);
    throw new Error(`ОСМС parameters are invalid — ${where.join('; ')}`);
  }
  const { rules, years } = parsed.data;
  return {
    rules: {
      ...rules,
      advanceRuleFrom: rules.advanceRuleFrom as LocalDate,
    },
    years,
  };
}

/** The file's line for a year: the year's own, the last one for a later year, none before the first. */
export function yearLine(params: OsmsParameters, year: number): OsmsYear | null {
  const first = params.years[0]!.year;
  if (year < first) return null;
  return params.years[Math.min(year - first, params.years.length - 1)]!;
}

/**
 * The figures in force in a year. A year after the last line carries the last line's figures forward
 * (`carriedForward`), so a status on 1 January is not refused while the new budget law is not yet in the
 * file; a year before ОСМС existed has none.
 */
export function yearParameters(
  params: OsmsParameters,
  year: number,
): (OsmsYear & { carriedForward: boolean }) | null {
  const line = yearLine(params, year);
  return line && { ...line, carriedForward: line.year !== year };
}

/** The employee's monthly contribution the employer withholds from a wage (whole tenge, rounded). */
export function employeeContribution(params: OsmsParameters, year: number, monthlyWage: number): number {
  const y = yearParameters(params, year);
  if (!y) throw new RangeError(`No ОСМС contributions before ${params.years[0]!.year}`);
  if (!(monthlyWage >= 0)) throw new RangeError(`Bad wage ${monthlyWage}`);
  const base = Math.min(monthlyWage, y.baseCapMinimumWages * y.minimumWage);
  return Math.round((base * y.employeeRatePercent) / 100);
}
