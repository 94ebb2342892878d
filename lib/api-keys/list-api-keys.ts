import { asc, desc, eq } from 'drizzle-orm';
import { apiKeys, medicalOrganisations } from '@/db/schema';
import { getDb } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { requirePermission } from '@/lib/auth/permissions';
import { AppError, fieldIssue } from '@/lib/errors';
import { findMedicalOrganisation } from '@/lib/register/directory-queries';

/** What may be shown about a key: never the key, never its hash. */
export interface ApiKeyListing {
  prefix: string;
  label: string | null;
  createdAt: Date;
  createdBy: string;
  revokedAt: Date | null;
  revokedBy: string | null;
}

const LISTING = {
  prefix: apiKeys.prefix,
  label: apiKeys.label,
  createdAt: apiKeys.createdAt,
  createdBy: apiKeys.createdBy,
  revokedAt: apiKeys.revokedAt,
  revokedBy: apiKeys.revokedBy,
};

/** The keys issued to a medical organisation, oldest first, revoked ones included (the audit trail). */
export async function listApiKeys(input: { moCode: string }, actor: Actor): Promise<ApiKeyListing[]> {
  const mo = await findMedicalOrganisation(getDb(), input.moCode);
  if (!mo) throw AppError.validation([fieldIssue('moCode', 'MO_UNKNOWN')]);
  requirePermission(actor, 'api_key:manage', { subjectCode: mo.subjectCode });
  return getDb()
    .select(LISTING)
    .from(apiKeys)
    .where(eq(apiKeys.moCode, mo.code))
    .orderBy(asc(apiKeys.createdAt), asc(apiKeys.id));
}

export interface ScopedApiKeyListing extends ApiKeyListing {
  moCode: string;
  moName: string;
}

/**
 * Every key the actor may manage, newest first: all МО's for the ФФОМС administrator, its region's МО's for
 * a ТФОМС operator; FORBIDDEN for anyone else (before anything is read).
 */
export async function listApiKeysInScope(actor: Actor, limit = 500): Promise<ScopedApiKeyListing[]> {
  const region = actor.kind === 'staff' && actor.role === 'tfoms_operator' ? actor.subjectCode : null;
  requirePermission(actor, 'api_key:manage', region ? { subjectCode: region } : {});
  return getDb()
    .select({ moCode: apiKeys.moCode, moName: medicalOrganisations.nameShort, ...LISTING })
    .from(apiKeys)
    .innerJoin(medicalOrganisations, eq(medicalOrganisations.code, apiKeys.moCode))
    .where(region ? eq(medicalOrganisations.subjectCode, region) : undefined)
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id))
    .limit(limit);
}
