import { and, desc, eq, gt, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { coverages } from '@/db/schema';
import type { CoveragePeriod, CoverageReason } from '@/lib/domain/ru/coverage';
import type { LocalDate } from '@/lib/domain/dates';

export type CoverageRow = typeof coverages.$inferSelect;

export function toPeriod(row: CoverageRow): CoveragePeriod {
  return {
    insurerCode: row.insurerCode,
    subjectCode: row.subjectCode,
    status: row.status,
    reason: row.reason as CoverageReason,
    validFrom: row.validFrom as LocalDate,
    validTo: row.validTo as LocalDate | null,
  };
}

/**
 * The rows the register believes now, or believed at the instant `knownAt` (record time): the one place
 * the bitemporal "as known at" condition is written.
 */
function believed(knownAt?: Date): SQL {
  return knownAt
    ? and(
        lte(coverages.recordedFrom, knownAt),
        or(isNull(coverages.recordedTo), gt(coverages.recordedTo, knownAt)),
      )!
    : isNull(coverages.recordedTo);
}

/** The person's most recent currently-believed period (the one a new change follows). */
export async function latestCoverage(db: Executor, personId: number): Promise<CoverageRow | null> {
  const [row] = await db
    .select()
    .from(coverages)
    .where(and(eq(coverages.personId, personId), isNull(coverages.recordedTo)))
    .orderBy(desc(coverages.validFrom))
    .limit(1);
  return row ?? null;
}

/**
 * Coverage on date D — as the register believes now, or, with `knownAt`, as it believed at that instant
 * (before later corrections). Answered from the bitemporal history, not from a "current" flag.
 */
export async function coverageOnDate(
  db: Executor,
  personId: number,
  on: LocalDate,
  knownAt?: Date,
): Promise<CoverageRow | null> {
  const [row] = await db
    .select()
    .from(coverages)
    .where(
      and(
        eq(coverages.personId, personId),
        believed(knownAt),
        sql`daterange(${coverages.validFrom}, ${coverages.validTo}, '[)') @> ${on}::date`,
      ),
    )
    .limit(1);
  return row ?? null;
}

/** The person's whole timeline as believed now (or at `knownAt`, before later corrections), oldest first. */
export async function coverageTimeline(
  db: Executor,
  personId: number,
  knownAt?: Date,
): Promise<CoverageRow[]> {
  return db
    .select()
    .from(coverages)
    .where(and(eq(coverages.personId, personId), believed(knownAt)))
    .orderBy(coverages.validFrom);
}
