import type { SearchEntry } from '@/lib/fhir/bundle';
import { toCoverage } from '@/lib/fhir/coverage';
import {
  lookupStatusOutcome,
  parameterWarningsOutcome,
  staleAnswerOutcome,
} from '@/lib/fhir/operation-outcome';
import { toPatient } from '@/lib/fhir/patient';
import type { KnownOutcome } from './lookup';

/**
 * The entries of a search answered by one lookup: the resources asked for — the Patient, and the Coverage
 * as the match or included beside the Patient — or, where there is none, why (never a bare "not insured",
 * rule 9); then the notes: a last-known answer, warnings about the accepted parameters.
 */
export function lookupSearchEntries(
  found: KnownOutcome,
  want: { patient: boolean; coverage: 'match' | 'include' | null },
): SearchEntry[] {
  const entries: SearchEntry[] = [];
  if (found.kind === 'not_found') {
    entries.push({ resource: lookupStatusOutcome(found.status), mode: 'outcome' });
  } else {
    const { answer } = found;
    if (want.patient) entries.push({ resource: toPatient(answer), mode: 'match' });
    if (want.coverage) {
      const coverage = toCoverage(answer);
      entries.push(
        coverage
          ? { resource: coverage, mode: want.coverage }
          : {
              resource: lookupStatusOutcome({
                code: answer.statusCode,
                text: answer.statusText,
                nextStep: answer.nextStep,
              }),
              mode: 'outcome',
            },
      );
    }
    if (answer.stale) entries.push({ resource: staleAnswerOutcome(answer), mode: 'outcome' });
  }
  if (found.warnings.length > 0)
    entries.push({ resource: parameterWarningsOutcome(found.warnings), mode: 'outcome' });
  return entries;
}
