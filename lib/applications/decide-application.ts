import { rememberingOwnWrites } from '@/lib/register/replica-reads';
import { eq } from 'drizzle-orm';
import { getDb, type Executor } from '@/db/client';
import { applications, staffAccounts } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { actorOrganisation } from '@/lib/auth/actor';
import { requirePermission } from '@/lib/auth/permissions';
import { recordStaffAction } from '@/lib/audit/staff-actions';
import { canonicalText, hasForbiddenCharacters } from '@/lib/domain/text';
import { AppError, fieldIssue, type FieldIssue } from '@/lib/errors';
import { toAppError } from '@/lib/register/db-errors';
import {
  changeApplicationStatus,
  toApplicationView,
  type ApplicationRow,
  type ApplicationView,
} from './application-store';
import { actorNames, parseActorRef } from './decider-names';
import { applicationReason } from './immediate-application';
import { APPLICATION_STATUS_LABELS, FINAL_STATUSES, formatMoscowDateTime } from './labels';
import { requireStaffActor } from './queue-scope';
import {
  isRefusalReason,
  REFUSAL_COMMENT_MAX,
  REFUSAL_REASONS,
  refusalText,
  type RefusalReason,
} from './refusal-reasons';
import { REGISTERING_KINDS, runRegistrationStep } from './registration-step';

/** The channel of an operator's decision in register events. */
export const CONSOLE_SOURCE = 'console';

export interface DecideApplicationInput {
  /** The application's number, `YYYY-NNNNNNNN`. */
  number: string;
  decision: 'issue' | 'refuse';
  /** Refuse only: a code of REFUSAL_REASONS. */
  reason?: string | null;
  /** Refuse only: the operator's words to the citizen; required for «Другая причина». */
  comment?: string | null;
}

export interface ApplicationDecision {
  application: ApplicationView;
  /** Issue only: what the registration did (ЕНП, person). */
  result: Record<string, unknown> | null;
}

/** The form, checked: every invalid field at once, before anything is read. */
function checkInput(input: DecideApplicationInput): { reason: RefusalReason | null; comment: string | null } {
  const issues: FieldIssue[] = [];
  if (input.decision !== 'issue' && input.decision !== 'refuse') {
    issues.push(fieldIssue('decision', 'VALIDATION_FAILED', 'Выберите решение: оформить или отказать.'));
  }
  if (input.decision !== 'refuse') {
    if (issues.length) throw AppError.validation(issues);
    return { reason: null, comment: null };
  }
  const reason = input.reason?.trim() ?? '';
  if (!reason) issues.push(fieldIssue('reason', 'FIELD_REQUIRED', 'Выберите причину отказа.'));
  else if (!isRefusalReason(reason))
    issues.push(fieldIssue('reason', 'VALIDATION_FAILED', 'Выберите причину отказа из списка.'));
  const comment = canonicalText(input.comment).replace(/\s+/g, ' ').trim();
  if (comment.length > REFUSAL_COMMENT_MAX) {
    issues.push(fieldIssue('comment', 'VALIDATION_FAILED', `Не длиннее ${REFUSAL_COMMENT_MAX} символов.`));
  } else if (hasForbiddenCharacters(comment)) {
    issues.push(fieldIssue('comment', 'VALIDATION_FAILED', 'Уберите из пояснения служебные символы.'));
  } else if (reason === 'REFUSED_OTHER' && !comment) {
    issues.push(fieldIssue('comment', 'FIELD_REQUIRED', 'Опишите причину отказа: её прочитает заявитель.'));
  }
  if (issues.length) throw AppError.validation(issues);
  return { reason: reason as RefusalReason, comment: comment || null };
}

