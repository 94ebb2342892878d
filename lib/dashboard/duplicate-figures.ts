import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';

export interface DuplicateFigures {
  /** Candidate pairs found by the duplicate scan, by state; null while the scan's table does not exist. */
  candidates: { open: number; merged: number; notDuplicate: number } | null;
  /** Records merged into another (retired ЕНП redirecting to the survivor). */
  mergedPersons: number;
}

/**
 * The duplicates figure, read live (small counts, indexed). Merged records come from
 * persons.merged_into_id (the register's own column); candidate pairs by state from the duplicate scan's
 * `duplicate_candidates` (issue 13 item 2, migration 0014, built on its own branch) — read only when that
 * table exists, so this figure works before and after the two are merged. In a region: the merged records
 * and the pairs with a person who was covered there.
 */
export async function duplicateFigures(db: Executor, subjectCode: string | null): Promise<DuplicateFigures> {
  const coveredThere = (person: string) =>
    subjectCode == null
      ? sql`true`
      : sql`exists (select 1 from coverages c where c.person_id = ${sql.raw(person)} and c.subject_code = ${subjectCode})`;
  const merged = await db.execute<{ n: number }>(
    sql`select count(*)::int as n from persons p where p.merged_into_id is not null and ${coveredThere('p.id')}`,
  );
  const scan = await db.execute<{ present: boolean }>(
    sql`select to_regclass('duplicate_candidates') is not null as present`,
  );
  let candidates: DuplicateFigures['candidates'] = null;
  if (scan.rows[0]!.present) {
    const r = await db.execute<{ open: number; merged: number; not_duplicate: number }>(sql`
      select count(*) filter (where status = 'open')::int as open,
             count(*) filter (where status = 'merged')::int as merged,
             count(*) filter (where status = 'not_duplicate')::int as not_duplicate
        from duplicate_candidates d
       where ${coveredThere('d.person_a_id')} or ${coveredThere('d.person_b_id')}`);
    const row = r.rows[0]!;
    candidates = { open: row.open, merged: row.merged, notDuplicate: row.not_duplicate };
  }
  return { candidates, mergedPersons: merged.rows[0]!.n };
}
