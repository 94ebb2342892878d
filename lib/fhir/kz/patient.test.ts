import { describe, expect, it } from 'vitest';
import { IIN_SYSTEM } from '@/lib/kz/fhir-systems';
import { expectValidFhir } from '@/testing/fhir/fhir-validator';
import { IIN, insuredAnswer } from '@/testing/fhir/osms-answers';
import { STALE_TAG } from '../systems';
import { iinFromCoverageId, toOsmsCoverage } from './coverage';
import { iinFromPatientId, toOsmsPatient } from './patient';
import { osmsStatusOf } from './coverage';

describe('toOsmsPatient', () => {
  it('the ИИН, ФИО, sex and birth date — and nothing else', () => {
    const patient = toOsmsPatient(insuredAnswer());
    expectValidFhir(patient);
    expect(patient).toEqual({
      resourceType: 'Patient',
      id: `iin-${IIN}`,
      identifier: [expect.objectContaining({ system: IIN_SYSTEM, value: IIN, use: 'official' })],
      name: [
        {
          use: 'official',
          text: 'Ахметова Айгерим Болатовна',
          family: 'Ахметова',
          given: ['Айгерим', 'Болатовна'],
        },
      ],
      gender: 'female',
      birthDate: '1985-04-12',
    });
  });

  it('tags a last-known answer as stale', () => {
    const patient = toOsmsPatient(insuredAnswer({ stale: true, staleSince: '2026-11-20T05:00:00.000Z' }));
    expect(patient.meta?.tag).toEqual([expect.objectContaining({ code: STALE_TAG.code })]);
  });

  it('reads the ИИН back from ids, refusing ids that are not ours or not valid numbers', () => {
    expect(iinFromPatientId(`iin-${IIN}`)).toBe(IIN);
    expect(iinFromCoverageId(`osms-${IIN}`)).toBe(IIN);
    expect(iinFromPatientId(`enp-${IIN}`)).toBeNull();
    expect(iinFromPatientId(`iin-${IIN.slice(0, 11)}${(Number(IIN[11]) + 1) % 10}`)).toBeNull();
    expect(iinFromPatientId(`iin-${IIN.slice(0, 6)} ${IIN.slice(6)}`)).toBeNull();
  });
});

describe('toOsmsCoverage', () => {
  it('an insured person: active until the last day, the fund as payor, the ground in the extension', () => {
    const coverage = toOsmsCoverage(
      insuredAnswer({ code: 'TEMPORARY_DOCUMENT', until: '2026-12-21' as never }),
    );
    expectValidFhir(coverage);
    expect(coverage).toMatchObject({
      id: `osms-${IIN}`,
      status: 'active',
      period: { end: '2026-12-21' },
      beneficiary: { reference: `Patient/iin-${IIN}` },
      payor: [{ reference: '#fsms' }],
      contained: [expect.objectContaining({ resourceType: 'Organization', id: 'fsms' })],
    });
    expect(osmsStatusOf(coverage)).toMatchObject({
      insured: true,
      ground: 'TEMPORARY_DOCUMENT',
      until: '2026-12-21',
    });
  });

  it('no right on the date: cancelled, with no period', () => {
    const coverage = toOsmsCoverage(
      insuredAnswer({ insured: false, code: 'NO_CONTRIBUTIONS', category: null }),
    );
    expectValidFhir(coverage);
    expect(coverage.status).toBe('cancelled');
    expect(coverage).not.toHaveProperty('period');
    expect(osmsStatusOf(coverage)).toMatchObject({ insured: false, ground: 'NO_CONTRIBUTIONS' });
  });
});