/** The answer to the operator who lost the race: who decided, when, and what. */
async function alreadyDecided(db: Executor, row: ApplicationRow): Promise<AppError> {
  const by = row.decidedBy ? parseActorRef(row.decidedBy) : null;
  const names = by ? await actorNames(db, [by]) : new Map<string, string>();
  const who = by ? names.get(`${by.kind}:${by.id}`) : null;
  const when = row.decidedAt ? formatMoscowDateTime(row.decidedAt) : null;
  return new AppError('APPLICATION_ALREADY_DECIDED', {
    message: `Заявление № ${row.number} уже рассмотрено: «${APPLICATION_STATUS_LABELS[row.status]}»${who ? `, решение принял(а) ${who}` : ''}${when ? ` ${when} (мск)` : ''}.`,
    details: {
      status: row.status,
      decidedBy: row.decidedBy,
      decidedAt: row.decidedAt?.toISOString() ?? null,
    },
  });
}

/**
 * An operator's decision on an application waiting for one (issue 11): «Оформить» runs the same
 * registration step as the automatic path (`runRegistrationStep`), as the operator, from the console;
 * «Отказать» records the reason from the list and the operator's words. One transaction holds the
 * application's row lock, the register's change and events, the status history, the citizen's
 * notification and the staff audit entry. Two operators at once: the second waits for the first's lock
 * and is then told who decided and when (APPLICATION_ALREADY_DECIDED). Permission `application:decide` on
 * the application's region and insurer is checked before anything about the applicant is read.
 */
async function decideApplicationOnce(
  input: DecideApplicationInput,
  actor: Actor,
  options: { now?: Date } = {},
): Promise<ApplicationDecision> {
  const staff = requireStaffActor(actor);
  const { reason, comment } = checkInput(input);
  const number = (input.number ?? '').trim();
  if (!/^\d{4}-\d{8}$/.test(number)) throw new AppError('APPLICATION_NOT_FOUND');
  const now = options.now ?? new Date();
  const db = getDb();
  const [account] = await db
    .select({ id: staffAccounts.id })
    .from(staffAccounts)
    .where(eq(staffAccounts.login, staff.id));
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx.select().from(applications).where(eq(applications.number, number)).for('update');
      if (!row) throw new AppError('APPLICATION_NOT_FOUND');
      requirePermission(actor, 'application:decide', {
        subjectCode: row.subjectCode,
        insurerCode: row.insurerCode,
      });
      if (FINAL_STATUSES.includes(row.status)) throw await alreadyDecided(tx, row);

      let decided: ApplicationRow;
      let result: Record<string, unknown> | null = null;
      if (input.decision === 'issue') {
        if (!REGISTERING_KINDS.includes(row.kind)) throw new AppError('APPLICATION_NOT_ISSUABLE');
        const registration = await runRegistrationStep(row, {
          actor,
          source: CONSOLE_SOURCE,
          reason: applicationReason(row.number),
          now,
          within: tx,
        });
        result = registration.result;
        decided = await changeApplicationStatus(tx, row, {
          to: 'done',
          actor,
          now,
          reasonCode: null,
          reasonText: null,
          ...registration,
        });
      } else {
        const text = refusalText(reason!, comment);
        decided = await changeApplicationStatus(tx, row, {
          to: 'refused',
          actor,
          now,
          reasonCode: reason,
          reasonText: text,
          notice: `Причина: ${text}`,
        });
      }
      await recordStaffAction(tx, {
        staffId: account?.id ?? null,
        login: staff.id,
        organisation: actorOrganisation(actor),
        action: 'application_decided',
        targetKind: 'application',
        targetId: row.number,
        personId: decided.subjectPersonId ?? decided.applicantPersonId,
        details: {
          decision: input.decision,
          status: decided.status,
          reason,
          reasonLabel: reason ? REFUSAL_REASONS[reason] : null,
          inTime: decided.dueAt ? now.getTime() <= decided.dueAt.getTime() : null,
          result,
        },
      });
      return { application: toApplicationView(decided, now), result };
    });
  } catch (error) {
    throw toAppError(error);
  }
}

/** The operator then opens the person's card or searches for them: it must show the decision (ADR 0026). */
export const decideApplication = rememberingOwnWrites(decideApplicationOnce);
