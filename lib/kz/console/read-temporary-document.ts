import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { kzTemporaryStatuses } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { requirePermission } from '@/lib/auth/permissions';
import { logAccess } from '@/lib/audit/access-log';
import { AppError } from '@/lib/errors';

export interface TemporaryDocument {
  name: string;
  /** `application/pdf`, `image/jpeg` or `image/png` (checked by its bytes on upload). */
  type: string;
  bytes: Buffer;
}

/**
 * The document a temporary status was given on (a scan or a photograph of a category's proof), for the
 * fund's staff only: `person:read` of its person before the bytes are sent, and the download written to
 * the access log (which document, its checksum) — a document is personal data as much as the card. The
 * status must be the person's (the card's address names both): another person's is not found.
 */
export async function readTemporaryDocument(
  actor: Actor,
  { personId, temporaryStatusId }: { personId: number; temporaryStatusId: number },
): Promise<TemporaryDocument> {
  if (actor.kind !== 'staff') throw new AppError('FORBIDDEN', { details: { permission: 'person:read' } });
  requirePermission(actor, 'person:read', { personId });
  if (![personId, temporaryStatusId].every((n) => Number.isSafeInteger(n) && n > 0))
    throw new AppError('KZ_TEMPORARY_STATUS_NOT_FOUND');
  const [row] = await getDb()
    .select({
      name: kzTemporaryStatuses.documentName,
      type: kzTemporaryStatuses.documentType,
      sha256: kzTemporaryStatuses.documentSha256,
      bytes: kzTemporaryStatuses.document,
    })
    .from(kzTemporaryStatuses)
    .where(and(eq(kzTemporaryStatuses.id, temporaryStatusId), eq(kzTemporaryStatuses.personId, personId)));
  if (!row) throw new AppError('KZ_TEMPORARY_STATUS_NOT_FOUND');
  await logAccess({
    actor,
    channel: 'console',
    personId,
    purpose: 'temporary_status_document',
    result: 'found',
    details: JSON.stringify({ temporaryStatusId, document: row.name, sha256: row.sha256 }),
  });
  return { name: row.name, type: row.type, bytes: row.bytes };
}
