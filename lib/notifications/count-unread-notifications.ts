import { addressedTo } from './person-recipient';
import { and, count, isNull } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { notifications } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { requireCitizen } from '@/lib/auth/citizen-actor';

/** How many of the citizen's notifications are unread (for the badge in the header). */
export async function countUnreadNotifications(actor: Actor): Promise<number> {
  const citizen = requireCitizen(actor);
  const [row] = await getDb()
    .select({ n: count() })
    .from(notifications)
    .where(and(addressedTo(citizen), isNull(notifications.readAt)));
  return row?.n ?? 0;
}
