import { getDb } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { coverageReasonText, SUSPENSION_REASONS, type SuspensionReason } from '@/lib/domain/coverage';
import { formatDateRu, moscowDate } from '@/lib/domain/dates';
import { AppError, fieldIssue, type FieldIssue } from '@/lib/errors';
import { latestCoverage } from '@/lib/register/coverage-queries';
import { suspendPolicy } from '@/lib/register/suspend-policy';
import {
  loadCitizenContext,
  requireCitizen,
  requireTrusted,
  resolveSubject,
  type UseCaseOptions,
} from './citizen-context';
import {
  repeatedApplication,
  runImmediateApplication,
  type DecidedApplication,
} from './immediate-application';
import { serviceDate } from './service-date';

/** The grounds offered on the form (lib/domain/coverage SUSPENSION_REASONS), with their wording. */
export const SUSPENSION_GROUNDS: readonly { code: SuspensionReason; label: string }[] =
  SUSPENSION_REASONS.map((code) => {
    const text = coverageReasonText(code);
    return { code, label: text.charAt(0).toUpperCase() + text.slice(1) };
  });

export interface SubmitSuspensionInput {
  subjectPersonId?: number | null;
  /** One of SUSPENSION_REASONS. */
  reason: string;
  /** The day the service started (`ДД.ММ.ГГГГ` or ISO); today when empty. */
  serviceStartDate?: string | null;
  idempotencyToken?: string | null;
}

/**
 * Journey 5 (suspend): a person entering military or equivalent service is not covered by ОМС; the
 * policy is suspended from the day the service starts (the register keeps it, with the reason).
 */
export async function submitSuspension(
  input: SubmitSuspensionInput,
  actor: Actor,
  options: UseCaseOptions = {},
): Promise<DecidedApplication> {
  const now = options.now ?? new Date();
  const today = moscowDate(now);
  requireTrusted(requireCitizen(actor));
  const db = getDb();
  const ctx = await loadCitizenContext(db, actor, today);
  const personId = resolveSubject(ctx, input.subjectPersonId);
  const repeated = await repeatedApplication('suspension', ctx, input.idempotencyToken, now);
  if (repeated) return repeated;
  const latest = await latestCoverage(db, personId);

  const issues: FieldIssue[] = [];
  const reason = SUSPENSION_REASONS.find((r) => r === input.reason?.trim());
  if (!reason) issues.push(fieldIssue('reason', 'COVERAGE_REASON_INVALID', 'Выберите основание из списка.'));
  const on = serviceDate('serviceStartDate', input.serviceStartDate, today, latest, issues);
  if (issues.length || !reason || !on) throw AppError.validation(issues);

  return runImmediateApplication({
    kind: 'suspension',
    ctx,
    subjectPersonId: personId,
    payload: { input: { reason, serviceStartDate: on } },
    subjectCode: latest?.subjectCode ?? null,
    insurerCode: latest?.insurerCode ?? null,
    idempotencyToken: input.idempotencyToken,
    now,
    perform: async (meta) => {
      const changed = await suspendPolicy({ personId, reason, on }, meta);
      return {
        effectiveDate: changed.opened.validFrom,
        result: { reason },
        notice: `Полис приостановлен с ${formatDateRu(changed.opened.validFrom)}: ${coverageReasonText(reason)}. После окончания службы подайте заявление о возобновлении полиса.`,
      };
    },
  });
}
