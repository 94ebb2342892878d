import { apiKeys } from '@/db/schema';
import { getDb } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { requirePermission } from '@/lib/auth/permissions';
import { AppError, fieldIssue } from '@/lib/errors';
import { findMedicalOrganisation } from '@/lib/register/directory-queries';
import { newApiKey } from './key-format';

export interface CreatedApiKey {
  id: number;
  moCode: string;
  prefix: string;
  /** Shown once; only its hash is stored. */
  key: string;
}

/** Issues an API key for a medical organisation's information system. */
export async function createApiKey(
  input: { moCode: string; label?: string | null },
  actor: Actor,
): Promise<CreatedApiKey> {
  const mo = await findMedicalOrganisation(getDb(), input.moCode);
  if (!mo) throw AppError.validation([fieldIssue('moCode', 'MO_UNKNOWN')]);
  requirePermission(actor, 'api_key:manage', { subjectCode: mo.subjectCode });
  const { key, prefix, hash } = newApiKey();
  const [row] = await getDb()
    .insert(apiKeys)
    .values({
      moCode: mo.code,
      prefix,
      secretHash: hash,
      label: input.label ?? null,
      createdBy: `${actor.kind}:${actor.id}`,
    })
    .returning({ id: apiKeys.id });
  return { id: row!.id, moCode: mo.code, prefix, key };
}
