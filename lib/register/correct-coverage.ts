import { and, eq, isNull } from 'drizzle-orm';
import { coverages } from '@/db/schema';
import { parseDate } from '@/lib/domain/dates';
import { AppError, fieldIssue } from '@/lib/errors';
import { changedFields, runCorrection, type CorrectionAuthor, type CorrectionTarget } from './correction';
import { checkInsurerChoice, subjectExists } from './directory-queries';

export interface CorrectCoverageInput extends CorrectionTarget {
  /** A period the register believes now. */
  coverageId: number;
  insurerCode: string;
  subjectCode: string;
  validFrom: string;
  /** Empty for an open period. */
  validTo?: string | null;
}

/**
 * Corrects a coverage period after the fact (wrong insurer, region or dates). Bitemporal: the period is
 * not edited but retracted (its record time closes) and the corrected one believed from now on, so
 * "coverage on D as known at T" answers as before for every T before the correction, and the new way
 * after it. Status and reason stay (they are changed by commands, through the state machine); the
 * exclusion constraint refuses a period overlapping another (COVERAGE_OVERLAP).
 */
export async function correctCoverage(input: CorrectCoverageInput, author: CorrectionAuthor) {
  return runCorrection(author, input, async (w, { person, c }) => {
    const [row] = await w.tx
      .select()
      .from(coverages)
      .where(
        and(
          eq(coverages.id, input.coverageId),
          eq(coverages.personId, person.id),
          isNull(coverages.recordedTo),
        ),
      );
    if (!row) throw new AppError('CORRECTION_TARGET_NOT_FOUND');
    const validFrom = c.take(parseDate('validFrom', input.validFrom));
    const validTo = input.validTo?.trim() ? c.take(parseDate('validTo', input.validTo)) : null;
    if (validFrom && validFrom < person.birthDate)
      c.add(
        fieldIssue('validFrom', 'DATE_RANGE_INVALID', 'Период не может начинаться раньше даты рождения.'),
      );
    if (validFrom && validTo && validTo <= validFrom) c.add(fieldIssue('validTo', 'DATE_RANGE_INVALID'));
    if (!(await subjectExists(w.tx, input.subjectCode))) c.add(fieldIssue('subjectCode', 'SUBJECT_UNKNOWN'));
    else if (validFrom) {
      const { issue } = await checkInsurerChoice(w.tx, input.insurerCode, input.subjectCode, validFrom);
      if (issue) c.add(fieldIssue('insurerCode', issue));
    }
    if (!validFrom || validTo === undefined) return null;
    const corrected = {
      insurerCode: input.insurerCode,
      subjectCode: input.subjectCode,
      validFrom,
      validTo: validTo,
    };
    const { before, after } = changedFields(
      {
        insurerCode: row.insurerCode,
        subjectCode: row.subjectCode,
        validFrom: row.validFrom,
        validTo: row.validTo,
      },
      corrected,
    );
    return async () => {
      let entityId = row.id;
      if (Object.keys(after).length) {
        const recordedAt = await w.recordTime();
        await w.tx.update(coverages).set({ recordedTo: recordedAt }).where(eq(coverages.id, row.id));
        const [inserted] = await w.tx
          .insert(coverages)
          .values({
            personId: person.id,
            status: row.status,
            reason: row.reason,
            form: row.form,
            ...corrected,
            recordedFrom: recordedAt,
          })
          .returning({ id: coverages.id });
        entityId = inserted!.id;
      }
      return {
        entity: 'coverage' as const,
        entityId,
        action: 'coverage.corrected',
        effectiveDate: corrected.validFrom,
        before: { coverageId: row.id, ...before },
        after,
      };
    };
  });
}
