import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';

export interface DuplicateFigures {
  /** Candidate pairs found by the duplicate scan, by state; null until the scan's table exists. */
  candidates: { open: number; merged: number; notDuplicate: number } | null;
  /** Records merged into another (retired ЕНП redirecting to the survivor). */
  mergedPersons: number;
}

/**
 * The duplicates figure. Merged records are counted from persons.merged_into_id (the register's own
 * column); the candidate counts belong to the duplicate scan (issue 13, item 2), built in parallel: this is
 * the one function its table plugs into (a grouped count of its candidates by state, in the same scope).
 * In a region: the merged records that were covered there.
 */
export async function duplicateFigures(db: Executor, subjectCode: string | null): Promise<DuplicateFigures> {
  const regionFilter =
    subjectCode == null
      ? sql``
      : sql`and exists (select 1 from coverages c where c.person_id = p.id and c.subject_code = ${subjectCode})`;
  const merged = await db.execute<{ n: number }>(
    sql`select count(*)::int as n from persons p where p.merged_into_id is not null ${regionFilter}`,
  );
  return { candidates: null, mergedPersons: merged.rows[0]!.n };
}
