import { and, eq, isNull } from 'drizzle-orm';
import { apiKeys, medicalOrganisations } from '@/db/schema';
import { getDb } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { requirePermission } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';
import type { StaffActing } from '@/lib/auth/manage-staff';
import { recordKeyAction } from './key-audit';
import { forgetVerifiedKey } from './verify-api-key';

/**
 * Revokes a key at once: it is refused from the next request on (the verification cache is cleared). From
 * the console, `by` names the employee (the staff audit trail, same transaction).
 */
export async function revokeApiKey(
  input: { prefix: string },
  actor: Actor,
  by: StaffActing | null = null,
): Promise<void> {
  const [row] = await getDb()
    .select({ id: apiKeys.id, moCode: apiKeys.moCode, subjectCode: medicalOrganisations.subjectCode })
    .from(apiKeys)
    .innerJoin(medicalOrganisations, eq(medicalOrganisations.code, apiKeys.moCode))
    .where(eq(apiKeys.prefix, input.prefix));
  if (!row) throw new AppError('NOT_FOUND');
  requirePermission(actor, 'api_key:manage', { subjectCode: row.subjectCode });
  await getDb().transaction(async (tx) => {
    const revoked = await tx
      .update(apiKeys)
      .set({ revokedAt: new Date(), revokedBy: `${actor.kind}:${actor.id}` })
      .where(and(eq(apiKeys.id, row.id), isNull(apiKeys.revokedAt)))
      .returning({ id: apiKeys.id });
    if (by && revoked.length)
      await recordKeyAction(tx, by, 'api_key_revoked', input.prefix, { moCode: row.moCode });
  });
  forgetVerifiedKey(input.prefix);
}
