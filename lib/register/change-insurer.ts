import { insurerChangeEligibility } from '@/lib/domain/ru/insurer-change';
import { AppError } from '@/lib/errors';
import { changeCurrentPolicy, type CoverageChangeResult, type PolicyChangeTarget } from './change-coverage';
import { requireInsurerServing } from './directory-queries';
import { loadInsurerChangeFacts } from './insurer-change-facts';
import type { WriteMeta } from './writer';

export interface ChangeInsurerInput extends PolicyChangeTarget {
  insurerCode: string;
}

/**
 * Replaces the insurer (326-ФЗ ст. 16): once a calendar year with the application by 1 November, more
 * often after a move or when the insurer leaves the region. Takes effect on the day it is entered in the
 * register (the application's date); the new insurer must serve the person's region.
 */
export async function changeInsurer(
  input: ChangeInsurerInput,
  meta: WriteMeta,
): Promise<CoverageChangeResult> {
  return changeCurrentPolicy(input, meta, async (w, latest, on) => {
    await requireInsurerServing(w.tx, input.insurerCode, latest.subjectCode, on);
    let basis: string | undefined;
    if (latest.insurerCode !== input.insurerCode && latest.status === 'active') {
      const eligibility = insurerChangeEligibility(
        await loadInsurerChangeFacts(w.tx, input.personId, latest, on),
      );
      if (!eligibility.allowed) {
        throw new AppError(eligibility.code, {
          message: eligibility.message,
          details: { nextAllowedDate: eligibility.nextAllowedDate },
        });
      }
      basis = eligibility.basis;
    }
    return {
      command: { type: 'change_insurer', on, insurerCode: input.insurerCode },
      eventData: { basis },
    };
  });
}
