import type { LocalDate } from '@/lib/domain/dates';
import { syntheticIin } from '@/lib/domain/kz/iin';
import { kzProfile } from '@/lib/jurisdiction/kz';
import { IIN_SYSTEM } from '@/lib/kz/fhir-systems';
import { eligibilityExample, type ExampleRequest } from './examples';

/**
 * The ИИН of the documentation page's examples: the Kazakh demo register's first person, «employee»
 * (db/seed/kz/demo-people.ts; osms-examples.test.ts holds them equal), so on a demo server every example
 * answers.
 */
export const OSMS_EXAMPLE_IIN = syntheticIin('1990-05-14' as LocalDate, 'female', 7);

const query = (params: Record<string, string>) => new URLSearchParams(params).toString();

/**
 * The example requests of the API documentation page in a Kazakh deployment (REST here, FHIR below), built
 * from one ИИН, so the same builder serves the page (a demo person) and the test that sends every example
 * to the real API (osms-examples.kz.int.test.ts).
 */
export function osmsRestExamples(iin: string, visitDate: string): ExampleRequest[] {
  return [
    { title: 'По ИИН на сегодня', method: 'GET', path: `/api/v1/lookup?${query({ iin })}` },
    {
      title: 'По ИИН на дату приёма',
      method: 'GET',
      path: `/api/v1/lookup?${query({ iin, onDate: visitDate })}`,
    },
  ];
}

export function osmsFhirExamples(iin: string, visitDate: string): ExampleRequest[] {
  const identifier = `${IIN_SYSTEM}|${iin}`;
  return [
    {
      title: 'Пациент по ИИН вместе со статусом (Coverage)',
      method: 'GET',
      path: `/fhir/Patient?${query({ identifier, _revinclude: 'Coverage:beneficiary' })}`,
    },
    {
      title: 'Статус (Coverage) по ИИН',
      method: 'GET',
      path: `/fhir/Coverage?${query({ 'beneficiary.identifier': identifier })}`,
    },
    eligibilityExample(
      'Есть ли право на помощь в системе ОСМС на дату приёма',
      visitDate,
      kzProfile.texts.fundName,
      { identifier: [{ system: IIN_SYSTEM, value: iin }] },
    ),
  ];
}
