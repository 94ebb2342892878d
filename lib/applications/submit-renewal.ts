import { getDb } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { formatDateRu, moscowDate } from '@/lib/domain/dates';
import { AppError, type FieldIssue } from '@/lib/errors';
import { latestCoverage } from '@/lib/register/coverage-queries';
import { renewPolicy } from '@/lib/register/renew-policy';
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

export interface SubmitRenewalInput {
  subjectPersonId?: number | null;
  /** The day the service ended (`ДД.ММ.ГГГГ` or ISO); today when empty. */
  serviceEndDate?: string | null;
  idempotencyToken?: string | null;
}

/** Journey 5 (renew): the service has ended; the suspended policy is in force again from that day. */
export async function submitRenewal(
  input: SubmitRenewalInput,
  actor: Actor,
  options: UseCaseOptions = {},
): Promise<DecidedApplication> {
  const now = options.now ?? new Date();
  const today = moscowDate(now);
  requireTrusted(requireCitizen(actor));
  const db = getDb();
  const ctx = await loadCitizenContext(db, actor, today);
  const personId = resolveSubject(ctx, input.subjectPersonId);
  const repeated = await repeatedApplication('renewal', ctx, input.idempotencyToken, now);
  if (repeated) return repeated;
  const latest = await latestCoverage(db, personId);

  const issues: FieldIssue[] = [];
  const on = serviceDate('serviceEndDate', input.serviceEndDate, today, latest, issues);
  if (issues.length || !on) throw AppError.validation(issues);

  return runImmediateApplication({
    kind: 'renewal',
    ctx,
    subjectPersonId: personId,
    payload: { input: { serviceEndDate: on } },
    subjectCode: latest?.subjectCode ?? null,
    insurerCode: latest?.insurerCode ?? null,
    idempotencyToken: input.idempotencyToken,
    now,
    perform: async (meta) => {
      const changed = await renewPolicy({ personId, on }, meta);
      return {
        effectiveDate: changed.opened.validFrom,
        result: {},
        notice: `Полис снова действует с ${formatDateRu(changed.opened.validFrom)}.`,
      };
    },
  });
}
