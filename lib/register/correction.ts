import { desc, eq } from 'drizzle-orm';
import { registerEvents } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { recordStaffAction } from '@/lib/audit/staff-actions';
import { formatMoscowDateTime } from '@/lib/applications/labels';
import type { LocalDate } from '@/lib/domain/dates';
import { IssueCollector } from '@/lib/domain/result';
import { canonicalText, hasForbiddenCharacters } from '@/lib/domain/text';
import { AppError, fieldIssue } from '@/lib/errors';
import type { CoverageRow } from './coverage-queries';
import { runWrite, type EventEntity, type PersonRow, type Writer } from './writer';
import type { RegisterEventAction } from './event-labels';

type StaffActor = Extract<Actor, { kind: 'staff' }>;

/** The employee correcting: the actor the permissions see and who the audit trail names. */
export interface CorrectionAuthor {
  actor: StaffActor;
  staffId: number | null;
  login: string;
  organisation: string | null;
  /** The clock, injectable for tests of "as known at". */
  now?: Date;
}

/** What every correction carries: whom, the version the employee saw, and why. */
export interface CorrectionTarget {
  personId: number;
  expectedVersion: number;
  reason: string;
}

export interface CorrectionContext {
  person: PersonRow;
  latest: CoverageRow | null;
  /** Issues found so far (the reason's); the check adds its own. */
  c: IssueCollector;
}

/** The write a correction's check hands back once every field is valid. */
type Apply = () => Promise<CorrectionOutcome>;

/** What a correction changed, for its register event and the audit trail. */
export interface CorrectionOutcome {
  entity: EventEntity;
  entityId: number;
  action: RegisterEventAction;
  effectiveDate: LocalDate;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

export const CORRECTION_REASON_MAX = 1000;

/** Field-by-field difference of two records (only what changed), so "nothing changed" is refused. */
export function changedFields(
  before: object,
  after: object,
): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const was = before as Record<string, unknown>;
  const now = after as Record<string, unknown>;
  const keys = Object.keys(now).filter((k) => (was[k] ?? null) !== (now[k] ?? null));
  return {
    before: Object.fromEntries(keys.map((k) => [k, was[k] ?? null])),
    after: Object.fromEntries(keys.map((k) => [k, now[k] ?? null])),
  };
}

/**
 * An employee's reason for a change (a correction; revoking a temporary status): 5 to 1000 characters of
 * plain text; `missing` is the code a too-short reason is refused with.
 */
export function checkReason(
  c: IssueCollector,
  reason: string,
  missing: 'CORRECTION_REASON_REQUIRED' | 'KZ_REVOKE_REASON_REQUIRED' = 'CORRECTION_REASON_REQUIRED',
): string {
  const text = canonicalText(reason).trim();
  if (text.length < 5) c.add(fieldIssue('reason', missing));
  else if (text.length > CORRECTION_REASON_MAX || hasForbiddenCharacters(text))
    c.add(
      fieldIssue(
        'reason',
        'VALIDATION_FAILED',
        `Основание — текст до ${CORRECTION_REASON_MAX} символов без служебных знаков.`,
      ),
    );
  return text;
}

/** CONFLICT that says who changed the person since the employee opened the card, and when. */
async function conflict(w: Writer, person: PersonRow, expectedVersion: number): Promise<AppError> {
  const [last] = await w.tx
    .select({ actorId: registerEvents.actorId, recordedAt: registerEvents.recordedAt })
    .from(registerEvents)
    .where(eq(registerEvents.personId, person.id))
    .orderBy(desc(registerEvents.recordedAt), desc(registerEvents.id))
    .limit(1);
  const who = last ? ` (${last.actorId}, ${formatMoscowDateTime(last.recordedAt)})` : '';
  return new AppError('CONFLICT', {
    message: `Пока вы готовили исправление, данные этого человека изменили${who}. Откройте карточку заново, проверьте данные и повторите исправление.`,
    details: { expectedVersion, actualVersion: person.version },
  });
}

/**
 * The one frame of every console correction: a write (one transaction) in which the employee's right to
 * correct this person is checked first (`person:correct` in the scope of their latest period), then the
 * version they saw (CONFLICT, naming who changed it), then the reason and the correction's own checks
 * (`check` collects every invalid field into `c` and returns the write to apply; nothing is written while
 * any field is invalid); then the register event (staff actor, source `console`, the reason), the audit trail's `person_corrected` and
 * the person's version.
 */
export async function runCorrection(
  author: CorrectionAuthor,
  target: CorrectionTarget,
  check: (w: Writer, ctx: CorrectionContext) => Promise<Apply | null> | Apply | null,
): Promise<CorrectionOutcome & { version: number }> {
  // Console staff only: an agency feed holds `person:correct` for its own events (lib/feeds), not for the
  // console's corrections; the type says so, this says so at run time too (the denial suite calls it so).
  if (author.actor.kind !== 'staff') {
    throw new AppError('FORBIDDEN', { details: { permission: 'person:correct' } });
  }
  const meta = { actor: author.actor, source: 'console', reason: null as string | null, now: author.now };
  return runWrite(meta, async (w) => {
    const { person, latest } = await w.lockAuthorised(target.personId, 'person:correct');
    if (person.version !== target.expectedVersion) throw await conflict(w, person, target.expectedVersion);
    const c = new IssueCollector();
    meta.reason = checkReason(c, target.reason);
    const apply = await check(w, { person, latest, c });
    if (c.issues.length || !apply) throw AppError.validation(c.issues);
    const outcome = await apply();
    if (Object.keys(outcome.after).length === 0) throw new AppError('CORRECTION_NO_CHANGE');
    await w.record({
      personId: person.id,
      entity: outcome.entity,
      entityId: outcome.entityId,
      action: outcome.action,
      effectiveDate: outcome.effectiveDate,
      data: { before: outcome.before, after: outcome.after },
    });
    await recordStaffAction(w.tx, {
      staffId: author.staffId,
      login: author.login,
      organisation: author.organisation,
      action: 'person_corrected',
      targetKind: outcome.entity,
      targetId: String(outcome.entityId),
      personId: person.id,
      details: { action: outcome.action, reason: meta.reason, before: outcome.before, after: outcome.after },
    });
    await w.touchPerson(person.id);
    return { ...outcome, version: person.version + 1 };
  });
}
