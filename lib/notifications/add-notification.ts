import type { Executor } from '@/db/client';
import { notifications } from '@/db/schema';

export interface NewNotification {
  /** The identity-provider account the message is for. */
  recipientSub: string;
  /** Whom it is about (the citizen or their child), when known. */
  personId: number | null;
  applicationId: number | null;
  text: string;
  at: Date;
}

/**
 * Writes a notification in the caller's transaction, so a status change and its message are committed
 * together or not at all. Internal: callers are use cases that change something, never a request.
 */
export async function addNotification(db: Executor, n: NewNotification): Promise<void> {
  await db.insert(notifications).values({
    recipientSub: n.recipientSub,
    personId: n.personId,
    applicationId: n.applicationId,
    text: n.text,
    createdAt: n.at,
  });
}
