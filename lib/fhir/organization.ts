import type { Organization, Reference } from '@medplum/fhirtypes';
import type { PolicyAnswer } from '@/lib/lookup/policy-answer';
import { MCOD_SYSTEM, ORGANIZATION_TYPE_SYSTEM, SMOCOD_SYSTEM } from './systems';

/**
 * Organisations of an answer: the insurer (СМО) that pays for the patient's care and the medical
 * organisation (МО) the patient is attached to. They are contained in the resource that refers to them
 * (Coverage.payor, Patient.generalPractitioner): the register answers about one person, and a contained
 * organisation keeps every answer self-sufficient without a separate Organization endpoint.
 */

export const INSURER_LOCAL_ID = 'smo';
export const CLINIC_LOCAL_ID = 'mo';
export const REGISTER_LOCAL_ID = 'register';

export function insurerOrganization(
  insurer: NonNullable<PolicyAnswer['insurer']>,
  id: string = INSURER_LOCAL_ID,
): Organization {
  return {
    resourceType: 'Organization',
    id,
    identifier: [{ use: 'official', system: SMOCOD_SYSTEM, value: insurer.code }],
    active: true,
    type: [
      {
        coding: [{ system: ORGANIZATION_TYPE_SYSTEM, code: 'ins', display: 'Insurance Company' }],
        text: 'Страховая медицинская организация',
      },
    ],
    name: insurer.name,
    ...(insurer.phone ? { telecom: [{ system: 'phone', value: insurer.phone, use: 'work' }] } : {}),
  };
}

export function clinicOrganization(
  clinic: NonNullable<PolicyAnswer['clinic']>,
  id: string = CLINIC_LOCAL_ID,
): Organization {
  return {
    resourceType: 'Organization',
    id,
    identifier: [{ use: 'official', system: MCOD_SYSTEM, value: clinic.code }],
    active: true,
    type: [
      {
        coding: [{ system: ORGANIZATION_TYPE_SYSTEM, code: 'prov', display: 'Healthcare Provider' }],
        text: 'Медицинская организация',
      },
    ],
    name: clinic.name,
  };
}

/**
 * The register itself, as the author of an eligibility answer when no insurer is known (the person was not
 * found, or had no policy on the date): CoverageEligibilityResponse.insurer is mandatory.
 */
export function registerOrganization(id: string = REGISTER_LOCAL_ID): Organization {
  return {
    resourceType: 'Organization',
    id,
    active: true,
    type: [
      {
        coding: [{ system: ORGANIZATION_TYPE_SYSTEM, code: 'govt', display: 'Government' }],
        text: 'Фонд обязательного медицинского страхования',
      },
    ],
    name: 'Единый регистр застрахованных лиц ОМС',
  };
}

/** A reference to the contained insurer that also names it, so a client need not resolve `#smo`. */
export function insurerReference(
  insurer: NonNullable<PolicyAnswer['insurer']>,
  id: string = INSURER_LOCAL_ID,
): Reference<Organization> {
  return {
    reference: `#${id}`,
    type: 'Organization',
    identifier: { system: SMOCOD_SYSTEM, value: insurer.code },
    display: insurer.name,
  };
}
