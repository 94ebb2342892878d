import { getDb } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { formatDateRu, moscowDate } from '@/lib/domain/dates';
import { AppError, fieldIssue, type FieldIssue } from '@/lib/errors';
import { changeInsurer } from '@/lib/register/change-insurer';
import { latestCoverage } from '@/lib/register/coverage-queries';
import { findInsurer, insurerServiceInRegion } from '@/lib/register/directory-queries';
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

export interface SubmitInsurerChangeInput {
  subjectPersonId?: number | null;
  /** SMOCOD of the chosen insurer (one of those the pre-check offered). */
  insurerCode: string;
  /** A random token rendered into the form: the same form posted twice gives one application. */
  idempotencyToken?: string | null;
}

export const CHOOSE_INSURER_MESSAGE = 'Выберите страховую компанию из списка.';

/**
 * Journey 3: replace the insurer. The choice is validated first (a known insurer serving the person's
 * region, not the current one: per-field errors, nothing recorded); then the application is recorded and
 * the register decides by the yearly rule (`changeInsurer`): done with the effective date, or refused
 * with the reason and the date from which a change will be possible.
 */
export async function submitInsurerChange(
  input: SubmitInsurerChangeInput,
  actor: Actor,
  options: UseCaseOptions = {},
): Promise<DecidedApplication> {
  const now = options.now ?? new Date();
  const today = moscowDate(now);
  requireTrusted(requireCitizen(actor));
  const db = getDb();
  const ctx = await loadCitizenContext(db, actor, today);
  const personId = resolveSubject(ctx, input.subjectPersonId);
  const repeated = await repeatedApplication('insurer_change', ctx, input.idempotencyToken, now);
  if (repeated) return repeated;

  const insurerCode = (input.insurerCode ?? '').trim();
  const issues: FieldIssue[] = [];
  const insurer = /^\d{5}$/.test(insurerCode) ? await findInsurer(db, insurerCode) : null;
  const latest = await latestCoverage(db, personId);
  if (!insurer) issues.push(fieldIssue('insurerCode', 'INSURER_UNKNOWN', CHOOSE_INSURER_MESSAGE));
  else if (latest && latest.insurerCode === insurerCode) {
    issues.push(fieldIssue('insurerCode', 'COVERAGE_SAME_INSURER'));
  } else if (latest && !(await insurerServiceInRegion(db, insurerCode, latest.subjectCode, today)).serves) {
    issues.push(fieldIssue('insurerCode', 'INSURER_NOT_SERVING_REGION'));
  }
  if (issues.length) throw AppError.validation(issues);

  return runImmediateApplication({
    kind: 'insurer_change',
    ctx,
    subjectPersonId: personId,
    payload: { input: { insurerCode }, fromInsurerCode: latest?.insurerCode ?? null },
    subjectCode: latest?.subjectCode ?? null,
    insurerCode,
    idempotencyToken: input.idempotencyToken,
    now,
    perform: async (meta) => {
      const changed = await changeInsurer({ personId, insurerCode }, meta);
      return {
        effectiveDate: changed.opened.validFrom,
        result: {
          insurerCode,
          insurerName: insurer!.nameShort,
          fromInsurerCode: latest?.insurerCode ?? null,
        },
        notice: `Страховая медицинская организация — ${insurer!.nameShort} с ${formatDateRu(changed.opened.validFrom)}.`,
      };
    },
  });
}
