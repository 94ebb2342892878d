import type { Patient, Reference } from '@medplum/fhirtypes';
import { isValidEnp } from '@/lib/domain/ru/enp';
import type { PolicyAnswer } from '@/lib/lookup/policy-answer';
import { enpIdentifier, fullName, staleMeta } from './common';
import { CLINIC_LOCAL_ID, clinicOrganization } from './organization';
import { MCOD_SYSTEM } from './systems';

/**
 * PolicyAnswer → Patient: what the clinic lookup may tell about a person and nothing more (product §5:
 * ЕНП, ФИО, birth date, the attached МО). No address, no documents, no СНИЛС — even when the search used
 * them.
 *
 * The logical id is derived from the ЕНП (`enp-<ЕНП>`), never the database id: the ЕНП is the person's
 * identifier for life, so the id is stable across insurers, regions and reloads, and a read by id is the
 * same lookup as a search by ЕНП (and is logged as one).
 *
 * Names follow the Russian core (Core_Patient): `family` is the surname, `given[0]` the first name and
 * `given[1]` the patronymic — the core defines no patronymic extension.
 */

const PATIENT_ID_PREFIX = 'enp-';

export function patientId(enp: string): string {
  return `${PATIENT_ID_PREFIX}${enp}`;
}

/** The ЕНП behind a Patient id, or null when the id is not one of ours. */
export function enpFromPatientId(id: string): string | null {
  if (!id.startsWith(PATIENT_ID_PREFIX)) return null;
  const enp = id.slice(PATIENT_ID_PREFIX.length);
  return isValidEnp(enp) ? enp : null;
}

export function toPatient(answer: PolicyAnswer): Patient {
  const { person, clinic } = answer;
  return {
    resourceType: 'Patient',
    id: patientId(answer.enp),
    ...staleMeta(answer),
    ...(clinic ? { contained: [clinicOrganization(clinic)] } : {}),
    identifier: [enpIdentifier(answer.enp)],
    name: [
      {
        use: 'official',
        text: fullName(person),
        family: person.lastName,
        given: person.patronymic ? [person.firstName, person.patronymic] : [person.firstName],
      },
    ],
    birthDate: person.birthDate,
    // Death ends the policy (reason death / declared dead): the one vital fact the answer carries.
    ...(answer.statusCode === 'DECEASED' ? { deceasedBoolean: true } : {}),
    ...(clinic
      ? {
          generalPractitioner: [
            {
              reference: `#${CLINIC_LOCAL_ID}`,
              type: 'Organization',
              identifier: { system: MCOD_SYSTEM, value: clinic.code },
              display: clinic.name,
            },
          ],
        }
      : {}),
  };
}

/** A reference to the Patient of an answer, from another resource (Coverage.beneficiary). */
export function patientReference(answer: PolicyAnswer): Reference<Patient> {
  return {
    reference: `Patient/${patientId(answer.enp)}`,
    type: 'Patient',
    identifier: enpIdentifier(answer.enp),
    display: fullName(answer.person),
  };
}
