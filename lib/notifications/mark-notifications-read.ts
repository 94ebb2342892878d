import { addressedTo } from './person-recipient';
import { and, inArray, isNull } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { notifications } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import type { UseCaseOptions } from '@/lib/auth/citizen-actor';
import { requireCitizen } from '@/lib/auth/citizen-actor';
import { AppError, fieldIssue } from '@/lib/errors';

export interface MarkNotificationsReadInput {
  /** The notifications to mark; `'all'` marks every unread one of the account. */
  ids: readonly number[] | 'all';
}

/**
 * Marks the citizen's own notifications read. Ids of other accounts' notifications (a tampered form) are
 * simply not matched: the count says how many of the account's own were marked.
 */
export async function markNotificationsRead(
  input: MarkNotificationsReadInput,
  actor: Actor,
  options: UseCaseOptions = {},
): Promise<{ updated: number }> {
  const citizen = requireCitizen(actor);
  const now = options.now ?? new Date();
  if (input.ids !== 'all') {
    if (input.ids.length === 0) return { updated: 0 };
    if (input.ids.length > 500 || !input.ids.every((id) => Number.isSafeInteger(id) && id > 0)) {
      throw AppError.validation([fieldIssue('ids', 'VALIDATION_FAILED', 'Неверный список уведомлений.')]);
    }
  }
  const rows = await getDb()
    .update(notifications)
    .set({ readAt: now })
    .where(
      and(
        addressedTo(citizen),
        isNull(notifications.readAt),
        input.ids === 'all' ? undefined : inArray(notifications.id, [...input.ids]),
      ),
    )
    .returning({ id: notifications.id });
  return { updated: rows.length };
}
