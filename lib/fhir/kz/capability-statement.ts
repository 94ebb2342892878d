import type { JurisdictionProfile } from '@/lib/jurisdiction/profile';
import { identifierSystems, type NationalCapability } from '../capability-parts';
import { IIN_SYSTEM, OSMS_CATEGORY_SYSTEM, OSMS_STATUS_SYSTEM } from '@/lib/kz/fhir-systems';
import { OSMS_STATUS_EXTENSION } from './systems';

const SP = 'http://hl7.org/fhir/SearchParameter';

/**
 * What /fhir does in a Kazakh deployment (ADR 0033): the same resources as the Russian doors, searched by
 * ИИН only (lib/fhir/kz/search-params.ts), the status and its ground in OSMS_STATUS_EXTENSION. A test
 * checks that this list and the parser agree.
 */
export function osmsCapability(profile: JurisdictionProfile): NationalCapability {
  return {
    description:
      'Проверка статуса в системе ОСМС для медицинских организаций: пациент по ИИН, его статус, основание и срок на дату.',
    documentation:
      'Every answer is as of today (Astana, UTC+5) unless a CoverageEligibilityRequest gives servicedDate. The ' +
      `status is derived from the fund's facts on that date; its ground (or, when not insured, the reason) is ` +
      `coded in ${OSMS_STATUS_SYSTEM} and the category in ${OSMS_CATEGORY_SYSTEM}, carried by the extension ` +
      `${OSMS_STATUS_EXTENSION} on CoverageEligibilityResponse.insurance and on Coverage. A search that finds ` +
      'nobody is a Bundle with total 0 and an OperationOutcome entry saying why. While the register cannot be ' +
      'read, the status is derived from the last facts known, with dataUnavailableSince (the right is kept ' +
      'until the systems are restored) and the resources tagged stale.',
    resources: [
      {
        type: 'Patient',
        interaction: [{ code: 'read' }, { code: 'search-type' }],
        searchRevInclude: ['Coverage:beneficiary'],
        searchParam: [
          {
            name: 'identifier',
            definition: `${SP}/Patient-identifier`,
            type: 'token',
            documentation: `system|value, one value. Systems: ${identifierSystems(profile)}. The ИИН is the only key: no birthdate.`,
          },
        ],
        documentation:
          'Patient id is iin-<ИИН>. name: family, given[0] first name, given[1] patronymic; gender; birthDate.',
      },
      {
        type: 'Coverage',
        interaction: [{ code: 'read' }, { code: 'search-type' }],
        searchParam: [
          {
            name: 'identifier',
            definition: `${SP}/Coverage-identifier`,
            type: 'token',
            documentation: `${IIN_SYSTEM}|<ИИН>.`,
          },
          {
            name: 'beneficiary',
            definition: `${SP}/Coverage-beneficiary`,
            type: 'reference',
            documentation:
              'Chained only, to Patient: beneficiary.identifier (the ИИН); the chain may be typed (beneficiary:Patient.identifier).',
          },
        ],
        documentation:
          'Coverage id is osms-<ИИН>: the person’s standing in ОСМС on the date. status: active when insured, ' +
          'cancelled when not; period.end: the last day the status holds on the facts known; payor: the fund ' +
          `(contained); the ground, category and until in ${OSMS_STATUS_EXTENSION}.`,
      },
      {
        type: 'CoverageEligibilityRequest',
        interaction: [{ code: 'create' }],
        documentation:
          'POST a CoverageEligibilityRequest (patient: a contained Patient with the ИИН identifier, ' +
          'Patient/iin-<ИИН>, or an identifier; servicedDate: the as-of date). Nothing is stored: the answer is ' +
          `a CoverageEligibilityResponse (200) whose insurance[0] has inforce and ${OSMS_STATUS_EXTENSION} (the ` +
          'ground, category, until) and benefitPeriod.end.',
      },
    ],
  };
}
