import { and, desc, eq, isNull } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { feedKeys } from '@/db/schema';
import { recordKeyAction } from '@/lib/api-keys/key-audit';
import { hashApiKey, newApiKey, parseApiKey, sameHash } from '@/lib/api-keys/key-format';
import type { Actor } from '@/lib/auth/actor';
import type { AnyFeedSource } from './events';
import type { StaffActing } from '@/lib/auth/manage-staff';
import { requirePermission } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';

export interface FeedKeyView {
  prefix: string;
  source: AnyFeedSource;
  label: string | null;
  createdAt: Date;
  createdBy: string;
  revokedAt: Date | null;
  revokedBy: string | null;
}

const by = (actor: Actor) => `${actor.kind}:${actor.id}`;

/**
 * Issues a key for one source's system. The key is returned once; only its SHA-256 is stored. From the
 * console, `staff` names the employee, written to the staff audit trail in the same transaction.
 */
export async function createFeedKey(
  input: { source: AnyFeedSource; label?: string | null },
  actor: Actor,
  staff: StaffActing | null = null,
): Promise<{ prefix: string; source: AnyFeedSource; key: string }> {
  requirePermission(actor, 'feed_key:manage');
  const { key, prefix, hash } = newApiKey('feed');
  await getDb().transaction(async (tx) => {
    await tx.insert(feedKeys).values({
      source: input.source,
      prefix,
      secretHash: hash,
      label: input.label ?? null,
      createdBy: by(actor),
    });
    if (staff) await recordKeyAction(tx, staff, 'feed_key_issued', prefix, { source: input.source });
  });
  return { prefix, source: input.source, key };
}

/** Revokes a key: the next request with it is refused (keys are checked against the database each time). */
export async function revokeFeedKey(
  input: { prefix: string },
  actor: Actor,
  staff: StaffActing | null = null,
): Promise<void> {
  requirePermission(actor, 'feed_key:manage');
  const revoked = await getDb().transaction(async (tx) => {
    const [row] = await tx
      .update(feedKeys)
      .set({ revokedAt: new Date(), revokedBy: by(actor) })
      .where(and(eq(feedKeys.prefix, input.prefix), isNull(feedKeys.revokedAt)))
      .returning({ id: feedKeys.id, source: feedKeys.source });
    if (row && staff)
      await recordKeyAction(tx, staff, 'feed_key_revoked', input.prefix, { source: row.source });
    return row;
  });
  if (revoked) return;
  const [known] = await getDb()
    .select({ id: feedKeys.id })
    .from(feedKeys)
    .where(eq(feedKeys.prefix, input.prefix));
  if (!known) throw new AppError('NOT_FOUND', { message: 'Ключа с таким префиксом нет.' });
}

/** The keys (prefixes, never keys or hashes), newest first. */
export async function listFeedKeys(input: { source?: AnyFeedSource }, actor: Actor): Promise<FeedKeyView[]> {
  requirePermission(actor, 'feed_key:manage');
  const rows = await getDb()
    .select()
    .from(feedKeys)
    .where(input.source ? eq(feedKeys.source, input.source) : undefined)
    .orderBy(desc(feedKeys.createdAt), desc(feedKeys.id));
  return rows.map((r) => ({
    prefix: r.prefix,
    source: r.source as AnyFeedSource,
    label: r.label,
    createdAt: r.createdAt,
    createdBy: r.createdBy,
    revokedAt: r.revokedAt,
    revokedBy: r.revokedBy,
  }));
}

/**
 * The feed actor of an `Authorization: Bearer feed_…` header, for the source in the path: a missing,
 * unknown or revoked key → FEED_KEY_INVALID (401); another source's key → FEED_KEY_WRONG_SOURCE (403).
 */
export async function verifyFeedKey(
  authorization: string | undefined,
  source: AnyFeedSource,
): Promise<Extract<Actor, { kind: 'feed' }>> {
  const match = /^Bearer +(\S+)$/i.exec(authorization?.trim() ?? '');
  const parsed = match ? parseApiKey(match[1]!, 'feed') : null;
  if (!parsed) throw new AppError('FEED_KEY_INVALID');
  const [row] = await getDb()
    .select({ source: feedKeys.source, secretHash: feedKeys.secretHash, revokedAt: feedKeys.revokedAt })
    .from(feedKeys)
    .where(eq(feedKeys.prefix, parsed.prefix));
  if (!row || row.revokedAt !== null || !sameHash(row.secretHash, hashApiKey(match![1]!))) {
    throw new AppError('FEED_KEY_INVALID');
  }
  if (row.source !== source) {
    throw new AppError('FEED_KEY_WRONG_SOURCE', {
      message: `Этот ключ выдан источнику ${row.source}: события источника ${source} с ним не принимаются.`,
    });
  }
  return { kind: 'feed', id: parsed.prefix, source };
}
