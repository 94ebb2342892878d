import { getDb } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { formatDateRu, moscowDate } from '@/lib/domain/dates';
import { AppError, fieldIssue, type FieldIssue } from '@/lib/errors';
import { changeRegion } from '@/lib/register/change-region';
import { latestCoverage } from '@/lib/register/coverage-queries';
import { findInsurer, insurerServiceInRegion } from '@/lib/register/directory-queries';
import {
  loadCitizenContext,
  requireCitizen,
  requireTrusted,
  resolveSubject,
  type UseCaseOptions,
} from './citizen-context';
import { findRegion } from './directory-views';
import {
  repeatedApplication,
  runImmediateApplication,
  type DecidedApplication,
} from './immediate-application';
import { CHOOSE_INSURER_MESSAGE } from './submit-insurer-change';

export interface SubmitRegionChangeInput {
  subjectPersonId?: number | null;
  /** The subject of the RF the person moved to (2-digit subject code). */
  subjectCode: string;
  /** An insurer serving the new region (the current one, if it does). */
  insurerCode: string;
  idempotencyToken?: string | null;
}

export const CHOOSE_REGION_MESSAGE = 'Выберите регион из списка.';

/**
 * Journey 4: moving to another subject of the RF. The ЕНП stays; the insurance continues in the new
 * region with the chosen insurer, and the move unlocks one extra change of insurer and of clinic.
 */
export async function submitRegionChange(
  input: SubmitRegionChangeInput,
  actor: Actor,
  options: UseCaseOptions = {},
): Promise<DecidedApplication> {
  const now = options.now ?? new Date();
  const today = moscowDate(now);
  requireTrusted(requireCitizen(actor));
  const db = getDb();
  const ctx = await loadCitizenContext(db, actor, today);
  const personId = resolveSubject(ctx, input.subjectPersonId);
  const repeated = await repeatedApplication('region_change', ctx, input.idempotencyToken, now);
  if (repeated) return repeated;

  const subjectCode = (input.subjectCode ?? '').trim();
  const insurerCode = (input.insurerCode ?? '').trim();
  const issues: FieldIssue[] = [];
  const region = /^\d{2}$/.test(subjectCode) ? await findRegion(db, subjectCode) : null;
  const latest = await latestCoverage(db, personId);
  if (!region) issues.push(fieldIssue('subjectCode', 'SUBJECT_UNKNOWN', CHOOSE_REGION_MESSAGE));
  else if (latest && latest.subjectCode === subjectCode && latest.status !== 'terminated') {
    issues.push(fieldIssue('subjectCode', 'COVERAGE_SAME_REGION'));
  }
  const insurer = /^\d{5}$/.test(insurerCode) ? await findInsurer(db, insurerCode) : null;
  if (!insurer) issues.push(fieldIssue('insurerCode', 'INSURER_UNKNOWN', CHOOSE_INSURER_MESSAGE));
  else if (region && !(await insurerServiceInRegion(db, insurerCode, subjectCode, today)).serves) {
    issues.push(fieldIssue('insurerCode', 'INSURER_NOT_SERVING_REGION'));
  }
  if (issues.length || !region || !insurer) throw AppError.validation(issues);

  return runImmediateApplication({
    kind: 'region_change',
    ctx,
    subjectPersonId: personId,
    payload: {
      input: { subjectCode, insurerCode },
      fromSubjectCode: latest?.subjectCode ?? null,
      fromInsurerCode: latest?.insurerCode ?? null,
    },
    subjectCode,
    insurerCode,
    idempotencyToken: input.idempotencyToken,
    now,
    perform: async (meta) => {
      const changed = await changeRegion({ personId, subjectCode, insurerCode }, meta);
      return {
        effectiveDate: changed.opened.validFrom,
        result: {
          subjectCode,
          regionName: region.name,
          insurerCode,
          insurerName: insurer.nameShort,
          fromSubjectCode: latest?.subjectCode ?? null,
        },
        notice: `С ${formatDateRu(changed.opened.validFrom)} вы застрахованы в регионе «${region.name}», страховая компания — ${insurer.nameShort}. Номер полиса (ЕНП) не изменился.`,
      };
    },
  });
}
