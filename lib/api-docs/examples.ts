import { ENP_SYSTEM, F011_SYSTEM, SNILS_SYSTEM } from '@/lib/fhir/systems';

/**
 * The example requests of the API documentation page, built from one person's identifiers, so the same
 * builder serves the page (the demo register's first person) and the test that sends every example to the
 * real API and expects an answer about that person (lib/api-docs/examples.int.test.ts).
 */
export interface ExamplePerson {
  enp: string;
  /** 11 digits. */
  snils: string;
  birthDate: string;
  passport: { series: string; number: string };
}

export interface ExampleRequest {
  /** What the example asks, in Russian. */
  title: string;
  method: 'GET' | 'POST';
  /** Path and query, percent-encoded as sent. */
  path: string;
  /** A JSON body (FHIR) for POST. */
  body?: Record<string, unknown>;
}

const query = (params: Record<string, string>) => new URLSearchParams(params).toString();

export function restExamples(p: ExamplePerson, visitDate: string): ExampleRequest[] {
  const lookup = (params: Record<string, string>) => `/api/v1/lookup?${query(params)}`;
  return [
    {
      title: 'По паспорту с датой рождения',
      method: 'GET',
      path: lookup({
        docType: 'passport',
        series: p.passport.series,
        number: p.passport.number,
        birthDate: p.birthDate,
      }),
    },
    { title: 'По ЕНП на дату приёма', method: 'GET', path: lookup({ enp: p.enp, onDate: visitDate }) },
    {
      title: 'По СНИЛС с датой рождения',
      method: 'GET',
      path: lookup({ snils: p.snils, birthDate: p.birthDate }),
    },
  ];
}

export function fhirExamples(p: ExamplePerson, visitDate: string): ExampleRequest[] {
  const passport = `${F011_SYSTEM}|14|${p.passport.series} ${p.passport.number}`;
  return [
    {
      title: 'Пациент по ЕНП',
      method: 'GET',
      path: `/fhir/Patient?${query({ identifier: `${ENP_SYSTEM}|${p.enp}` })}`,
    },
    {
      title: 'Пациент по СНИЛС с датой рождения, вместе с его полисом',
      method: 'GET',
      path: `/fhir/Patient?${query({
        identifier: `${SNILS_SYSTEM}|${p.snils}`,
        birthdate: p.birthDate,
        _revinclude: 'Coverage:beneficiary',
      })}`,
    },
    {
      title: 'Пациент по паспорту с датой рождения',
      method: 'GET',
      path: `/fhir/Patient?${query({ 'identifier:of-type': passport, birthdate: p.birthDate })}`,
    },
    {
      title: 'Полис (Coverage) по ЕНП застрахованного',
      method: 'GET',
      path: `/fhir/Coverage?${query({ 'beneficiary.identifier': `${ENP_SYSTEM}|${p.enp}` })}`,
    },
    eligibilityExample('Действует ли полис на дату приёма', visitDate, 'Страховая медицинская организация', {
      identifier: [{ system: ENP_SYSTEM, value: p.enp }],
      birthDate: p.birthDate,
    }),
  ];
}

/** A CoverageEligibilityRequest on the visit date, its patient contained (identifiers as the country has them). */
export function eligibilityExample(
  title: string,
  visitDate: string,
  insurer: string,
  patient: Record<string, unknown>,
): ExampleRequest {
  return {
    title,
    method: 'POST',
    path: '/fhir/CoverageEligibilityRequest',
    body: {
      resourceType: 'CoverageEligibilityRequest',
      status: 'active',
      purpose: ['validation'],
      created: visitDate,
      servicedDate: visitDate,
      insurer: { display: insurer },
      contained: [{ resourceType: 'Patient', id: 'p', ...patient }],
      patient: { reference: '#p' },
    },
  };
}

/** The example as a curl command line (the key from an environment variable, never in the text). */
export function curlCommand(origin: string, example: ExampleRequest, accept: string): string {
  const lines = [`curl -sS '${origin}${example.path}'`, `  -H "Authorization: Bearer $OMS_API_KEY"`];
  lines.push(`  -H 'Accept: ${accept}'`);
  if (example.method === 'POST') {
    lines.push(`  -H 'Content-Type: application/fhir+json'`);
    lines.push(`  --data '${JSON.stringify(example.body)}'`);
  }
  return lines.join(' \\\n');
}
