import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { persons } from '@/db/schema';

/**
 * The register's persons for many ИИН at once (one statement): ИИН → person id, following a merge to the
 * surviving record. The feeds' one-event path asks for one, the bulk writer for a whole batch, by the same
 * query.
 */
export async function kzPersonIdsByIin(db: Executor, iins: readonly string[]): Promise<Map<string, number>> {
  if (iins.length === 0) return new Map();
  const rows = await db
    .select({
      iin: persons.iin,
      id: sql<number>`coalesce(${persons.mergedIntoId}, ${persons.id})`.mapWith(Number),
    })
    .from(persons)
    .where(
      and(
        eq(persons.jurisdiction, 'kz'),
        sql`${persons.iin} = any(${sql.param([...new Set(iins)])}::char(12)[])`,
      ),
    );
  return new Map(rows.map((r) => [r.iin!, r.id]));
}
