import { apiKeys } from '@/db/schema';
import { getDb } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { requirePermission } from '@/lib/auth/permissions';
import { moscowDate } from '@/lib/domain/dates';
import { AppError, fieldIssue } from '@/lib/errors';
import { findMedicalOrganisation } from '@/lib/register/directory-queries';
import type { StaffActing } from '@/lib/auth/manage-staff';
import { newApiKey } from './key-format';
import { recordKeyAction } from './key-audit';
import { moActiveOn } from './mo-activity';

export interface CreatedApiKey {
  id: number;
  moCode: string;
  prefix: string;
  /** Shown once; only its hash is stored. */
  key: string;
}

/**
 * Issues an API key for a medical organisation's information system. From the console, `by` names the
 * employee, and the issue is written to the staff audit trail in the same transaction.
 */
export async function createApiKey(
  input: { moCode: string; label?: string | null },
  actor: Actor,
  by: StaffActing | null = null,
): Promise<CreatedApiKey> {
  const mo = await findMedicalOrganisation(getDb(), input.moCode);
  if (!mo) throw AppError.validation([fieldIssue('moCode', 'MO_UNKNOWN')]);
  requirePermission(actor, 'api_key:manage', { subjectCode: mo.subjectCode });
  // Such a key would be refused on every request (verifyApiKey): better to say so now.
  if (!moActiveOn(mo, moscowDate(new Date()))) {
    throw AppError.validation([
      fieldIssue('moCode', 'MO_UNKNOWN', 'Медицинская организация не работает: ключ API ей не выдаётся.'),
    ]);
  }
  const { key, prefix, hash } = newApiKey();
  const id = await getDb().transaction(async (tx) => {
    const [row] = await tx
      .insert(apiKeys)
      .values({
        moCode: mo.code,
        prefix,
        secretHash: hash,
        label: input.label ?? null,
        createdBy: `${actor.kind}:${actor.id}`,
      })
      .returning({ id: apiKeys.id });
    if (by) await recordKeyAction(tx, by, 'api_key_issued', prefix, { moCode: mo.code });
    return row!.id;
  });
  return { id, moCode: mo.code, prefix, key };
}
