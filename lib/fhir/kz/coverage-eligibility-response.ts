import type { CoverageEligibilityResponse, Resource } from '@medplum/fhirtypes';
import type { OsmsLookupOutcome } from '@/lib/kz/lookup/osms-answer';
import { fhirText, flattenForContainment, localReference, staleMeta } from '../common';
import {
  eligibilityFrame,
  notFoundEligibility,
  STALE_DISPOSITION,
  type EligibilityContext,
} from '../coverage-eligibility-response';
import { FUND_LOCAL_ID, fundOrganization, osmsStatusExtension, toOsmsCoverage } from './coverage';
import { toOsmsPatient } from './patient';
import { OSMS_STATUS_SYSTEM } from '@/lib/kz/fhir-systems';
import { OSMS_STATUS_DISPLAY } from './systems';

/**
 * A lookup's outcome → CoverageEligibilityResponse in a Kazakh deployment: "may this person be treated
 * under ОСМС on this date?" (ADR 0033). Self-contained like the Russian answer: the Patient, the fund and
 * the Coverage are contained.
 *
 *  - found: outcome `complete`, one `insurance` whose `inforce` is the status, with the ground (or the
 *    reason) in OSMS_STATUS_EXTENSION on the insurance itself — the answer a system reads first — and
 *    `benefitPeriod.end` the last day the status holds; `disposition` says it in Russian, with the advice;
 *  - not found: outcome `error`, `error[]` coded NOT_FOUND with the explanation and what to do.
 *
 * `insurer` (mandatory) is the fund.
 */

type FoundOrNot = Exclude<OsmsLookupOutcome, { kind: 'unavailable' }>;

function sentence(text: string, advice: string | null): string {
  return fhirText(advice ? `${text} ${advice}` : text);
}

export function toOsmsEligibilityResponse(
  outcome: FoundOrNot,
  ctx: EligibilityContext,
): CoverageEligibilityResponse {
  const fund = fundOrganization();
  if (outcome.kind === 'not_found') {
    return notFoundEligibility(ctx, fund, outcome.asOf, {
      coding: { system: OSMS_STATUS_SYSTEM, code: 'NOT_FOUND', display: OSMS_STATUS_DISPLAY.NOT_FOUND },
      text: sentence(outcome.status.text, outcome.status.advice),
    });
  }
  const { answer } = outcome;
  const patient = toOsmsPatient(answer);
  const coverage = toOsmsCoverage(answer, {
    beneficiary: localReference(patient),
    payor: { reference: `#${FUND_LOCAL_ID}` },
  });
  const contained: Resource[] = flattenForContainment([patient, fund, coverage]);
  return {
    ...eligibilityFrame(ctx),
    insurer: localReference(fund),
    ...staleMeta(answer),
    contained,
    patient: localReference(patient),
    servicedDate: answer.asOf,
    outcome: 'complete',
    disposition: sentence(answer.text, answer.advice) + (answer.stale ? STALE_DISPOSITION : ''),
    insurance: [
      {
        extension: [osmsStatusExtension(answer)],
        coverage: localReference(coverage),
        inforce: answer.insured,
        ...(answer.insured && answer.until ? { benefitPeriod: { end: answer.until } } : {}),
      },
    ],
  };
}
