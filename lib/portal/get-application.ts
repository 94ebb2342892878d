import { asc, eq } from 'drizzle-orm';
import { applications, applicationStatusHistory, persons } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { readHandle } from '@/lib/register/replica-reads';
import {
  toApplicationView,
  type ApplicationRow,
  type ApplicationView,
} from '@/lib/applications/application-store';
import { citizenContext, type UseCaseOptions } from '@/lib/auth/citizen-actor';
import { APPLICATION_STATUS_LABELS, type ApplicationStatus } from '@/lib/applications/labels';
import { AppError } from '@/lib/errors';

export type GetApplicationInput = { id: number } | { number: string };

export interface ApplicationDetails extends ApplicationView {
  subjectName: string | null;
  /** Every status it went through, oldest first, with the reason when one was given. */
  history: { status: ApplicationStatus; statusLabel: string; at: Date; reason: string | null }[];
}

const NOT_FOUND_MESSAGE = 'Заявление не найдено. Проверьте номер или откройте список «Мои заявления».';

/**
 * One application with its status history, for its applicant or a parent of the child it is about.
 * Anyone else gets NOT_FOUND — the same answer as for a number that does not exist, so tampered ids and
 * numbers reveal nothing.
 */
export async function getApplication(
  input: GetApplicationInput,
  actor: Actor,
  options: UseCaseOptions = {},
): Promise<ApplicationDetails> {
  const now = options.now ?? new Date();
  // A portal read page: a replica serves it once it has replayed this citizen's own writes (ADR 0026).
  const db = readHandle('portal_page', actor);
  const ctx = await citizenContext(actor, now);
  let row: ApplicationRow | undefined;
  if ('id' in input) {
    if (!Number.isSafeInteger(input.id)) throw new AppError('NOT_FOUND', { message: NOT_FOUND_MESSAGE });
    [row] = await db.select().from(applications).where(eq(applications.id, input.id));
  } else {
    const number = (input.number ?? '').trim();
    if (!/^\d{4}-\d{8}$/.test(number)) throw new AppError('NOT_FOUND', { message: NOT_FOUND_MESSAGE });
    [row] = await db.select().from(applications).where(eq(applications.number, number));
  }
  const allowed =
    row !== undefined &&
    (row.applicantSub === ctx.actor.id ||
      (row.subjectPersonId !== null && ctx.childIds.includes(row.subjectPersonId)));
  if (!row || !allowed) throw new AppError('NOT_FOUND', { message: NOT_FOUND_MESSAGE });

  const [history, subject] = await Promise.all([
    db
      .select()
      .from(applicationStatusHistory)
      .where(eq(applicationStatusHistory.applicationId, row.id))
      .orderBy(asc(applicationStatusHistory.at), asc(applicationStatusHistory.id)),
    row.subjectPersonId !== null
      ? db
          .select({
            lastName: persons.lastName,
            firstName: persons.firstName,
            patronymic: persons.patronymic,
          })
          .from(persons)
          .where(eq(persons.id, row.subjectPersonId))
      : Promise.resolve([]),
  ]);
  const s = subject[0];
  return {
    ...toApplicationView(row, now),
    subjectName: s ? [s.lastName, s.firstName, s.patronymic].filter(Boolean).join(' ') : null,
    history: history.map((h) => ({
      status: h.status,
      statusLabel: APPLICATION_STATUS_LABELS[h.status],
      at: h.at,
      reason: h.reason,
    })),
  };
}
