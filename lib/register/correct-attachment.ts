import { and, eq } from 'drizzle-orm';
import { attachments } from '@/db/schema';
import { parseDate } from '@/lib/domain/dates';
import { AppError, fieldIssue } from '@/lib/errors';
import { changedFields, runCorrection, type CorrectionAuthor, type CorrectionTarget } from './correction';
import { findMedicalOrganisation } from './directory-queries';

export interface CorrectAttachmentInput extends CorrectionTarget {
  attachmentId: number;
  moCode: string;
  validFrom: string;
}

/**
 * Corrects an attachment recorded wrongly (the clinic or the date it began): the clinic must exist, give
 * primary care and lie in the person's region. Attachments keep their history as closed periods and
 * events; the earlier values stay in this correction's event. Overlaps are refused by the database.
 */
export async function correctAttachment(input: CorrectAttachmentInput, author: CorrectionAuthor) {
  return runCorrection(author, input, async (w, { person, latest, c }) => {
    const [row] = await w.tx
      .select()
      .from(attachments)
      .where(and(eq(attachments.id, input.attachmentId), eq(attachments.personId, person.id)));
    if (!row) throw new AppError('CORRECTION_TARGET_NOT_FOUND');
    const validFrom = c.take(parseDate('validFrom', input.validFrom));
    if (validFrom && row.validTo && validFrom >= row.validTo)
      c.add(
        fieldIssue(
          'validFrom',
          'DATE_RANGE_INVALID',
          'Дата начала должна быть раньше окончания прикрепления.',
        ),
      );
    if (validFrom && validFrom < person.birthDate)
      c.add(
        fieldIssue(
          'validFrom',
          'DATE_RANGE_INVALID',
          'Прикрепление не может начинаться раньше даты рождения.',
        ),
      );
    const mo = /^\d{6}$/.test(input.moCode.trim())
      ? await findMedicalOrganisation(w.tx, input.moCode.trim())
      : null;
    if (!mo) c.add(fieldIssue('moCode', 'MO_UNKNOWN'));
    else if (latest && mo.subjectCode !== latest.subjectCode) c.add(fieldIssue('moCode', 'MO_NOT_IN_REGION'));
    else if (!mo.primaryCare) c.add(fieldIssue('moCode', 'MO_NOT_PRIMARY_CARE'));
    if (!validFrom || !mo) return null;
    const { before, after } = changedFields(
      { moCode: row.moCode, validFrom: row.validFrom },
      { moCode: mo.code, validFrom },
    );
    return async () => {
      if (Object.keys(after).length)
        await w.tx.update(attachments).set(after).where(eq(attachments.id, row.id));
      return {
        entity: 'attachment' as const,
        entityId: row.id,
        action: 'attachment.corrected',
        effectiveDate: validFrom,
        before,
        after,
      };
    };
  });
}
