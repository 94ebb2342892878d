import { describe, expect, it } from 'vitest';
import { kzProfile } from '@/lib/jurisdiction/kz';
import { IIN_SYSTEM, OSMS_STATUS_SYSTEM } from '@/lib/kz/fhir-systems';
import { osmsCapability } from './capability-statement';
import { OSMS_COVERAGE_SEARCH_PARAMS, OSMS_PATIENT_SEARCH_PARAMS } from './search-params';
import { OSMS_STATUS_EXTENSION } from './systems';

describe('the CapabilityStatement of a Kazakh deployment', () => {
  const capability = osmsCapability(kzProfile);
  const resource = (type: string) => capability.resources.find((r) => r.type === type);
  const base = (p: string) => p.replace(/:.*$/, '').replace(/\..*$/, '');

  it('lists the resources, interactions and search parameters the Kazakh parser accepts, and no other', () => {
    expect(capability.resources.map((r) => r.type)).toEqual([
      'Patient',
      'Coverage',
      'CoverageEligibilityRequest',
    ]);
    expect(resource('Patient')?.interaction?.map((i) => i.code)).toEqual(['read', 'search-type']);
    expect(resource('CoverageEligibilityRequest')?.interaction?.map((i) => i.code)).toEqual(['create']);
    expect(resource('Patient')?.searchParam?.map((p) => p.name)).toEqual(
      OSMS_PATIENT_SEARCH_PARAMS.filter((p) => !p.startsWith('_')),
    );
    expect(
      resource('Coverage')
        ?.searchParam?.map((p) => p.name)
        .sort(),
    ).toEqual([...new Set(OSMS_COVERAGE_SEARCH_PARAMS.map(base))].sort());
  });

  it('documents the ИИН system, the status code system and the extension, and no Russian system', () => {
    const text = JSON.stringify(capability);
    expect(resource('Patient')?.searchParam?.[0]?.documentation).toContain(`${IIN_SYSTEM} (ИИН`);
    expect(text).toContain(OSMS_STATUS_SYSTEM);
    expect(text).toContain(OSMS_STATUS_EXTENSION);
    expect(text).not.toMatch(/fhir\.ru|ЕНП|СНИЛС|F011/);
  });
});
