import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db/client';

/**
 * The one rule for "the person under an ИИН" in the Kazakh register: the row with that ИИН, followed
 * through a merge to the surviving record (a duplicate merged into another answers for the survivor). Every
 * door finds a person by ИИН through here: the writes, the status read, the bulk payment writer.
 *
 * `iin` is an SQL expression (a parameter, or a column of an outer statement for a lateral lookup).
 */
export function kzPersonIdOfIin(iin: SQL): SQL {
  return sql`(select coalesce(k.merged_into_id, k.id) from persons k
    where k.iin = ${iin} and k.jurisdiction = 'kz' limit 1)`;
}

/**
 * The register's persons for many ИИН at once (one statement): ИИН → the surviving person's id. With
 * `lock`, the surviving persons' rows are locked for the transaction (the writes by ИИН). Not a use case:
 * the callers check permission and write the access log.
 */
export async function kzPersonIdsByIin(
  db: Executor,
  iins: readonly string[],
  options: { lock?: boolean } = {},
): Promise<Map<string, number>> {
  if (iins.length === 0) return new Map();
  const { rows } = await db.execute<{ iin: string; id: string | number }>(sql`
    select p.iin, s.id from persons p join persons s on s.id = coalesce(p.merged_into_id, p.id)
    where p.jurisdiction = 'kz' and p.iin = any(${sql.param([...new Set(iins)])}::char(12)[])
    order by s.id${options.lock ? sql` for update of s` : sql``}`);
  return new Map(rows.map((r) => [r.iin, Number(r.id)]));
}

/** The id of the Kazakh person under a (checked) ИИН, or null: all a permission check may read first. */
export async function findKzPersonId(
  db: Executor,
  iin: string,
  options: { lock?: boolean } = {},
): Promise<number | null> {
  return (await kzPersonIdsByIin(db, [iin], options)).get(iin) ?? null;
}
