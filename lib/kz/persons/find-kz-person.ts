import { and, eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { persons } from '@/db/schema';

/** A person of the Kazakh register: the common person row, whose key is the ИИН (never null here). */
export type KzPersonRow = typeof persons.$inferSelect & { iin: string };

/**
 * The person the register knows under an ИИН (already checked by `validateIin`), or null. Not a use case:
 * the callers check permission and write the access log (readOsmsStatus, the writes by ИИН).
 */
export async function findKzPersonByIin(db: Executor, iin: string): Promise<KzPersonRow | null> {
  const [row] = await db
    .select()
    .from(persons)
    .where(and(eq(persons.iin, iin), eq(persons.jurisdiction, 'kz')))
    .limit(1);
  return row ? (row as KzPersonRow) : null;
}

/** The id of the Kazakh person under a (checked) ИИН, or null: all a permission check may read first. */
export async function findKzPersonId(db: Executor, iin: string): Promise<number | null> {
  const [row] = await db
    .select({ id: persons.id })
    .from(persons)
    .where(and(eq(persons.iin, iin), eq(persons.jurisdiction, 'kz')))
    .limit(1);
  return row?.id ?? null;
}
