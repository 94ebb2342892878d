import { SUSPENSION_REASONS, type SuspensionReason } from '@/lib/domain/ru/coverage';
import { changeWithReason, type PolicyChangeTarget, type CoverageChangeResult } from './change-coverage';
import type { WriteMeta } from './writer';

export interface SuspendPolicyInput extends PolicyChangeTarget {
  reason: SuspensionReason;
  on?: string | null;
}

/** Suspends an active policy for military or equivalent service (by application or the military feed). */
export async function suspendPolicy(
  input: SuspendPolicyInput,
  meta: WriteMeta,
): Promise<CoverageChangeResult> {
  return changeWithReason(SUSPENSION_REASONS, input, meta, (on) => ({
    type: 'suspend',
    on,
    reason: input.reason,
  }));
}
