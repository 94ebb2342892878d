import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { applications, applicationStatusHistory } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { computeDueAt, isOverdue, type ProductionCalendar } from '@/lib/domain/ru/calendar';
import { moscowDate, yearOf } from '@/lib/domain/dates';
import { AppError } from '@/lib/errors';
import { summariseReview, type ReviewReason } from './automatic-checks';
import { addNotification } from '@/lib/notifications/add-notification';
import {
  ALLOWED_TRANSITIONS,
  APPLICATION_KIND_LABELS,
  APPLICATION_STATUS_LABELS,
  FINAL_STATUSES,
  formatMoscowDateTime,
  type ApplicationKind,
  type ApplicationStatus,
} from './labels';
import { logger } from '@/lib/ops/logger';
import { PROVISIONAL_DUE_NOTE } from './provisional-due-note';

export type ApplicationRow = typeof applications.$inferSelect;

/** An application as the portal shows it. */
export interface ApplicationView {
  id: number;
  /** `YYYY-NNNNNNNN`. */
  number: string;
  kind: ApplicationKind;
  kindLabel: string;
  status: ApplicationStatus;
  statusLabel: string;
  subjectPersonId: number | null;
  submittedAt: Date | null;
  /** End of the next working day after submission (Moscow), by the production calendar. */
  dueAt: Date | null;
  /** `dueAt` was computed without the official calendar of a year it spans (Labour Code holidays only). */
  dueProvisional: boolean;
  decidedAt: Date | null;
  /** Why it was refused, or why it waits for an operator. */
  reasonCode: string | null;
  reasonText: string | null;
  /** Not decided and past its due time. */
  overdue: boolean;
  /** What was done, per kind (e.g. `{ enp }`, `{ effectiveDate, insurerCode }`); null until decided. */
  result: Record<string, unknown> | null;
}

export function toApplicationView(row: ApplicationRow, now: Date): ApplicationView {
  const payload = (row.payload ?? {}) as { result?: Record<string, unknown> };
  return {
    id: row.id,
    number: row.number,
    kind: row.kind,
    kindLabel: APPLICATION_KIND_LABELS[row.kind],
    status: row.status,
    statusLabel: APPLICATION_STATUS_LABELS[row.status],
    subjectPersonId: row.subjectPersonId,
    submittedAt: row.submittedAt,
    dueAt: row.dueAt,
    dueProvisional: row.dueProvisional,
    decidedAt: row.decidedAt,
    reasonCode: row.reasonCode,
    reasonText: row.reasonText,
    overdue: !FINAL_STATUSES.includes(row.status) && row.dueAt !== null && isOverdue(row.dueAt, now),
    result: payload.result ?? null,
  };
}

/**
 * The key that makes a re-submission find the first application: a hash (the natural keys include
 * document numbers and may be long), prefixed with the kind for readability in the database.
 */
export function idempotencyKey(kind: ApplicationKind, ...parts: readonly string[]): string {
  const digest = createHash('sha256').update(parts.join('\u001f')).digest('hex');
  return `${kind}:${digest}`;
}

export async function findApplicationByKey(db: Executor, key: string): Promise<ApplicationRow | null> {
  const [row] = await db.select().from(applications).where(eq(applications.idempotencyKey, key));
  return row ?? null;
}

export interface NewApplication {
  kind: ApplicationKind;
  applicant: Actor & { kind: 'citizen' };
  applicantPersonId: number | null;
  subjectPersonId: number | null;
  payload: Record<string, unknown>;
  idempotencyKey: string | null;
  subjectCode: string | null;
  insurerCode: string | null;
  now: Date;
  calendar: ProductionCalendar;
  /** Set when the automatic checks already know an operator must look at it. */
  reviewReason?: { code: string; text: string } | null;
}

export interface CreatedApplication {
  row: ApplicationRow;
  /** False when an application with the same idempotency key existed: `row` is that one. */
  created: boolean;
}

/**
 * Submits an application: number `YYYY-NNNNNNNN` from `application_number_seq`, due at the end of the next
 * working day (Moscow), status `submitted` with its history row and notification — in the caller's
 * transaction. With an idempotency key, a concurrent or repeated submission does not insert a second
 * application: `ON CONFLICT DO NOTHING` waits for the other transaction and the existing row is returned.
 */
export async function createApplication(tx: Executor, a: NewApplication): Promise<CreatedApplication> {
  const { rows } = await tx.execute<{ n: string }>(sql`select nextval('application_number_seq')::text as n`);
  const number = `${yearOf(moscowDate(a.now))}-${rows[0]!.n.padStart(8, '0')}`;
  const due = computeDueAt(a.calendar, a.now);
  const dueProvisional = due.missingYears.length > 0;
  if (dueProvisional) {
    logger().warn(
      { missingYears: due.missingYears, application: number, code: 'CALENDAR_YEAR_MISSING' },
      "applications: production calendar not loaded; due time counted by the Labour Code's holidays",
    );
  }
  const [inserted] = await tx
    .insert(applications)
    .values({
      number,
      kind: a.kind,
      applicantSub: a.applicant.id,
      applicantPersonId: a.applicantPersonId,
      subjectPersonId: a.subjectPersonId,
      payload: a.payload,
      status: 'submitted',
      idempotencyKey: a.idempotencyKey,
      subjectCode: a.subjectCode,
      insurerCode: a.insurerCode,
      submittedAt: a.now,
      dueAt: due.dueAt,
      dueProvisional,
      reasonCode: a.reviewReason?.code ?? null,
      reasonText: a.reviewReason?.text ?? null,
      createdAt: a.now,
      updatedAt: a.now,
    })
    .onConflictDoNothing({ target: applications.idempotencyKey })
    .returning();
  if (!inserted) {
    const existing = a.idempotencyKey ? await findApplicationByKey(tx, a.idempotencyKey) : null;
    if (!existing) throw new AppError('CONFLICT');
    return { row: existing, created: false };
  }
  await tx.insert(applicationStatusHistory).values({
    applicationId: inserted.id,
    status: 'submitted',
    at: a.now,
    actorKind: a.applicant.kind,
    actorId: a.applicant.id,
    reason: a.reviewReason?.text ?? null,
  });
  await addNotification(tx, {
    recipientSub: inserted.applicantSub,
    personId: inserted.subjectPersonId ?? inserted.applicantPersonId,
    applicationId: inserted.id,
    text: statusNotificationText(inserted, 'submitted', a.reviewReason?.text ?? null),
    at: a.now,
  });
  return { row: inserted, created: true };
}

