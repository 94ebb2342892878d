import { describe, expect, it } from 'vitest';
import { capabilityStatement } from './capability-statement';
import { COVERAGE_SEARCH_PARAMS, PATIENT_SEARCH_PARAMS, REVINCLUDE_COVERAGE } from './search-params';
import { expectValidFhir } from '@/testing/fhir/fhir-validator';
import { ruProfile } from '@/lib/jurisdiction/ru';

describe('capabilityStatement', () => {
  const cs = capabilityStatement('http://localhost/fhir');
  const resource = (type: string) => cs.rest?.[0]?.resource?.find((r) => r.type === type);

  it('is a valid R4 instance statement for FHIR JSON', () => {
    expectValidFhir(cs);
    expect(cs).toMatchObject({
      kind: 'instance',
      fhirVersion: '4.0.1',
      implementation: { url: 'http://localhost/fhir' },
    });
    expect(cs.format).toContain('application/fhir+json');
  });

  it('lists exactly the resources, interactions and search parameters the server supports', () => {
    expect(cs.rest?.[0]?.resource?.map((r) => r.type)).toEqual([
      'Patient',
      'Coverage',
      'CoverageEligibilityRequest',
    ]);
    expect(resource('Patient')?.interaction?.map((i) => i.code)).toEqual(['read', 'search-type']);
    expect(resource('Coverage')?.interaction?.map((i) => i.code)).toEqual(['read', 'search-type']);
    expect(resource('CoverageEligibilityRequest')?.interaction?.map((i) => i.code)).toEqual(['create']);
    expect(resource('Patient')?.searchRevInclude).toEqual([REVINCLUDE_COVERAGE]);
    // Modifiers and chains are documented on their base parameter (R4 has no element for them).
    const base = (p: string) => p.replace(/:.*$/, '').replace(/\..*$/, '');
    expect(
      resource('Patient')
        ?.searchParam?.map((p) => p.name)
        .sort(),
    ).toEqual([...new Set(PATIENT_SEARCH_PARAMS.filter((p) => !p.startsWith('_')).map(base))].sort());
    expect(
      resource('Coverage')
        ?.searchParam?.map((p) => p.name)
        .sort(),
    ).toEqual([...new Set(COVERAGE_SEARCH_PARAMS.map(base))].sort());
    const identifierDoc = resource('Patient')?.searchParam?.find(
      (p) => p.name === 'identifier',
    )?.documentation;
    expect(identifierDoc).toMatch(/:of-type/);
    // The systems are the deployment's profile's (ADR 0029), each named.
    for (const i of ruProfile.fhir.patientIdentifiers)
      expect(identifierDoc).toContain(`${i.system} (${i.label}`);
    expect(resource('Coverage')?.searchParam?.find((p) => p.name === 'beneficiary')?.documentation).toMatch(
      /beneficiary\.identifier.*beneficiary\.birthdate/,
    );
  });
});
