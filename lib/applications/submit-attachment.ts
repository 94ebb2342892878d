import { and, eq, isNull } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { attachments } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { formatDateRu, moscowDate } from '@/lib/domain/dates';
import { AppError, fieldIssue, type FieldIssue } from '@/lib/errors';
import { attachToClinic } from '@/lib/register/attach-to-clinic';
import { latestCoverage } from '@/lib/register/coverage-queries';
import { findMedicalOrganisation } from '@/lib/register/directory-queries';
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

export interface SubmitAttachmentInput {
  subjectPersonId?: number | null;
  /** MCOD of the chosen primary-care clinic of the person's region. */
  moCode: string;
  idempotencyToken?: string | null;
}

const CHOOSE_CLINIC_MESSAGE = 'Выберите поликлинику из списка.';

/**
 * Journey 6: attach to a primary-care clinic of the person's region — the first time freely, then once a
 * calendar year unless the person moved (the register decides by `attachmentEligibility`).
 */
export async function submitAttachment(
  input: SubmitAttachmentInput,
  actor: Actor,
  options: UseCaseOptions = {},
): Promise<DecidedApplication> {
  const now = options.now ?? new Date();
  const today = moscowDate(now);
  requireTrusted(requireCitizen(actor));
  const db = getDb();
  const ctx = await loadCitizenContext(db, actor, today);
  const personId = resolveSubject(ctx, input.subjectPersonId);
  const repeated = await repeatedApplication('attachment', ctx, input.idempotencyToken, now);
  if (repeated) return repeated;
  const latest = await latestCoverage(db, personId);

  const moCode = (input.moCode ?? '').trim();
  const issues: FieldIssue[] = [];
  const mo = /^\d{6}$/.test(moCode) ? await findMedicalOrganisation(db, moCode) : null;
  if (!mo || mo.activeFrom > today || (mo.activeTo !== null && mo.activeTo < today)) {
    issues.push(fieldIssue('moCode', 'MO_UNKNOWN', CHOOSE_CLINIC_MESSAGE));
  } else if (latest && mo.subjectCode !== latest.subjectCode) {
    issues.push(fieldIssue('moCode', 'MO_NOT_IN_REGION'));
  } else if (!mo.primaryCare) {
    issues.push(fieldIssue('moCode', 'MO_NOT_PRIMARY_CARE'));
  } else {
    const [current] = await db
      .select({ moCode: attachments.moCode })
      .from(attachments)
      .where(and(eq(attachments.personId, personId), isNull(attachments.validTo)));
    if (current?.moCode === moCode) issues.push(fieldIssue('moCode', 'ATTACHMENT_SAME_MO'));
  }
  if (issues.length || !mo) throw AppError.validation(issues);

  return runImmediateApplication({
    kind: 'attachment',
    ctx,
    subjectPersonId: personId,
    payload: { input: { moCode } },
    subjectCode: mo.subjectCode,
    insurerCode: latest?.insurerCode ?? null,
    idempotencyToken: input.idempotencyToken,
    now,
    perform: async (meta) => {
      const attached = await attachToClinic({ personId, moCode }, meta);
      return {
        effectiveDate: attached.validFrom,
        result: { moCode, clinicName: mo.nameShort, basis: attached.basis },
        notice: `Прикрепление к поликлинике ${mo.nameShort} — с ${formatDateRu(attached.validFrom)}.`,
      };
    },
  });
}
