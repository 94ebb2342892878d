import type { CapabilityStatement, CapabilityStatementRestResourceSearchParam } from '@medplum/fhirtypes';
import { jurisdictionProfile } from '@/lib/jurisdiction/current';
import { nationalPart } from '@/lib/jurisdiction/national';
import type { JurisdictionProfile } from '@/lib/jurisdiction/profile';
import { identifierSystems, type NationalCapability } from './capability-parts';
import { osmsCapability } from './kz/capability-statement';
import { ENP_SYSTEM, F011_SYSTEM, POLICY_STATE_EXTENSION, POLICY_SUSPENDED_MODIFIER } from './systems';

/**
 * What /fhir really does, and only that: read and search of Patient and Coverage with the parameters the
 * search parser accepts (lib/fhir/search-params.ts), and CoverageEligibilityRequest by POST. A test checks
 * that this list and the parser agree.
 */

/** When the statement last changed (CapabilityStatement.date is mandatory). */
export const CAPABILITY_STATEMENT_DATE = '2026-12-05';

const SP = 'http://hl7.org/fhir/SearchParameter';

const patientSearchParams = (profile: JurisdictionProfile): CapabilityStatementRestResourceSearchParam[] => [
  {
    name: 'identifier',
    definition: `${SP}/Patient-identifier`,
    type: 'token',
    documentation:
      `system|value, one value. Systems: ${identifierSystems(profile)}. The http:// spelling, ` +
      'the older …/core/systems/… path and …/systems/OMS are accepted too. Modifier :of-type for identity ' +
      `documents: identifier:of-type=${F011_SYSTEM}|<F011 code>|<series> <number> (e.g. …|14|4510 123456), ` +
      'or the Russian core НСИ identity-document codes 1, 5, 6; only with birthdate.',
  },
  {
    name: 'birthdate',
    definition: `${SP}/individual-birthdate`,
    type: 'date',
    documentation: 'A whole date YYYY-MM-DD (optionally prefixed eq). Required with СНИЛС and documents.',
  },
];

const coverageSearchParams: CapabilityStatementRestResourceSearchParam[] = [
  {
    name: 'identifier',
    definition: `${SP}/Coverage-identifier`,
    type: 'token',
    documentation: `The policy number: ${ENP_SYSTEM}|<ЕНП>.`,
  },
  {
    name: 'beneficiary',
    definition: `${SP}/Coverage-beneficiary`,
    type: 'reference',
    documentation:
      'Chained only, to Patient: beneficiary.identifier (as Patient identifier, also :of-type) and ' +
      'beneficiary.birthdate; the chain may be typed (beneficiary:Patient.identifier).',
  },
];

function russianCapability(profile: JurisdictionProfile): NationalCapability {
  return {
    description:
      'Проверка полиса ОМС для медицинских организаций: пациент, страховое покрытие и право на помощь на дату.',
    documentation:
      'Every answer is as of today (Moscow) unless a CoverageEligibilityRequest gives servicedDate. A ' +
      'search that finds nobody is a Bundle with total 0 and an OperationOutcome entry saying why. Coverage ' +
      `carries the policy state (active | suspended | terminated) in the extension ${POLICY_STATE_EXTENSION}; ` +
      'resources served from the last known state while the register is unavailable are tagged stale.',
    resources: [
      {
        type: 'Patient',
        interaction: [{ code: 'read' }, { code: 'search-type' }],
        searchRevInclude: ['Coverage:beneficiary'],
        searchParam: patientSearchParams(profile),
        documentation:
          'Patient id is enp-<ЕНП>. name: family, given[0] first name, given[1] patronymic. ' +
          'generalPractitioner: the attached medical organisation (contained).',
      },
      {
        type: 'Coverage',
        interaction: [{ code: 'read' }, { code: 'search-type' }],
        searchParam: coverageSearchParams,
        documentation:
          'Coverage id is oms-<ЕНП>. payor: the insurer (contained Organization). status: active for an ' +
          'active or suspended policy, cancelled for a terminated one; the policy state is in the extension, ' +
          `and a suspended policy also carries the modifier extension ${POLICY_SUSPENDED_MODIFIER}.`,
      },
      {
        type: 'CoverageEligibilityRequest',
        interaction: [{ code: 'create' }],
        documentation:
          'POST a CoverageEligibilityRequest (patient: a contained Patient with identifier and birthDate, ' +
          'Patient/enp-<ЕНП>, or an identifier; servicedDate: the as-of date). Nothing is stored: the answer ' +
          'is a CoverageEligibilityResponse (200) with insurance[].inforce.',
      },
    ],
  };
}

export function capabilityStatement(baseUrl: string): CapabilityStatement {
  const profile = jurisdictionProfile();
  const national = nationalPart({ ru: russianCapability, kz: osmsCapability })(profile);
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: CAPABILITY_STATEMENT_DATE,
    publisher: profile.texts.registerName,
    description: national.description,
    kind: 'instance',
    software: { name: 'oms-register' },
    implementation: { description: `${profile.texts.registerName} — FHIR API`, url: baseUrl },
    fhirVersion: '4.0.1',
    format: ['application/fhir+json', 'json'],
    rest: [
      {
        mode: 'server',
        documentation: national.documentation,
        security: {
          cors: false,
          // An API key per medical organisation is none of the restful-security-service codes: text only.
          service: [{ text: 'Authorization: Bearer <ключ API медицинской организации>' }],
          description:
            'Every interaction except metadata needs the API key of a medical organisation: ' +
            'Authorization: Bearer <key>. Without a valid key: 401.',
        },
        resource: national.resources,
      },
    ],
  };
}
