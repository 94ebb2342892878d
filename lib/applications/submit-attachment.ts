import { and, eq, isNull } from 'drizzle-orm';
import { attachments } from '@/db/schema';
import { formatDateRu } from '@/lib/domain/dates';
import { AppError, fieldIssue, type FieldIssue } from '@/lib/errors';
import { attachToClinic } from '@/lib/register/attach-to-clinic';
import { findMedicalOrganisation } from '@/lib/register/directory-queries';
import { immediateApplication, type ImmediateApplicationInput } from './immediate-application';

export interface SubmitAttachmentInput extends ImmediateApplicationInput {
  /** MCOD of the chosen primary-care clinic of the person's region. */
  moCode: string;
}

export const CHOOSE_CLINIC_MESSAGE = 'Выберите поликлинику из списка.';

/**
 * Journey 6: attach to a primary-care clinic of the person's region — the first time freely, then once a
 * calendar year unless the person moved (the register decides by `attachmentEligibility`).
 */
export const submitAttachment = immediateApplication<SubmitAttachmentInput>(
  'attachment',
  async (input, { db, personId, today, latest }) => {
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

    return {
      payload: { input: { moCode } },
      subjectCode: mo.subjectCode,
      insurerCode: latest?.insurerCode ?? null,
      perform: async (meta) => {
        const attached = await attachToClinic({ personId, moCode }, meta);
        return {
          effectiveDate: attached.validFrom,
          result: { moCode, clinicName: mo.nameShort, basis: attached.basis },
          notice: `Прикрепление к поликлинике ${mo.nameShort} — с ${formatDateRu(attached.validFrom)}.`,
        };
      },
    };
  },
);
