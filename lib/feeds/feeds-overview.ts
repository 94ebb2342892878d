import { getDb } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { requirePermission } from '@/lib/auth/permissions';
import { feedDailyHistory, feedFreshness, type DailyCount, type SourceFreshness } from './freshness';
import { listPendingEvents, type PendingEventView } from './list-pending';

export interface FeedsOverview {
  freshness: SourceFreshness[];
  days: DailyCount[];
  pending: PendingEventView[];
}

/** The console's feed dashboard: each source's freshness, counts per day, the events kept pending. */
export async function feedsOverview(actor: Actor, now = new Date()): Promise<FeedsOverview> {
  requirePermission(actor, 'feed:read');
  const db = getDb();
  const [freshness, days, pending] = await Promise.all([
    feedFreshness(db, now),
    feedDailyHistory(db, 14),
    listPendingEvents({ limit: 200 }, actor),
  ]);
  return { freshness, days, pending };
}
