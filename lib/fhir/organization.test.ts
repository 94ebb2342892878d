import { describe, expect, it } from 'vitest';
import { clinicOrganization, insurerOrganization, registerOrganization } from './organization';
import { MCOD_SYSTEM, SMOCOD_SYSTEM } from './systems';
import { expectValidFhir } from '@/testing/fhir/fhir-validator';

describe('organisations', () => {
  it('the insurer: SMOCOD identifier, name, phone', () => {
    const org = insurerOrganization({ code: '77001', name: 'СМО', phone: '8-800-100-00-01' });
    expectValidFhir(org);
    expect(org).toMatchObject({
      id: 'smo',
      identifier: [{ system: SMOCOD_SYSTEM, value: '77001' }],
      name: 'СМО',
      telecom: [{ system: 'phone', value: '8-800-100-00-01' }],
      type: [{ coding: [{ code: 'ins' }] }],
    });
    expect(insurerOrganization({ code: '77001', name: 'СМО', phone: null }).telecom).toBeUndefined();
  });

  it('the МО by MCOD, and the register itself', () => {
    const mo = clinicOrganization({ code: '770001', name: 'Поликлиника' });
    expectValidFhir(mo);
    expect(mo.identifier).toEqual([{ use: 'official', system: MCOD_SYSTEM, value: '770001' }]);
    expectValidFhir(registerOrganization());
  });
});
