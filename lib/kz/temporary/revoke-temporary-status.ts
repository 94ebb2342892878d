import { eq } from 'drizzle-orm';
import { kzTemporaryStatuses } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { requirePermission } from '@/lib/auth/permissions';
import { recordStaffAction } from '@/lib/audit/staff-actions';
import type { LocalDate } from '@/lib/domain/dates';
import { categoryName, revokedOnFor } from '@/lib/domain/kz';
import { IssueCollector } from '@/lib/domain/result';
import { AppError } from '@/lib/errors';
import { notifyPerson } from '@/lib/notifications/person-recipient';
import { checkReason } from '@/lib/register/correction';
import { runWrite } from '@/lib/register/writer';
import { revokedText } from './temporary-status-texts';

/** The fund's employee revoking: the actor the permission sees and whom the audit trail names. */
export interface RevokeAuthor {
  actor: Actor;
  staffId: number | null;
  login: string;
  organisation: string | null;
  /** The clock, injectable for tests of "as known at". */
  now?: Date;
}

export interface RevokedTemporaryStatus {
  id: number;
  personId: number;
  /** The day from which the status no longer holds. */
  revokedOn: LocalDate;
}

/**
 * An operator of the fund revokes a temporary status (a forged or wrong document; issue 14): with a
 * reason, from today (Almaty time) — the days it already held stay held, "as known" before the revocation
 * (bitemporal: `revoked_at` is the record time). Permission `temporary_status:revoke` (the fund's
 * administrator) is checked before anything about the status or the person is read. The row's revocation,
 * the register event, the audit trail's entry and the notification to the person commit together.
 */
export async function revokeTemporaryStatus(
  author: RevokeAuthor,
  input: { temporaryStatusId: number; reason: string },
): Promise<RevokedTemporaryStatus> {
  requirePermission(author.actor, 'temporary_status:revoke');
  const c = new IssueCollector();
  const reason = checkReason(c, input.reason, 'KZ_REVOKE_REASON_REQUIRED');
  if (c.issues.length) throw AppError.validation(c.issues);
  if (!Number.isSafeInteger(input.temporaryStatusId) || input.temporaryStatusId < 1)
    throw new AppError('KZ_TEMPORARY_STATUS_NOT_FOUND');

  return runWrite({ actor: author.actor, source: 'console', reason, now: author.now }, async (w) => {
    const [row] = await w.tx
      .select({
        id: kzTemporaryStatuses.id,
        personId: kzTemporaryStatuses.personId,
        category: kzTemporaryStatuses.category,
        uploadedOn: kzTemporaryStatuses.uploadedOn,
        revokedAt: kzTemporaryStatuses.revokedAt,
      })
      .from(kzTemporaryStatuses)
      .where(eq(kzTemporaryStatuses.id, input.temporaryStatusId))
      .for('update');
    if (!row) throw new AppError('KZ_TEMPORARY_STATUS_NOT_FOUND');
    await w.lockPerson(row.personId);
    requirePermission(author.actor, 'temporary_status:revoke', { personId: row.personId });
    if (row.revokedAt !== null) throw new AppError('KZ_TEMPORARY_STATUS_REVOKED');

    const today = w.today;
    const revokedOn = revokedOnFor(row.uploadedOn as LocalDate, today);
    await w.tx
      .update(kzTemporaryStatuses)
      .set({ revokedOn, revokedAt: await w.recordTime(), revokedBy: author.actor.id, revokeReason: reason })
      .where(eq(kzTemporaryStatuses.id, row.id));
    await w.record({
      personId: row.personId,
      entity: 'temporary_status',
      entityId: row.id,
      action: 'temporary_status.revoked',
      effectiveDate: revokedOn,
      data: { category: row.category, revokedOn, reason },
    });
    await recordStaffAction(w.tx, {
      staffId: author.staffId,
      login: author.login,
      organisation: author.organisation,
      action: 'temporary_status_revoked',
      targetKind: 'temporary_status',
      targetId: String(row.id),
      personId: row.personId,
      details: { category: row.category, revokedOn, reason },
    });
    await notifyPerson(w.tx, {
      personId: row.personId,
      aboutPersonId: row.personId,
      text: revokedText({
        categoryName: categoryName(row.category),
        revokedOn,
        reason,
      }),
      at: w.now,
    });
    await w.touchPerson(row.personId);
    return { id: row.id, personId: row.personId, revokedOn };
  });
}
