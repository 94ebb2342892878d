import { eq } from 'drizzle-orm';
import { attachments } from '@/db/schema';
import type { LocalDate } from '@/lib/domain/dates';
import { AppError, fieldIssue } from '@/lib/errors';
import { loadAttachmentFacts } from './attachment-facts';
import { findMedicalOrganisation } from './directory-queries';
import { runWrite, type WriteMeta } from './writer';

export interface AttachToClinicInput {
  personId: number;
  moCode: string;
  expectedVersion?: number;
}

export interface AttachmentResult {
  personId: number;
  moCode: string;
  validFrom: LocalDate;
  basis: 'first' | 'annual' | 'after_move';
}

/**
 * Attaches the person to a primary-care clinic of their region (323-ФЗ ст. 21): the first time freely,
 * then no more than once a calendar year unless they moved. Closes the previous attachment.
 */
export async function attachToClinic(input: AttachToClinicInput, meta: WriteMeta): Promise<AttachmentResult> {
  return runWrite(meta, async (w) => {
    const { person, latest: coverage } = await w.lockAuthorised(input.personId, 'attachment:change', {
      expectedVersion: input.expectedVersion,
    });
    if (person.deathDate) throw new AppError('PERSON_DECEASED');
    if (
      !coverage ||
      coverage.status === 'terminated' ||
      (coverage.validTo !== null && coverage.validTo <= w.today)
    ) {
      throw new AppError('COVERAGE_NONE');
    }
    const mo = await findMedicalOrganisation(w.tx, input.moCode);
    if (!mo) throw AppError.validation([fieldIssue('moCode', 'MO_UNKNOWN')]);
    if (mo.subjectCode !== coverage.subjectCode)
      throw new AppError('MO_NOT_IN_REGION', { fields: [fieldIssue('moCode', 'MO_NOT_IN_REGION')] });
    if (!mo.primaryCare)
      throw new AppError('MO_NOT_PRIMARY_CARE', { fields: [fieldIssue('moCode', 'MO_NOT_PRIMARY_CARE')] });

    const { current, eligibility } = await loadAttachmentFacts(w.tx, person.id, w.today);
    if (current?.moCode === input.moCode) throw new AppError('ATTACHMENT_SAME_MO');
    if (!eligibility.allowed) {
      throw new AppError('ATTACHMENT_LIMIT', {
        message: eligibility.message,
        details: { nextAllowedDate: eligibility.nextAllowedDate },
      });
    }

    const on = w.today;
    if (current) {
      if (current.validFrom === on) {
        // Re-attached the same day: the earlier choice never took effect; the event keeps it in history.
        await w.tx.delete(attachments).where(eq(attachments.id, current.id));
      } else {
        await w.tx.update(attachments).set({ validTo: on }).where(eq(attachments.id, current.id));
      }
    }
    const [row] = await w.tx
      .insert(attachments)
      .values({ personId: person.id, moCode: mo.code, validFrom: on, reason: eligibility.basis })
      .returning({ id: attachments.id });
    await w.record({
      personId: person.id,
      entity: 'attachment',
      entityId: row!.id,
      action: current ? 'attachment.changed' : 'attachment.created',
      effectiveDate: on,
      data: { moCode: mo.code, previousMoCode: current?.moCode ?? null, basis: eligibility.basis },
    });
    await w.touchPerson(person.id);
    return { personId: person.id, moCode: mo.code, validFrom: on, basis: eligibility.basis };
  });
}
