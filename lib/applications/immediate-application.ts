import { getDb } from '@/db/client';
import { systemActor } from '@/lib/auth/actor';
import type { LocalDate } from '@/lib/domain/dates';
import { AppError, fieldIssue, isAppError } from '@/lib/errors';
import type { WriteMeta } from '@/lib/register/writer';
import {
  changeApplicationStatus,
  createApplication,
  findApplicationByKey,
  idempotencyKey,
  toApplicationView,
  type ApplicationRow,
  type ApplicationView,
} from './application-store';
import { loadCalendar } from './calendar';
import type { CitizenContext } from './citizen-context';
import type { ApplicationKind } from './labels';

/** The result of a journey the register decides at once (insurer, region, suspension, renewal, clinic). */
export interface DecidedApplication {
  application: ApplicationView;
  /** True when the same form was posted before (same `idempotencyToken`): nothing new was done. */
  repeated: boolean;
  outcome: 'done' | 'refused' | 'submitted';
  /** Why the register refused, and from when it would be possible (when the rule says). */
  refusal: { code: string; message: string; nextAllowedDate: LocalDate | null } | null;
  /** When the change takes effect (done only). */
  effectiveDate: LocalDate | null;
}

/** Errors that say nothing about the application itself: it stays submitted for an operator. */
const TRANSIENT: readonly string[] = ['CONFLICT', 'REGISTER_UNAVAILABLE', 'INTERNAL'];

export const PORTAL_SOURCE = 'portal';
/** Who decides an application automatically (the register's rules, on the citizen's behalf). */
export const AUTO_DECIDER = systemActor('portal:auto');

export function applicationReason(number: string): string {
  return `Заявление № ${number}`;
}

export interface ImmediateApplicationSpec {
  kind: ApplicationKind;
  ctx: CitizenContext;
  subjectPersonId: number;
  payload: Record<string, unknown>;
  subjectCode: string | null;
  insurerCode: string | null;
  /** A random token from the form: posting the same form twice returns the first application. */
  idempotencyToken?: string | null;
  now: Date;
  /** Performs the change through lib/register; its result is kept on the application. */
  perform: (
    meta: WriteMeta,
  ) => Promise<{ effectiveDate: LocalDate; result: Record<string, unknown>; notice: string }>;
}

function fromRow(row: ApplicationRow, now: Date, repeated: boolean): DecidedApplication {
  const view = toApplicationView(row, now);
  const result = view.result ?? {};
  return {
    application: view,
    repeated,
    outcome: row.status === 'done' ? 'done' : row.status === 'refused' ? 'refused' : 'submitted',
    refusal:
      row.status === 'refused'
        ? {
            code: row.reasonCode ?? 'REFUSED',
            message: row.reasonText ?? '',
            nextAllowedDate: (result.nextAllowedDate as LocalDate | undefined) ?? null,
          }
        : null,
    effectiveDate: row.status === 'done' ? ((result.effectiveDate as LocalDate | undefined) ?? null) : null,
  };
}

/**
 * The shape of journeys 3–6: the application is recorded (submitted, with its due time) before the
 * register is asked, so its number goes into the register event and a crash in between leaves it in the
 * operators' queue rather than a change without an application. The register's answer then decides it:
 * done with the effective date, or refused with the rule's reason and the next allowed date.
 * A transient failure (lost race, database down) is rethrown and the application stays submitted.
 */
/** The key of a form's token, per account and kind; null without a token. Throws on a malformed token. */
export function formKey(
  kind: ApplicationKind,
  ctx: CitizenContext,
  token: string | null | undefined,
): string | null {
  const t = token?.trim();
  if (t === undefined || t === '') return null;
  if (!/^[A-Za-z0-9_-]{8,64}$/.test(t)) {
    throw AppError.validation([
      fieldIssue(
        'idempotencyToken',
        'VALIDATION_FAILED',
        'Форма устарела: обновите страницу и отправьте её снова.',
      ),
    ]);
  }
  return idempotencyKey(kind, ctx.actor.id, t);
}

/**
 * The application this form already produced, if it was posted before: checked before the form is
 * validated again (the first post may have changed what is valid — the insurer is now the chosen one).
 */
export async function repeatedApplication(
  kind: ApplicationKind,
  ctx: CitizenContext,
  token: string | null | undefined,
  now: Date,
): Promise<DecidedApplication | null> {
  const key = formKey(kind, ctx, token);
  const row = key ? await findApplicationByKey(getDb(), key) : null;
  if (!row) return null;
  if (row.applicantSub !== ctx.actor.id) throw new AppError('CONFLICT');
  return fromRow(row, now, true);
}

export async function runImmediateApplication(spec: ImmediateApplicationSpec): Promise<DecidedApplication> {
  const { ctx, now } = spec;
  const key = formKey(spec.kind, ctx, spec.idempotencyToken);
  const db = getDb();
  const calendar = await loadCalendar(db);
  const { row, created } = await db.transaction((tx) =>
    createApplication(tx, {
      kind: spec.kind,
      applicant: ctx.actor,
      applicantPersonId: ctx.selfId,
      subjectPersonId: spec.subjectPersonId,
      payload: spec.payload,
      idempotencyKey: key,
      subjectCode: spec.subjectCode,
      insurerCode: spec.insurerCode,
      now,
      calendar,
    }),
  );
  if (!created) {
    if (row.applicantSub !== ctx.actor.id) throw new AppError('CONFLICT');
    return fromRow(row, now, true);
  }

  const meta: WriteMeta = {
    actor: ctx.actor,
    source: PORTAL_SOURCE,
    reason: applicationReason(row.number),
    now,
  };
  let decided: ApplicationRow;
  try {
    const done = await spec.perform(meta);
    decided = await db.transaction((tx) =>
      changeApplicationStatus(tx, row, {
        to: 'done',
        actor: AUTO_DECIDER,
        now,
        reasonCode: null,
        reasonText: null,
        result: { ...done.result, effectiveDate: done.effectiveDate },
        notice: done.notice,
      }),
    );
  } catch (error) {
    if (!isAppError(error) || TRANSIENT.includes(error.code)) throw error;
    const nextAllowedDate = (error.details.nextAllowedDate as LocalDate | undefined) ?? null;
    const fieldText = error.fields.map((f) => f.message).join(' ');
    const message = error.code === 'VALIDATION_FAILED' && fieldText ? fieldText : error.message;
    decided = await db.transaction((tx) =>
      changeApplicationStatus(tx, row, {
        to: 'refused',
        actor: AUTO_DECIDER,
        now,
        reasonCode: error.code,
        reasonText: message,
        result: nextAllowedDate ? { nextAllowedDate } : null,
      }),
    );
  }
  return fromRow(decided, now, false);
}
