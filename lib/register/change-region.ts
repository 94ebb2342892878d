import { AppError, fieldIssue } from '@/lib/errors';
import { changeCoverage, type CoverageChangeResult } from './change-coverage';
import { requireInsurerServing, subjectExists } from './directory-queries';
import { runWrite, type WriteMeta } from './writer';

export interface ChangeRegionInput {
  personId: number;
  subjectCode: string;
  /** An insurer serving the new region (the current one if it does). */
  insurerCode: string;
  expectedVersion?: number;
}

/**
 * Moves the person's insurance to another subject of the RF. The ЕНП stays; the move is recorded as such
 * and unlocks an extra change of insurer and of clinic.
 */
export async function changeRegion(input: ChangeRegionInput, meta: WriteMeta): Promise<CoverageChangeResult> {
  return runWrite(meta, (w) =>
    changeCoverage(w, {
      personId: input.personId,
      expectedVersion: input.expectedVersion,
      plan: async ({ latest }) => {
        if (!latest) throw new AppError('COVERAGE_NONE');
        const on = w.today;
        if (!(await subjectExists(w.tx, input.subjectCode))) {
          throw AppError.validation([fieldIssue('subjectCode', 'SUBJECT_UNKNOWN')]);
        }
        await requireInsurerServing(w.tx, input.insurerCode, input.subjectCode, on);
        return {
          command: {
            type: 'change_region',
            on,
            subjectCode: input.subjectCode,
            insurerCode: input.insurerCode,
          },
          eventData: {
            insurerChanged: input.insurerCode !== latest.insurerCode,
            fromSubjectCode: latest.subjectCode,
          },
        };
      },
    }),
  );
}
