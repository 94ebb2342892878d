import { and, eq, isNull } from 'drizzle-orm';
import { apiKeys, medicalOrganisations } from '@/db/schema';
import { getDb } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { requirePermission } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';
import { forgetVerifiedKey } from './verify-api-key';

/** Revokes a key at once: it is refused from the next request on (the verification cache is cleared). */
export async function revokeApiKey(input: { prefix: string }, actor: Actor): Promise<void> {
  const [row] = await getDb()
    .select({ id: apiKeys.id, subjectCode: medicalOrganisations.subjectCode })
    .from(apiKeys)
    .innerJoin(medicalOrganisations, eq(medicalOrganisations.code, apiKeys.moCode))
    .where(eq(apiKeys.prefix, input.prefix));
  if (!row) throw new AppError('NOT_FOUND');
  requirePermission(actor, 'api_key:manage', { subjectCode: row.subjectCode });
  await getDb()
    .update(apiKeys)
    .set({ revokedAt: new Date(), revokedBy: `${actor.kind}:${actor.id}` })
    .where(and(eq(apiKeys.id, row.id), isNull(apiKeys.revokedAt)));
  forgetVerifiedKey(input.prefix);
}
