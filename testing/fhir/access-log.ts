import { asc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { accessLog } from '@/db/schema';

/**
 * The access-log rows the FHIR channel wrote, oldest first — for tests of the HTTP layer, which may not
 * read the database itself (routes never talk SQL).
 */
export async function fhirAccessLog(): Promise<(typeof accessLog.$inferSelect)[]> {
  return getDb().select().from(accessLog).where(eq(accessLog.channel, 'fhir')).orderBy(asc(accessLog.id));
}
