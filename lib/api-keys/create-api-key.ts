import { apiKeys } from '@/db/schema';
import { getDb } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { requirePermission } from '@/lib/auth/permissions';
import { moscowDate } from '@/lib/domain/dates';
import { AppError, fieldIssue } from '@/lib/errors';
import { findMedicalOrganisation } from '@/lib/register/directory-queries';
import { newApiKey } from './key-format';
import { moActiveOn } from './mo-activity';

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
  // Such a key would be refused on every request (verifyApiKey): better to say so now.
  if (!moActiveOn(mo, moscowDate(new Date()))) {
    throw AppError.validation([
      fieldIssue('moCode', 'MO_UNKNOWN', 'Медицинская организация не работает: ключ API ей не выдаётся.'),
    ]);
  }
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
