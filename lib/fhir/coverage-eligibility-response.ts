import type {
  Coding,
  CoverageEligibilityRequest,
  CoverageEligibilityResponse,
  CoverageEligibilityResponseInsurance,
  Identifier,
  Organization,
  Reference,
  Resource,
} from '@medplum/fhirtypes';
import type { PolicyStatus } from '@/lib/domain/ru/policy-status';
import type { PolicyAnswer } from '@/lib/lookup/policy-answer';
import { fhirPeriod, flattenForContainment, localReference, staleMeta } from './common';
import { POLICY_STATUS_DISPLAY, toCoverage } from './coverage';
import { insurerOrganization, insurerReference, registerOrganization } from './organization';
import { toPatient } from './patient';
import { POLICY_STATUS_SYSTEM } from './systems';

/**
 * A lookup's outcome → CoverageEligibilityResponse, the answer to "may this person be treated under ОМС on
 * this date?" (POST /fhir/CoverageEligibilityRequest, servicedDate = the visit date).
 *
 * The response is self-contained: the Patient, the insurer (Organization), the attached МО and the Coverage
 * are contained resources, so a clinic's system needs no further request.
 *
 *  - found, with a policy record on the date: outcome `complete`, one `insurance` with `inforce` true only
 *    for an active policy (a suspended one is `inforce: false`; its Coverage says `suspended` in the
 *    policy-state extension), `benefitPeriod` the period in force;
 *  - found, no policy on the date: outcome `complete`, no insurance, the reason in `disposition`;
 *  - not found: outcome `error`, `error[]` coded NOT_FOUND with the Russian explanation and next step.
 *
 * `insurer` (mandatory in FHIR) is the СМО when known, else the register itself.
 */

export type EligibilityOutcome =
  { kind: 'found'; answer: PolicyAnswer } | { kind: 'not_found'; status: PolicyStatus; asOf: string };

export interface EligibilityContext {
  request: Reference<CoverageEligibilityRequest>;
  purpose: CoverageEligibilityResponse['purpose'];
  /** The identifier the request named the patient by (for an answer that found nobody). */
  asked: Identifier;
  /** When the response was made (ISO instant). */
  created: string;
}

function sentence(text: string, nextStep: string | null): string {
  return nextStep ? `${text} ${nextStep}` : text;
}

/** What every eligibility answer carries first, whichever jurisdiction answers: status, purpose, request. */
export function eligibilityFrame(ctx: EligibilityContext) {
  return {
    resourceType: 'CoverageEligibilityResponse' as const,
    status: 'active' as const,
    purpose: ctx.purpose?.length ? ctx.purpose : ['validation' as const],
    created: ctx.created,
    request: ctx.request,
  };
}

/** Nobody was found: outcome `error`, the patient as asked, why — coded and in words — by `author`. */
export function notFoundEligibility(
  ctx: EligibilityContext,
  author: Organization,
  asOf: string,
  status: { coding: Coding; text: string },
): CoverageEligibilityResponse {
  return {
    ...eligibilityFrame(ctx),
    contained: [author],
    patient: { type: 'Patient', identifier: ctx.asked },
    servicedDate: asOf,
    outcome: 'error',
    disposition: status.text,
    insurer: localReference(author),
    error: [{ code: { coding: [status.coding], text: status.text } }],
  };
}

/** Said after the disposition of an answer served from the last known state (rule 10). */
export const STALE_DISPOSITION =
  ' Ответ дан по последнему известному состоянию: регистр временно недоступен, право на медицинскую помощь сохраняется до восстановления работы.';

export function toEligibilityResponse(
  outcome: EligibilityOutcome,
  ctx: EligibilityContext,
): CoverageEligibilityResponse {
  const base = eligibilityFrame(ctx);
  if (outcome.kind === 'not_found') {
    return notFoundEligibility(ctx, registerOrganization(), outcome.asOf, {
      coding: {
        system: POLICY_STATUS_SYSTEM,
        code: outcome.status.code,
        display: POLICY_STATUS_DISPLAY[outcome.status.code],
      },
      text: sentence(outcome.status.text, outcome.status.nextStep),
    });
  }

  const { answer } = outcome;
  const patient = toPatient(answer);
  const insurerOrg = answer.insurer ? insurerOrganization(answer.insurer) : registerOrganization();
  const insurerRef = answer.insurer ? insurerReference(answer.insurer) : localReference(insurerOrg);
  const coverage = toCoverage(answer, { beneficiary: localReference(patient), payor: insurerRef });
  const contained: Resource[] = flattenForContainment([patient, insurerOrg, ...(coverage ? [coverage] : [])]);
  const insurance: CoverageEligibilityResponseInsurance[] = coverage
    ? [
        {
          coverage: localReference(coverage),
          inforce: answer.status === 'active' && answer.insured,
          ...(answer.status === 'active' && answer.coverage
            ? { benefitPeriod: fhirPeriod(answer.coverage) }
            : {}),
        },
      ]
    : [];
  const stale = answer.stale ? STALE_DISPOSITION : '';
  return {
    ...base,
    ...staleMeta(answer),
    contained,
    patient: localReference(patient),
    servicedDate: answer.asOf,
    outcome: 'complete',
    disposition: sentence(answer.statusText, answer.nextStep) + stale,
    insurer: insurerRef,
    ...(insurance.length ? { insurance } : {}),
  };
}
