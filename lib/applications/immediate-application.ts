import { rememberingOwnWrites } from '@/lib/register/replica-reads';
import { getDb, type Database } from '@/db/client';
import { systemActor, type Actor } from '@/lib/auth/actor';
import type { LocalDate } from '@/lib/domain/dates';
import { AppError, fieldIssue, isDecisiveError } from '@/lib/errors';
import { latestCoverage, type CoverageRow } from '@/lib/register/coverage-queries';
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
import { resolveSubject, type CitizenContext, type UseCaseOptions } from '@/lib/auth/citizen-actor';
import { verifiedCitizenRequest } from './citizen-context';
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

/** The key of a form's token, per account and kind; null without a token. Throws on a malformed token. */
function formKey(
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
async function repeatedApplication(
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

/**
 * The shape of journeys 3–6: the application is recorded (submitted, with its due time) before the
 * register is asked, so its number goes into the register event and a crash in between leaves it in the
 * operators' queue rather than a change without an application. The register's answer then decides it:
 * done with the effective date, or refused with the rule's reason and the next allowed date.
 * A transient failure (lost race, database down) is rethrown and the application stays submitted.
 */
async function runImmediateApplication(spec: ImmediateApplicationSpec): Promise<DecidedApplication> {
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
    // A transient error leaves the application submitted for an operator.
    if (!isDecisiveError(error)) throw error;
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

/** The fields every journey decided at once takes besides its own. */
export interface ImmediateApplicationInput {
  /** One of the citizen's children; the citizen when empty. */
  subjectPersonId?: number | null;
  /** A random token rendered into the form: the same form posted twice gives one application. */
  idempotencyToken?: string | null;
}

/** What a journey's own checks start from: the clock, the citizen, for whom, and that person's coverage. */
export interface ApplicationScope {
  db: Database;
  now: Date;
  today: LocalDate;
  ctx: CitizenContext;
  personId: number;
  latest: CoverageRow | null;
}

/** What a journey's checks hand on once the form is valid: what is recorded and how it is performed. */
export type ImmediateApplicationPlan = Pick<
  ImmediateApplicationSpec,
  'payload' | 'subjectCode' | 'insurerCode' | 'perform'
>;

/**
 * A use case of journeys 3–6. Every one of them goes the same way: a verified citizen only, for themself or
 * a child they represent (checked in the register, not the session), a form posted again answers with its
 * first application before anything is validated anew; then the journey's own checks (`plan`: per-field
 * errors, nothing recorded) and `runImmediateApplication`.
 */
export function immediateApplication<I extends ImmediateApplicationInput>(
  kind: ApplicationKind,
  plan: (input: I, scope: ApplicationScope) => ImmediateApplicationPlan | Promise<ImmediateApplicationPlan>,
): (input: I, actor: Actor, options?: UseCaseOptions) => Promise<DecidedApplication> {
  return rememberingOwnWrites(async (input: I, actor: Actor, options: UseCaseOptions = {}) => {
    const { now, today, db, ctx } = await verifiedCitizenRequest(actor, options);
    const personId = resolveSubject(ctx, input.subjectPersonId);
    const repeated = await repeatedApplication(kind, ctx, input.idempotencyToken, now);
    if (repeated) return repeated;
    const latest = await latestCoverage(db, personId);
    const planned = await plan(input, { db, now, today, ctx, personId, latest });
    return runImmediateApplication({
      ...planned,
      kind,
      ctx,
      subjectPersonId: personId,
      idempotencyToken: input.idempotencyToken,
      now,
    });
  });
}
