import { addressedTo } from './person-recipient';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { applications, notifications } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { requireCitizen } from '@/lib/auth/citizen-actor';

export interface NotificationItem {
  id: number;
  text: string;
  createdAt: Date;
  readAt: Date | null;
  /** The application it is about, to link to «Мои заявления». */
  application: { id: number; number: string } | null;
}

export interface ListNotificationsInput {
  unreadOnly?: boolean;
  /** At most 200; 50 by default. */
  limit?: number;
}

/** The signed-in citizen's notifications, newest first. Only the account's own messages are ever read. */
export async function listNotifications(
  input: ListNotificationsInput,
  actor: Actor,
): Promise<NotificationItem[]> {
  const citizen = requireCitizen(actor);
  const limit = Math.min(Math.max(Math.trunc(input.limit ?? 50), 1), 200);
  const rows = await getDb()
    .select({
      id: notifications.id,
      text: notifications.text,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
      applicationId: applications.id,
      applicationNumber: applications.number,
    })
    .from(notifications)
    .leftJoin(applications, eq(applications.id, notifications.applicationId))
    .where(and(addressedTo(citizen), input.unreadOnly ? isNull(notifications.readAt) : undefined))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit);
  return rows.map((r) => ({
    id: r.id,
    text: r.text,
    createdAt: r.createdAt,
    readAt: r.readAt,
    application:
      r.applicationId !== null && r.applicationNumber !== null
        ? { id: r.applicationId, number: r.applicationNumber }
        : null,
  }));
}
