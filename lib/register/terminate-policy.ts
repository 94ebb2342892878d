import { TERMINATION_REASONS, type TerminationReason } from '@/lib/domain/ru/coverage';
import { changeWithReason, type PolicyChangeTarget, type CoverageChangeResult } from './change-coverage';
import type { WriteMeta } from './writer';

export interface TerminatePolicyInput extends PolicyChangeTarget {
  reason: TerminationReason;
  on?: string | null;
}

/** Ends a policy: death (also recorded on the person), loss of citizenship, an annulled or expired permit. */
export async function terminatePolicy(
  input: TerminatePolicyInput,
  meta: WriteMeta,
): Promise<CoverageChangeResult> {
  return changeWithReason(TERMINATION_REASONS, input, meta, (on) => ({
    type: 'terminate',
    on,
    reason: input.reason,
  }));
}
