import { describe, expect, it } from 'vitest';
import { fhirValidationErrors } from '@/testing/fhir/fhir-validator';

/** The validator must reject what is invalid, or "every response validates" would prove nothing. */
describe('the FHIR R4 validator used by the tests', () => {
  const coverage = {
    resourceType: 'Coverage',
    status: 'active',
    beneficiary: { reference: 'Patient/enp-1' },
    payor: [{ reference: '#smo' }],
    contained: [{ resourceType: 'Organization', id: 'smo', name: 'СМО' }],
  };

  it('accepts a valid resource', () => {
    expect(fhirValidationErrors(coverage)).toEqual([]);
  });

  it.each([
    ['an unknown element', { ...coverage, suspended: true }],
    ['a missing mandatory element', { ...coverage, payor: undefined }],
    ['a code outside a required binding', { ...coverage, status: 'suspended' }],
    ['a malformed date', { ...coverage, period: { start: '14.03.1985' } }],
    [
      'an extension with both value and extensions',
      {
        ...coverage,
        extension: [{ url: 'x', valueString: 'a', extension: [{ url: 'y', valueString: 'b' }] }],
      },
    ],
    [
      'nested contained resources',
      {
        ...coverage,
        contained: [{ ...coverage.contained[0], contained: [{ resourceType: 'Organization', id: 'x' }] }],
      },
    ],
    ['an unknown resource type', { resourceType: 'Policy' }],
    ['a contained resource nothing refers to', { ...coverage, payor: [{ display: 'СМО' }] }],
    [
      'an invalid resource inside a Bundle',
      {
        resourceType: 'Bundle',
        type: 'searchset',
        entry: [
          {
            fullUrl: 'http://x/fhir/Coverage/1',
            resource: { ...coverage, status: 'bogus', payor: undefined },
            search: { mode: 'match' },
          },
        ],
      },
    ],
    [
      'an OperationOutcome issue without a code',
      { resourceType: 'OperationOutcome', issue: [{ severity: 'error' }] },
    ],
  ])('rejects %s', (_what, resource) => {
    expect(fhirValidationErrors(resource)).not.toEqual([]);
  });
});
