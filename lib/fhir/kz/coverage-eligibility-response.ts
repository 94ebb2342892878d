import type { CoverageEligibilityResponse, Resource } from '@medplum/fhirtypes';
import type { OsmsLookupOutcome } from '@/lib/kz/lookup/osms-answer';
import { fhirText, flattenForContainment, localReference, staleMeta } from '../common';
import type { EligibilityContext } from '../coverage-eligibility-response';
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
  const base = {
    resourceType: 'CoverageEligibilityResponse' as const,
    status: 'active' as const,
    purpose: ctx.purpose?.length ? ctx.purpose : ['validation' as const],
    created: ctx.created,
    request: ctx.request,
    insurer: localReference(fund),
  };
  if (outcome.kind === 'not_found') {
    const text = sentence(outcome.status.text, outcome.status.advice);
    return {
      ...base,
      contained: [fund],
      patient: { type: 'Patient', identifier: ctx.asked },
      servicedDate: outcome.asOf,
      outcome: 'error',
      disposition: text,
      error: [
        {
          code: {
            coding: [
              { system: OSMS_STATUS_SYSTEM, code: 'NOT_FOUND', display: OSMS_STATUS_DISPLAY.NOT_FOUND },
            ],
            text,
          },
        },
      ],
    };
  }
  const { answer } = outcome;
  const patient = toOsmsPatient(answer);
  const coverage = toOsmsCoverage(answer, {
    beneficiary: localReference(patient),
    payor: { reference: `#${FUND_LOCAL_ID}` },
  });
  const contained: Resource[] = flattenForContainment([patient, fund, coverage]);
  const stale = answer.stale
    ? ' Ответ дан по последним известным сведениям: регистр временно недоступен, право на медицинскую помощь сохраняется до восстановления работы.'
    : '';
  return {
    ...base,
    ...staleMeta(answer),
    contained,
    patient: localReference(patient),
    servicedDate: answer.asOf,
    outcome: 'complete',
    disposition: sentence(answer.text, answer.advice) + stale,
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
