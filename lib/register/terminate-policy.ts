import { TERMINATION_REASONS, type TerminationReason } from '@/lib/domain/coverage';
import { AppError, fieldIssue } from '@/lib/errors';
import { changeCoverage, type CoverageChangeResult } from './change-coverage';
import { effectiveDate } from './effective-date';
import { runWrite, type WriteMeta } from './writer';

export interface TerminatePolicyInput {
  personId: number;
  reason: TerminationReason;
  on?: string | null;
  expectedVersion?: number;
}

/** Ends a policy: death (also recorded on the person), loss of citizenship, an annulled or expired permit. */
export async function terminatePolicy(
  input: TerminatePolicyInput,
  meta: WriteMeta,
): Promise<CoverageChangeResult> {
  if (!TERMINATION_REASONS.includes(input.reason)) {
    throw AppError.validation([fieldIssue('reason', 'COVERAGE_REASON_INVALID')]);
  }
  return runWrite(meta, (w) =>
    changeCoverage(w, {
      personId: input.personId,
      expectedVersion: input.expectedVersion,
      plan: () => ({
        command: { type: 'terminate', on: effectiveDate(input.on, w.today), reason: input.reason },
      }),
    }),
  );
}
