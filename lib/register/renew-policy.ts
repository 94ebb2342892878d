import { changeCoverage, type CoverageChangeResult } from './change-coverage';
import { effectiveDate } from './effective-date';
import { runWrite, type WriteMeta } from './writer';

export interface RenewPolicyInput {
  personId: number;
  on?: string | null;
  expectedVersion?: number;
}

/** Renews a suspended policy when the service ends (by application or the military feed). */
export async function renewPolicy(input: RenewPolicyInput, meta: WriteMeta): Promise<CoverageChangeResult> {
  return runWrite(meta, (w) =>
    changeCoverage(w, {
      personId: input.personId,
      expectedVersion: input.expectedVersion,
      plan: () => ({ command: { type: 'renew', on: effectiveDate(input.on, w.today) } }),
    }),
  );
}