export interface StatusChange {
  to: ApplicationStatus;
  actor: Actor;
  now: Date;
  reasonCode?: string | null;
  reasonText?: string | null;
  /** Set on `done`: whom the application ended up being about (e.g. the person just registered). */
  subjectPersonId?: number | null;
  /** Merged into `payload.result`. */
  result?: Record<string, unknown> | null;
  /** A more specific sentence for the notification (e.g. the ЕНП); the reason is added for refusals. */
  notice?: string | null;
}

/**
 * Moves an application to its next status with a history row and a notification to the applicant, in
 * the caller's transaction. Only transitions of the brief's lifecycle are allowed; the row is updated
 * only if it still has the status it was read with, so a concurrent decision makes this one CONFLICT.
 */
export async function changeApplicationStatus(
  tx: Executor,
  app: ApplicationRow,
  change: StatusChange,
): Promise<ApplicationRow> {
  if (!ALLOWED_TRANSITIONS[app.status].includes(change.to)) {
    throw new AppError('CONFLICT', {
      message: `Заявление № ${app.number} уже в статусе «${APPLICATION_STATUS_LABELS[app.status]}».`,
      details: { from: app.status, to: change.to },
    });
  }
  const final = FINAL_STATUSES.includes(change.to);
  const payload = (app.payload ?? {}) as Record<string, unknown>;
  const nextPayload = change.result
    ? {
        ...payload,
        result: { ...((payload.result as Record<string, unknown> | undefined) ?? {}), ...change.result },
      }
    : payload;
  const [updated] = await tx
    .update(applications)
    .set({
      status: change.to,
      payload: nextPayload,
      subjectPersonId: change.subjectPersonId ?? app.subjectPersonId,
      decidedAt: final ? change.now : app.decidedAt,
      decidedBy: final ? `${change.actor.kind}:${change.actor.id}`.slice(0, 128) : app.decidedBy,
      reasonCode: change.reasonCode !== undefined ? change.reasonCode : app.reasonCode,
      reasonText: change.reasonText !== undefined ? change.reasonText : app.reasonText,
      updatedAt: change.now,
    })
    .where(and(eq(applications.id, app.id), eq(applications.status, app.status)))
    .returning();
  if (!updated) throw new AppError('CONFLICT');
  await tx.insert(applicationStatusHistory).values({
    applicationId: app.id,
    status: change.to,
    at: change.now,
    actorKind: change.actor.kind,
    actorId: change.actor.id,
    reason: change.reasonText ?? null,
  });
  await addNotification(tx, {
    recipientSub: updated.applicantSub,
    personId: updated.subjectPersonId ?? updated.applicantPersonId,
    applicationId: updated.id,
    text: statusNotificationText(updated, change.to, change.notice ?? change.reasonText ?? null),
    at: change.now,
  });
  return updated;
}

/** Records why an application waits for an operator, without changing its status. */
export async function setReviewReason(
  tx: Executor,
  app: ApplicationRow,
  reasons: readonly ReviewReason[],
  now: Date,
): Promise<ApplicationRow> {
  const payload = (app.payload ?? {}) as { review?: ReviewReason[] };
  const review = [...(payload.review ?? []), ...reasons];
  const summary = summariseReview(review);
  const [updated] = await tx
    .update(applications)
    .set({
      payload: { ...payload, review },
      reasonCode: summary?.code ?? null,
      reasonText: summary?.text ?? null,
      updatedAt: now,
    })
    .where(eq(applications.id, app.id))
    .returning();
  return updated ?? app;
}

export { PROVISIONAL_DUE_NOTE };

/** The sentence a citizen receives when their application reaches a status. */
export function statusNotificationText(
  app: Pick<ApplicationRow, 'number' | 'kind' | 'dueAt' | 'dueProvisional'>,
  status: ApplicationStatus,
  detail: string | null,
): string {
  const head = `Заявление № ${app.number} «${APPLICATION_KIND_LABELS[app.kind]}»`;
  const tail = detail ? ` ${detail}` : '';
  switch (status) {
    case 'draft':
      return `${head} сохранено как черновик.`;
    case 'submitted': {
      const due = app.dueAt
        ? ` Срок рассмотрения — до ${formatMoscowDateTime(app.dueAt)} (мск).${app.dueProvisional ? ` ${PROVISIONAL_DUE_NOTE}` : ''}`
        : '';
      return `${head} отправлено.${due}${tail}`;
    }
    case 'in_progress':
      return `${head} принято в работу.${tail}`;
    case 'done':
      return `${head} исполнено.${tail}`;
    case 'refused':
      return `По заявлению № ${app.number} «${APPLICATION_KIND_LABELS[app.kind]}» отказано.${tail}`;
    case 'cancelled':
      return `${head} отменено.${tail}`;
  }
}
