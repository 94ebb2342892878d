import { describe, expect, it } from 'vitest';
import { enpFromPatientId, patientId, toPatient } from './patient';
import { ENP_SYSTEM, MCOD_SYSTEM, STALE_TAG } from './systems';
import { activeAnswer, deceasedAnswer, ENP } from '@/testing/fhir/answers';
import { expectValidFhir } from '@/testing/fhir/fhir-validator';

describe('toPatient', () => {
  it('tells the ЕНП, ФИО with the patronymic as given[1], the birth date and the attached МО — nothing more', () => {
    const patient = toPatient(activeAnswer());
    expectValidFhir(patient);
    expect(patient).toMatchObject({
      resourceType: 'Patient',
      id: `enp-${ENP}`,
      identifier: [{ system: ENP_SYSTEM, value: ENP, type: { coding: [{ code: 'SB' }] } }],
      name: [
        {
          use: 'official',
          family: 'Смирнова',
          given: ['Ольга', 'Ивановна'],
          text: 'Смирнова Ольга Ивановна',
        },
      ],
      birthDate: '1985-03-14',
      generalPractitioner: [{ reference: '#mo', display: 'ГБУЗ «Городская поликлиника № 1»' }],
      contained: [
        { resourceType: 'Organization', id: 'mo', identifier: [{ system: MCOD_SYSTEM, value: '770001' }] },
      ],
    });
    expect(Object.keys(patient).sort()).toEqual(
      ['birthDate', 'contained', 'generalPractitioner', 'id', 'identifier', 'name', 'resourceType'].sort(),
    );
  });

  it('has one given name without a patronymic, no МО when not attached, and is deceased after death', () => {
    const patient = toPatient(
      deceasedAnswer({ person: { ...activeAnswer().person, patronymic: null }, clinic: null }),
    );
    expectValidFhir(patient);
    expect(patient.name?.[0]?.given).toEqual(['Ольга']);
    expect(patient.generalPractitioner).toBeUndefined();
    expect(patient.contained).toBeUndefined();
    expect(patient.deceasedBoolean).toBe(true);
  });

  it('tags a last-known answer as stale', () => {
    const patient = toPatient(activeAnswer({ stale: true, staleSince: '2026-11-22T08:00:00.000Z' }));
    expectValidFhir(patient);
    expect(patient.meta?.tag).toEqual([expect.objectContaining({ system: STALE_TAG.system, code: 'stale' })]);
  });

  it('derives a stable id from the ЕНП and reads it back; anything else is not an id of ours', () => {
    expect(patientId(ENP)).toBe(`enp-${ENP}`);
    expect(enpFromPatientId(`enp-${ENP}`)).toBe(ENP);
    expect(enpFromPatientId('enp-7700000000000017')).toBeNull(); // checksum
    expect(enpFromPatientId('42')).toBeNull();
    expect(enpFromPatientId(ENP)).toBeNull();
  });
});
