import { SUSPENSION_REASONS, type SuspensionReason } from '@/lib/domain/coverage';
import { AppError, fieldIssue } from '@/lib/errors';
import { changeCoverage, type CoverageChangeResult } from './change-coverage';
import { effectiveDate } from './effective-date';
import { runWrite, type WriteMeta } from './writer';

export interface SuspendPolicyInput {
  personId: number;
  reason: SuspensionReason;
  on?: string | null;
  expectedVersion?: number;
}

/** Suspends an active policy for military or equivalent service (by application or the military feed). */
export async function suspendPolicy(
  input: SuspendPolicyInput,
  meta: WriteMeta,
): Promise<CoverageChangeResult> {
  if (!SUSPENSION_REASONS.includes(input.reason)) {
    throw AppError.validation([fieldIssue('reason', 'COVERAGE_REASON_INVALID')]);
  }
  return runWrite(meta, (w) =>
    changeCoverage(w, {
      personId: input.personId,
      expectedVersion: input.expectedVersion,
      plan: () => ({
        command: { type: 'suspend', on: effectiveDate(input.on, w.today), reason: input.reason },
      }),
    }),
  );
}
