import { changeCurrentPolicy, type CoverageChangeResult, type PolicyChangeTarget } from './change-coverage';
import { requireRegionAndInsurer } from './directory-queries';
import type { WriteMeta } from './writer';

export interface ChangeRegionInput extends PolicyChangeTarget {
  subjectCode: string;
  /** An insurer serving the new region (the current one if it does). */
  insurerCode: string;
}

/**
 * Moves the person's insurance to another subject of the RF. The ЕНП stays; the move is recorded as such
 * and unlocks an extra change of insurer and of clinic.
 */
export async function changeRegion(input: ChangeRegionInput, meta: WriteMeta): Promise<CoverageChangeResult> {
  return changeCurrentPolicy(input, meta, async (w, latest, on) => {
    await requireRegionAndInsurer(w.tx, input.subjectCode, input.insurerCode, on);
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
  });
}
