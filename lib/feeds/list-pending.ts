import { and, asc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { feedEvents } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import type { AnyFeedSource } from './events';
import { requirePermission } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';

export interface PendingEventView {
  source: AnyFeedSource;
  eventId: string;
  type: string;
  occurredAt: Date;
  receivedAt: Date;
  reasonCode: string;
  reason: string;
  attempts: number;
}

/**
 * The events kept pending (waiting for their person or an earlier event), oldest first, for operators and
 * for the source's own system (its key sees its own source only).
 */
export async function listPendingEvents(
  input: { source?: AnyFeedSource; limit?: number },
  actor: Actor,
): Promise<PendingEventView[]> {
  if (actor.kind === 'feed') {
    if (input.source !== actor.source) throw new AppError('FEED_KEY_WRONG_SOURCE');
  } else requirePermission(actor, 'feed:read');
  const limit = Math.min(Math.max(Math.trunc(input.limit ?? 500), 1), 5000);
  const rows = await getDb()
    .select()
    .from(feedEvents)
    .where(
      and(eq(feedEvents.status, 'pending'), input.source ? eq(feedEvents.source, input.source) : undefined),
    )
    .orderBy(asc(feedEvents.receivedAt), asc(feedEvents.eventId))
    .limit(limit);
  return rows.map((r) => ({
    source: r.source as AnyFeedSource,
    eventId: r.eventId,
    type: r.type,
    occurredAt: r.occurredAt,
    receivedAt: r.receivedAt,
    reasonCode: r.reasonCode ?? '',
    reason: (r.reason as { message?: string } | null)?.message ?? '',
    attempts: r.attempts,
  }));
}
